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
