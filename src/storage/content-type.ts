/**
 * The type of a file decided by its first bytes, never by its name or the client's Content-Type.
 * A few signatures are all the uploads need, so no library: PDF, JPEG and PNG (change-request
 * scans), and GIF (album covers). Each caller passes the types it allows.
 */
export const SNIFFED_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/gif'] as const;
export type SniffedType = (typeof SNIFFED_TYPES)[number];

const SIGNATURES: ReadonlyArray<{ type: SniffedType; bytes: readonly number[] }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61] }, // GIF87a
  { type: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61] }, // GIF89a
];

/** How many leading bytes `sniffContentType` needs to decide. */
export const SNIFF_BYTES = Math.max(...SIGNATURES.map((s) => s.bytes.length));

/** The type whose signature `head` starts with, or undefined. */
export function sniffContentType(head: Uint8Array): SniffedType | undefined {
  return SIGNATURES.find((s) => s.bytes.length <= head.length && s.bytes.every((b, i) => head[i] === b))?.type;
}

/** The usual extension, for a download name that lacks one. */
export function extensionOf(type: SniffedType): string {
  switch (type) {
    case 'application/pdf':
      return '.pdf';
    case 'image/jpeg':
      return '.jpg';
    case 'image/png':
      return '.png';
    case 'image/gif':
      return '.gif';
  }
}

/** The extensions a file of each type may carry in its name (lower case). */
const EXTENSIONS: Record<SniffedType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg', '.jpe', '.jfif'],
  'image/png': ['.png'],
  'image/gif': ['.gif'],
};

/**
 * The name a stored file is downloaded under: the uploader's name when its extension fits the
 * type found by content, else with the type's extension added, so `scan.exe` holding a PNG is
 * saved as `scan.exe.png` and opened as the image it is, never run.
 */
export function nameForType(fileName: string, type: SniffedType): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).toLowerCase() : '';
  return EXTENSIONS[type].includes(ext) ? fileName : `${fileName}${extensionOf(type)}`;
}

/**
 * Image formats phones and scanners write that no upload takes, named so the refusal can say what
 * the file is (an iPhone photo is HEIC, a multi-page scan often TIFF): the ISO BMFF brands of
 * HEIF/AVIF, TIFF's byte-order mark, WebP's RIFF form, and BMP with a known DIB header size.
 */
export type RefusedImageFormat = 'HEIC' | 'HEIF' | 'AVIF' | 'TIFF' | 'WebP' | 'BMP';

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** The sizes of the BITMAPCOREHEADER … BITMAPV5HEADER that follow BMP's 14-byte file header. */
const BMP_DIB_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

const latin1 = (head: Uint8Array, from: number, to: number) => Buffer.from(head.subarray(from, to)).toString('latin1');

/** The ISO BMFF file-type box's brands (major first, then compatible), if `head` starts with one. */
function bmffBrands(head: Uint8Array): string[] {
  if (head.length < 16 || latin1(head, 4, 8) !== 'ftyp') {
    return [];
  }
  const boxSize = Buffer.from(head).readUInt32BE(0);
  const end = Math.min(head.length, boxSize);
  const brands = [latin1(head, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) {
    brands.push(latin1(head, at, at + 4));
  }
  return brands;
}

/** The refused image format `head` (a file's first bytes, ≥ 64 for HEIF's brand list) starts like, or undefined. */
export function sniffRefusedImageFormat(head: Uint8Array): RefusedImageFormat | undefined {
  const brands = bmffBrands(head);
  if (brands.length > 0) {
    // The major brand decides; a generic one (mif1) is judged by its compatible brands.
    const major = brands[0] ?? '';
    if (HEIC_BRANDS.has(major) || (!AVIF_BRANDS.has(major) && brands.some((b) => HEIC_BRANDS.has(b)))) {
      return 'HEIC';
    }
    if (brands.some((b) => AVIF_BRANDS.has(b))) {
      return 'AVIF';
    }
    return brands.some((b) => b === 'mif1' || b === 'msf1') ? 'HEIF' : undefined;
  }
  const start = latin1(head, 0, 4);
  // II*\0 and MM\0* (TIFF), II+\0 and MM\0+ (BigTIFF).
  if (['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].includes(start)) {
    return 'TIFF';
  }
  if (start === 'RIFF' && latin1(head, 8, 12) === 'WEBP') {
    return 'WebP';
  }
  if (head.length >= 18 && latin1(head, 0, 2) === 'BM' && BMP_DIB_SIZES.has(Buffer.from(head).readUInt32LE(14))) {
    return 'BMP';
  }
  return undefined;
}

/** Readers find a PDF's header within its first 1024 bytes; the specification wants it at byte 0. */
export const PDF_HEADER_WINDOW = 1024;

/** Where `%PDF-` starts in `head` after byte 0 (junk in front of it), or undefined. */
export function misplacedPdfHeader(head: Uint8Array): number | undefined {
  const at = Buffer.from(head.subarray(0, PDF_HEADER_WINDOW + 5)).indexOf('%PDF-', 0, 'latin1');
  return at > 0 ? at : undefined;
}
