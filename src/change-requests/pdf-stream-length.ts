/**
 * A stream's /Length (PDF 32000-1, 7.3.8.2), as far as the active-content check can trust it: the
 * data a conforming reader takes is the /Length bytes after `stream`, so compressed data that happens
 * to spell `endstream` does not end it there. A length is used only where `endstream` follows it
 * (after an optional end of line); anything else (negative, huge, past the end, not an integer, an
 * indirect object not found) leaves the caller to its search for `endstream`. Every read here is
 * bounded, and the index of indirect integers is built at most once per file, in one pass.
 */

import { CR, endsToken, isWhitespace, LF } from './pdf-chars.js';

/** Whitespace read between the tokens of `/Length 12 0 R`: real files put one space; more is not looked through. */
const MAX_GAP = 256;
/** Digits read of one integer: a length past the 5 MB of an upload has no need of more. */
const MAX_DIGITS = 12;
/** Objects `N G obj <integer> endobj` remembered: a hostile file of millions gets the fallback past this. */
const MAX_INDEXED = 100_000;
/** Values remembered for one object number (a file may define it again, in an update or as a decoy). */
const MAX_VALUES = 4;

function isDigit(b: number | undefined): boolean {
  return b !== undefined && b >= 0x30 && b <= 0x39;
}

function skipGap(bytes: Uint8Array, at: number, end: number): number {
  let i = at;
  while (i < end && i - at < MAX_GAP && isWhitespace(bytes[i])) {
    i += 1;
  }
  return i;
}

/** An unsigned integer at `at` (at most MAX_DIGITS digits, then a token end): its value and where it ends. */
function integerAt(bytes: Uint8Array, at: number, end: number): { value: number; end: number } | undefined {
  let i = at;
  let value = 0;
  while (i < end && isDigit(bytes[i])) {
    if (i - at >= MAX_DIGITS) {
      return undefined;
    }
    value = value * 10 + ((bytes[i] ?? 0) - 0x30);
    i += 1;
  }
  return i > at && endsToken(bytes[i]) ? { value, end: i } : undefined;
}

function matches(bytes: Uint8Array, at: number, keyword: string): boolean {
  for (let k = 0; k < keyword.length; k += 1) {
    if (bytes[at + k] !== keyword.charCodeAt(k)) {
      return false;
    }
  }
  return endsToken(bytes[at + keyword.length]);
}

const key = (num: number, gen: number) => num * 65536 + gen;

/** The file's objects that are a bare integer (`12 0 obj 3456 endobj`), by number and generation. */
export class IndirectIntegers {
  private index: Map<number, number[]> | undefined;

  constructor(private readonly bytes: Buffer) {}

  values(num: number, gen: number): readonly number[] {
    this.index ??= this.build();
    return this.index.get(key(num, gen)) ?? [];
  }

  /** One pass over every `obj` keyword; each is read a bounded number of bytes back and forth. */
  private build(): Map<number, number[]> {
    const { bytes } = this;
    const index = new Map<number, number[]>();
    let at = bytes.indexOf('obj', 0, 'latin1');
    while (at !== -1 && index.size < MAX_INDEXED) {
      const value = this.integerObject(at);
      if (value !== undefined) {
        const values = index.get(value.key) ?? [];
        if (values.length < MAX_VALUES && !values.includes(value.value)) {
          values.push(value.value);
        }
        index.set(value.key, values);
      }
      at = bytes.indexOf('obj', at + 3, 'latin1');
    }
    return index;
  }

  /** `N G obj V endobj` around the `obj` at `at`, or undefined. */
  private integerObject(at: number): { key: number; value: number } | undefined {
    const { bytes } = this;
    if (!endsToken(bytes[at + 3]) || !isWhitespace(bytes[at - 1])) {
      return undefined;
    }
    const gen = integerBefore(bytes, at);
    const num = gen === undefined ? undefined : integerBefore(bytes, gen.start);
    if (gen === undefined || num === undefined) {
      return undefined;
    }
    const valueStart = skipGap(bytes, at + 3, bytes.length);
    const value = integerAt(bytes, valueStart, bytes.length);
    if (value === undefined) {
      return undefined;
    }
    const endobj = skipGap(bytes, value.end, bytes.length);
    return matches(bytes, endobj, 'endobj') ? { key: key(num.value, gen.value), value: value.value } : undefined;
  }
}

/** The integer that ends, before whitespace, just before `at` (a bounded look back). */
function integerBefore(bytes: Uint8Array, at: number): { value: number; start: number } | undefined {
  let end = at;
  while (end > 0 && at - end < MAX_GAP && isWhitespace(bytes[end - 1])) {
    end -= 1;
  }
  let start = end;
  while (start > 0 && end - start < MAX_DIGITS && isDigit(bytes[start - 1])) {
    start -= 1;
  }
  if (start === end || end === at || (start > 0 && !endsToken(bytes[start - 1]))) {
    return undefined;
  }
  const parsed = integerAt(bytes, start, end);
  return parsed === undefined ? undefined : { value: parsed.value, start };
}

/**
 * The lengths `/Length` (its token ending at `after`) may give, read within the dictionary: a direct
 * integer, or each value the file defines for `N G R`. Empty when the value is anything else.
 */
export function lengthValues(bytes: Buffer, after: number, dictionaryEnd: number, objects: IndirectIntegers): readonly number[] {
  const first = integerAt(bytes, skipGap(bytes, after, dictionaryEnd), dictionaryEnd);
  if (first === undefined) {
    return [];
  }
  const second = integerAt(bytes, skipGap(bytes, first.end, dictionaryEnd), dictionaryEnd);
  const r = second === undefined ? -1 : skipGap(bytes, second.end, dictionaryEnd);
  if (second !== undefined && r < dictionaryEnd && matches(bytes, r, 'R')) {
    return objects.values(first.value, second.value);
  }
  return [first.value];
}

/** Where the data ends if it is `length` bytes from `dataStart`: only where `endstream` follows (after an optional EOL). */
export function endByLength(bytes: Uint8Array, dataStart: number, length: number): { dataEnd: number; keyword: number } | undefined {
  if (!Number.isSafeInteger(length) || length < 0 || length > bytes.length - dataStart) {
    return undefined;
  }
  const dataEnd = dataStart + length;
  let keyword = dataEnd;
  if (bytes[keyword] === CR) {
    keyword += 1;
  }
  if (bytes[keyword] === LF) {
    keyword += 1;
  }
  return matches(bytes, keyword, 'endstream') ? { dataEnd, keyword } : undefined;
}
