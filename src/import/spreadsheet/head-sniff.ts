/**
 * What a file is by its first bytes, before any zip parser sees it: an xlsx is a zip starting with
 * a local file header; an encrypted xlsx and an .xls are OLE compound files; a CSV (UTF-8, UTF-16
 * or Big5), an HTML or XML "Excel" file is text.
 */

export type HeadKind = 'zip' | 'empty-zip' | 'ole' | 'text' | 'other';

export const HEAD_BYTES = 4096;

const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
export const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const UTF16_BOMS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

/** Tab, newline, form feed, carriage return, and ^Z (the DOS end-of-file some CSV writers add). */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x1a]);

/**
 * Text in any 8-bit encoding (UTF-8, Big5, CP1252…): no control byte but tab, newlines, form feed and
 * ^Z. Every binary container we know has zero bytes in its first few hundred bytes.
 */
function looksLikeText(head: Buffer): boolean {
  if (UTF16_BOMS.some((bom) => head.subarray(0, 2).equals(bom))) {
    return true;
  }
  for (const byte of head) {
    if ((byte < 0x20 && !TEXT_CONTROLS.has(byte)) || byte === 0x7f) {
      return false;
    }
  }
  return head.length > 0;
}

export function headKind(head: Buffer): HeadKind {
  if (head.subarray(0, 4).equals(ZIP_LOCAL)) {
    return 'zip';
  }
  if (head.subarray(0, 4).equals(ZIP_EMPTY)) {
    return 'empty-zip';
  }
  if (head.subarray(0, 8).equals(OLE_MAGIC)) {
    return 'ole';
  }
  return looksLikeText(head) ? 'text' : 'other';
}
