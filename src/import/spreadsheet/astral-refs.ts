/**
 * Numeric character references above U+FFFF (`&#127925;`, `&#x1F3B5;`: how openpyxl — through
 * ElementTree — and other XML writers may store an emoji) turned into the character's own UTF-8
 * bytes before SheetJS reads the part. SheetJS decodes a reference with String.fromCharCode, which
 * keeps only the low 16 bits: 🎵 (U+1F3B5) would silently become U+F3B5. Literal UTF-8 it decodes
 * right, as Excel writes it. Runs in the parsing child, on the parts SheetJS has unzipped.
 */

/** A reference (decimal, or hex with x — SheetJS also takes X), or a CDATA section, whose text is literal and kept. */
const REFERENCE = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));/g;
const AMP_HASH = Buffer.from('&#', 'latin1');

/** The UTF-8 bytes of a code point in U+10000–U+10FFFF, as a latin1 string (one char per byte). */
function utf8Astral(codePoint: number): string {
  return Buffer.from(String.fromCodePoint(codePoint), 'utf8').toString('latin1');
}

/**
 * One XML part's bytes with every reference to a code point above U+FFFF (up to U+10FFFF) written
 * as UTF-8; the same bytes (the same object) when there is none. Smaller values, values past
 * U+10FFFF and references inside CDATA are left as they are: SheetJS reads those as before.
 */
export function rewriteAstralRefs(bytes: Uint8Array): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.indexOf(AMP_HASH) === -1) {
    return bytes;
  }
  let changed = false;
  const text = buffer.toString('latin1').replace(REFERENCE, (match: string, hex?: string, decimal?: string) => {
    if (hex === undefined && decimal === undefined) {
      return match; // a CDATA section
    }
    const codePoint = hex === undefined ? Number.parseInt(decimal ?? '', 10) : Number.parseInt(hex, 16);
    if (!(codePoint > 0xffff && codePoint <= 0x10ffff)) {
      return match;
    }
    changed = true;
    return utf8Astral(codePoint);
  });
  return changed ? Buffer.from(text, 'latin1') : bytes;
}

/** Whether a zip entry is an XML part whose references SheetJS decodes (.xml, .rels). */
export function isXmlPart(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.xml') || lower.endsWith('.rels');
}

interface ZipEntry {
  name?: unknown;
  content?: unknown;
}

/** The container SheetJS's CFB.read gives for a zip: its entries and their full paths, index for index. */
export interface ZipContainer {
  FileIndex: ZipEntry[];
  FullPaths: string[];
}

/** Rewrites, in place, the XML parts of an unzipped container (XLSX.CFB.read) that hold such references. */
export function rewriteContainerAstralRefs(zip: ZipContainer): void {
  zip.FileIndex.forEach((entry, index) => {
    const path = zip.FullPaths[index] ?? (typeof entry.name === 'string' ? entry.name : '');
    if (entry.content instanceof Uint8Array && isXmlPart(path)) {
      entry.content = rewriteAstralRefs(entry.content);
    }
  });
}
