/** PDF's character classes (PDF 32000-1, 7.2.2), shared by the scanners of pdf-syntax.ts and pdf-stream-length.ts. */

export const CR = 0x0d;
export const LF = 0x0a;

const WHITESPACE_BYTES = [0x00, 0x09, LF, 0x0c, CR, 0x20];

/** 1 for the six whitespace characters. */
export const WHITESPACE = new Uint8Array(256);
for (const b of WHITESPACE_BYTES) {
  WHITESPACE[b] = 1;
}

/** 1 for regular characters (neither whitespace nor a delimiter): those of names, numbers and keywords. */
export const REGULAR = new Uint8Array(256).fill(1);
for (const b of [...WHITESPACE_BYTES, ...Buffer.from('()<>[]{}/%', 'latin1')]) {
  REGULAR[b] = 0;
}

export function isWhitespace(b: number | undefined): boolean {
  return b !== undefined && WHITESPACE[b] === 1;
}

/** Whether `b` ends a keyword or a number: whitespace, a delimiter, or the end of the file. */
export function endsToken(b: number | undefined): boolean {
  return b === undefined || REGULAR[b] === 0;
}
