import { CR, LF, REGULAR, WHITESPACE } from './pdf-chars.js';
import { endByLength, IndirectIntegers, lengthValues } from './pdf-stream-length.js';

/**
 * The little of PDF syntax (PDF 32000-1, 7.2 and 7.3) the active-content check needs: where names
 * are and what they spell, and where stream data lies. Every function here walks the bytes once
 * (no regular expression, no text copy of the file), so a hostile upload of a few MB costs a few
 * milliseconds of the event loop, not seconds.
 */

const SLASH = 0x2f;
const HASH = 0x23;
const PERCENT = 0x25;
const GT = 0x3e;
const LT = 0x3c;
const OPEN = 0x28;
const CLOSE = 0x29;
const BACKSLASH = 0x5c;

/** The value of a hex digit, or -1. */
function hexValue(b: number | undefined): number {
  if (b === undefined) {
    return -1;
  }
  if (b >= 0x30 && b <= 0x39) {
    return b - 0x30;
  }
  const lower = b | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** A name's characters, its `#xx` escapes decoded (a `#` without two hex digits stays, as readers keep it). */
function decodeName(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i += 1) {
    const b = bytes[i] ?? 0;
    const high = b === HASH && i + 2 < end ? hexValue(bytes[i + 1]) : -1;
    const low = high === -1 ? -1 : hexValue(bytes[i + 2]);
    if (low !== -1) {
      out += String.fromCharCode(high * 16 + low);
      i += 2;
    } else {
      out += String.fromCharCode(b);
    }
  }
  return out;
}

/** What a set of names is looked up by: their first characters, and how long they can be written. */
interface NameIndex {
  first: Uint8Array;
  /** Fully escaped (`#xx` for each character), the longest name is three times its length. */
  longest: number;
}
const indexes = new WeakMap<ReadonlySet<string>, NameIndex>();

function indexOf(names: ReadonlySet<string>): NameIndex {
  let index = indexes.get(names);
  if (index === undefined) {
    index = { first: new Uint8Array(256), longest: 0 };
    for (const name of names) {
      index.first[name.charCodeAt(0)] = 1;
      index.longest = Math.max(index.longest, 3 * name.length);
    }
    indexes.set(names, index);
  }
  return index;
}

/**
 * Calls `found` with every name token in `bytes[start, end)` (the `/` and the regular characters
 * after it) that spells one of `names` once its escapes are decoded. Only tokens that can spell one
 * (by length and first character) are decoded, so a file of nothing but names costs one pass.
 */
export function findNames(bytes: Uint8Array, region: { start: number; end: number }, names: ReadonlySet<string>, found: (name: string, end: number) => void): void {
  const { first, longest } = indexOf(names);
  const { end } = region;
  for (let i = region.start; i < end; i += 1) {
    if (bytes[i] !== SLASH) {
      continue;
    }
    let j = i + 1;
    while (j < end && REGULAR[bytes[j] ?? 0] === 1) {
      j += 1;
    }
    const length = j - i - 1;
    if (length >= 1 && length <= longest) {
      const high = bytes[i + 1] === HASH && length >= 3 ? hexValue(bytes[i + 2]) : -1;
      const low = high === -1 ? -1 : hexValue(bytes[i + 3]);
      if (first[low === -1 ? (bytes[i + 1] ?? 0) : high * 16 + low] === 1) {
        const name = decodeName(bytes, i + 1, j);
        if (names.has(name)) {
          found(name, j);
        }
      }
    }
    // The delimiter that ended the token may start the next name.
    i = j - 1;
  }
}

/** The stream data the file holds, and the text around it. Offsets into the file's bytes. */
export interface PdfLayout {
  /**
   * The text between streams: objects, comments, strings, the trailer; and the part of a stream's
   * data after an `endstream` that its /Length runs past (a reader that ignores /Length reads it as text).
   */
  outside: Array<{ start: number; end: number }>;
  /** Each stream: its dictionary (the text from its object's `obj` keyword to `stream`) and its data. */
  streams: Array<{ dictionary: { start: number; end: number }; data: { start: number; end: number } }>;
}

/**
 * Whether `stream` at `at` could be the keyword of a stream a reader sees: `>>` before it, with only
 * whitespace and comments between (looked for up to 1 KB back, and not before `floor`).
 */
function afterDictionary(bytes: Uint8Array, at: number, floor: number): boolean {
  const limit = Math.max(floor, at - 1024);
  let q = at;
  for (;;) {
    while (q > limit && WHITESPACE[bytes[q - 1] ?? 0] === 1) {
      q -= 1;
    }
    if (q - 2 >= limit && bytes[q - 1] === GT && bytes[q - 2] === GT) {
      return true;
    }
    // A comment between: the rest of the line from its first `%` is skipped, as a reader does.
    let comment = -1;
    let lineStart = q;
    while (lineStart > limit && bytes[lineStart - 1] !== CR && bytes[lineStart - 1] !== LF) {
      lineStart -= 1;
      if (bytes[lineStart] === PERCENT) {
        comment = lineStart;
      }
    }
    if (comment === -1) {
      return false;
    }
    q = comment;
  }
}

/**
 * Whether `bytes[start, end)`, which this reading skips (stream data, a string, a comment), holds what
 * looks like another stream's start (`>> stream`). A reader that ends the region elsewhere (by a
 * /Length, by rebuilding a damaged cross-reference table from `obj` keywords) would read that stream,
 * unseen here: the file is then not checkable. Genuine files never have it: compressed data spells
 * these nine or more bytes by chance about once in 2^70 positions.
 */
function hidesStream(bytes: Buffer, start: number, end: number): boolean {
  const region = bytes.subarray(start, end);
  let at = region.indexOf('stream', 0, 'latin1');
  while (at !== -1) {
    const absolute = start + at;
    const isEnd = at >= 3 && region[at - 1] === 0x64 && region[at - 2] === 0x6e && region[at - 3] === 0x65;
    if (!isEnd && afterDictionary(bytes, absolute, start)) {
      return true;
    }
    at = region.indexOf('stream', at + 6, 'latin1');
  }
  return false;
}

/** Where the literal string opening at `at` ends (after its `)`): nested parentheses and `\` escapes count. */
function stringEnd(bytes: Uint8Array, at: number): number {
  let depth = 0;
  for (let i = at; i < bytes.length; i += 1) {
    const b = bytes[i];
    if (b === BACKSLASH) {
      i += 1;
    } else if (b === OPEN) {
      depth += 1;
    } else if (b === CLOSE) {
      depth -= 1;
      if (depth === 0) {
        return i + 1;
      }
    }
  }
  return bytes.length;
}

function lineEnd(bytes: Uint8Array, at: number): number {
  let i = at;
  while (i < bytes.length && bytes[i] !== CR && bytes[i] !== LF) {
    i += 1;
  }
  return i;
}

function isKeyword(bytes: Uint8Array, start: number, end: number, keyword: string): boolean {
  if (end - start !== keyword.length) {
    return false;
  }
  for (let i = 0; i < keyword.length; i += 1) {
    if (bytes[start + i] !== keyword.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}

const LENGTH: ReadonlySet<string> = new Set(['Length']);

/**
 * Where the data starting at `dataStart` ends by the dictionary's /Length: of the lengths it may give
 * (one per `/Length` token, a decoy in a nested dictionary or a string too), the longest that
 * `endstream` follows. Taking the longest is the cautious choice: what it makes data is still searched
 * for long names and hidden stream starts, and its part after the first `endstream` for short names.
 */
function endByDictionary(bytes: Buffer, dictionary: { start: number; end: number }, dataStart: number, objects: IndirectIntegers): { dataEnd: number; keyword: number } | undefined {
  let best: { dataEnd: number; keyword: number } | undefined;
  findNames(bytes, dictionary, LENGTH, (_name, after) => {
    for (const length of lengthValues(bytes, after, dictionary.end, objects)) {
      const end = endByLength(bytes, dataStart, length);
      if (end !== undefined && (best === undefined || end.dataEnd > best.dataEnd)) {
        best = end;
      }
    }
  });
  return best;
}

/**
 * Splits the file into stream data and the text around it, reading tokens as a reader does: a
 * `stream` keyword in a comment or a string is no stream. A stream's data starts after the keyword
 * and its end of line (or straight after the keyword, where a lenient writer put none) and is /Length
 * bytes long where `endstream` follows that (direct, or an indirect integer object), else it ends at
 * the next `endstream` (what readers fall back on when /Length is wrong). `undefined` when a skipped
 * region hides a stream start.
 */
export function layoutOf(bytes: Buffer): PdfLayout | undefined {
  const layout: PdfLayout = { outside: [], streams: [] };
  const objects = new IndirectIntegers(bytes);
  let from = 0;
  let objectStart = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (WHITESPACE[b] === 1) {
      i += 1;
    } else if (b === PERCENT || b === OPEN) {
      const end = b === PERCENT ? lineEnd(bytes, i) : stringEnd(bytes, i);
      if (hidesStream(bytes, i, end)) {
        return undefined;
      }
      i = end;
    } else if (b === LT && bytes[i + 1] === LT) {
      i += 2;
    } else if (b === LT) {
      // A hex string: to its `>` (or the end of the file, so a stray `<` costs one search, not one per byte).
      const end = bytes.indexOf(GT, i + 1);
      i = end === -1 ? n : end + 1;
    } else if (REGULAR[b] === 0 || b === SLASH) {
      // A delimiter, or a name: `/` and its regular characters (a name is never a keyword).
      i += 1;
      while (b === SLASH && i < n && REGULAR[bytes[i] ?? 0] === 1) {
        i += 1;
      }
    } else {
      let j = i;
      while (j < n && REGULAR[bytes[j] ?? 0] === 1) {
        j += 1;
      }
      if (isKeyword(bytes, i, j, 'obj')) {
        objectStart = j;
      } else if (isKeyword(bytes, i, Math.min(j, i + 6), 'stream')) {
        // `streamx…`: data written straight after the keyword (the `x` of a zlib header is a regular character).
        let dataStart = i + 6;
        if (bytes[dataStart] === CR) {
          dataStart += 1;
        }
        if (bytes[dataStart] === LF) {
          dataStart += 1;
        }
        const dictionary = { start: Math.max(from, objectStart), end: i };
        const endstream = bytes.indexOf('endstream', dataStart, 'latin1');
        const declared = endByDictionary(bytes, dictionary, dataStart, objects);
        const dataEnd = declared?.dataEnd ?? (endstream === -1 ? n : endstream);
        if (hidesStream(bytes, dataStart, dataEnd)) {
          return undefined;
        }
        layout.outside.push({ start: from, end: i });
        if (endstream !== -1 && endstream < dataEnd) {
          layout.outside.push({ start: endstream, end: dataEnd });
        }
        layout.streams.push({ dictionary, data: { start: dataStart, end: dataEnd } });
        from = dataEnd;
        j = declared !== undefined ? declared.keyword + 9 : endstream === -1 ? n : endstream + 9;
      }
      i = j;
    }
  }
  layout.outside.push({ start: from, end: n });
  return layout;
}
