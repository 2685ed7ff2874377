import { promisify } from 'node:util';
import { constants, inflate } from 'node:zlib';

/**
 * What a PDF carries besides pages, found without a PDF library (none is installed): the names of
 * actions, attached files and forms, read from the dictionaries — in the file's own text and inside
 * compressed object streams (/Type /ObjStm, where modern writers put most dictionaries) — with hex
 * escapes in names (`/J#61vaScript`) decoded as a reader does. Not a parser: where the file is too
 * odd to read this way, it says so (`uncheckable`) rather than guessing that it is harmless.
 */

export type PdfFeature = 'encrypted' | 'script' | 'launch' | 'embeddedFile' | 'richMedia' | 'xfa';

export type PdfInspection = { kind: 'checked'; features: ReadonlySet<PdfFeature> } | { kind: 'uncheckable'; reason: 'objectStreamFilter' | 'objectStreamDamaged' | 'tooMuchToInflate' };

export interface PdfInspectionLimits {
  /** Inflated bytes allowed for one object stream: real ones hold a few hundred KB of dictionaries. */
  perStream: number;
  /** Inflated bytes allowed for the whole file: a zip bomb stops here, not at the server's memory. */
  total: number;
  /** Object streams inflated at most: each costs a call into zlib. */
  streams: number;
}

export const PDF_INSPECTION_LIMITS: PdfInspectionLimits = { perStream: 8 * 1024 * 1024, total: 32 * 1024 * 1024, streams: 2000 };

/**
 * Names long enough never to occur by chance in binary data (image and font streams): looked for in
 * every byte of the file, so no trick with where a stream seems to end can hide them.
 */
const LONG_NAMES: ReadonlyMap<string, PdfFeature> = new Map([
  ['Encrypt', 'encrypted'],
  ['JavaScript', 'script'],
  ['Launch', 'launch'],
  ['EmbeddedFile', 'embeddedFile'],
  ['EmbeddedFiles', 'embeddedFile'],
  ['FileAttachment', 'embeddedFile'],
  ['RichMedia', 'richMedia'],
  ['RichMediaContent', 'richMedia'],
  ['RichMediaExecute', 'richMedia'],
]);

/** Short names (the script itself, a file specification's embedded file, the XFA form): dictionaries only. */
const SHORT_NAMES: ReadonlyMap<string, PdfFeature> = new Map([
  ['JS', 'script'],
  ['EF', 'embeddedFile'],
  ['XFA', 'xfa'],
]);

const ALL_NAMES: ReadonlyMap<string, PdfFeature> = new Map([...LONG_NAMES, ...SHORT_NAMES]);

/** A name token: `/` and the regular characters after it (PDF 32000-1, 7.2.2 and 7.3.5). */
const NAME = /\/[^\0\t\n\f\r ()<>[\]{}/%]*/g;

/** A name's characters, its `#xx` escapes decoded (a `#` without two hex digits stays, as readers keep it). */
function decodeName(token: string): string {
  return token.slice(1).replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Every name in `text` (latin1), decoded. Long tokens are no name we look for and are skipped undecoded. */
function* namesIn(text: string): Generator<string> {
  for (const match of text.matchAll(NAME)) {
    // The longest name looked for, fully escaped, is 3 × 16 characters.
    if (match[0].length <= 49) {
      yield decodeName(match[0]);
    }
  }
}

function collect(text: string, names: ReadonlyMap<string, PdfFeature>, into: Set<PdfFeature>): void {
  for (const name of namesIn(text)) {
    const feature = names.get(name);
    if (feature !== undefined) {
      into.add(feature);
    }
  }
}

interface StreamPart {
  /** The text between the previous stream's end and this stream's `stream` keyword: its dictionary. */
  dictionary: string;
  data: Buffer;
}

/**
 * Splits the file into stream data and the text around it. A stream starts after the keyword
 * `stream` and its end of line (or straight after the keyword when a dictionary's `>>` comes just
 * before it: lenient readers take that too), and ends at the next `endstream` (what readers fall
 * back on when /Length is wrong; /Length may be an indirect object, so it is not trusted here).
 */
function splitStreams(bytes: Buffer): { outside: string[]; streams: StreamPart[] } {
  const outside: string[] = [];
  const streams: StreamPart[] = [];
  let from = 0;
  let at = bytes.indexOf('stream', 0, 'latin1');
  while (at !== -1) {
    const isEnd = at >= 3 && bytes.toString('latin1', at - 3, at) === 'end';
    let dataStart = at + 6;
    if (bytes[dataStart] === 0x0d) {
      dataStart += 1;
    }
    if (bytes[dataStart] === 0x0a) {
      dataStart += 1;
    }
    const afterDictionary = bytes
      .toString('latin1', Math.max(from, at - 64), at)
      .trimEnd()
      .endsWith('>>');
    if (isEnd || (dataStart === at + 6 && !afterDictionary)) {
      at = bytes.indexOf('stream', at + 6, 'latin1');
      continue;
    }
    const dictionary = bytes.toString('latin1', from, at);
    outside.push(dictionary);
    const end = bytes.indexOf('endstream', dataStart, 'latin1');
    const dataEnd = end === -1 ? bytes.length : end;
    // The stream's own dictionary: what follows the previous object's end.
    const ownStart = dictionary.lastIndexOf('endobj');
    streams.push({ dictionary: ownStart === -1 ? dictionary : dictionary.slice(ownStart + 6), data: bytes.subarray(dataStart, dataEnd) });
    from = dataEnd;
    at = end === -1 ? -1 : bytes.indexOf('stream', end + 9, 'latin1');
  }
  outside.push(bytes.toString('latin1', from));
  return { outside, streams };
}

/** The standard stream filters, full and abbreviated (PDF 32000-1, 7.4 and 8.9.7). */
const FILTERS = new Set([
  'FlateDecode',
  'Fl',
  'LZWDecode',
  'LZW',
  'ASCIIHexDecode',
  'AHx',
  'ASCII85Decode',
  'A85',
  'RunLengthDecode',
  'RL',
  'CCITTFaxDecode',
  'CCF',
  'DCTDecode',
  'DCT',
  'JBIG2Decode',
  'JPXDecode',
  'Crypt',
]);
const FLATE = new Set(['FlateDecode', 'Fl']);

/** How an object stream's data is decoded: inflated `times` times (0: plain), or not by this reader. */
type ObjectStreamCoding = { kind: 'notObjectStream' } | { kind: 'other' } | { kind: 'inflate'; times: number };

function objectStreamCoding(dictionary: string): ObjectStreamCoding {
  const names = [...namesIn(dictionary)];
  if (!names.includes('ObjStm') && !(names.includes('N') && names.includes('First'))) {
    return { kind: 'notObjectStream' };
  }
  if (!names.includes('Filter')) {
    return { kind: 'inflate', times: 0 };
  }
  // A predictor scrambles the inflated bytes row by row; no writer uses one on object streams.
  if (names.includes('Predictor')) {
    return { kind: 'other' };
  }
  const filters = names.filter((n) => FILTERS.has(n));
  // `/Filter 7 0 R` leaves no filter name in the dictionary: unknown, so not readable here.
  return filters.length > 0 && filters.every((n) => FLATE.has(n)) ? { kind: 'inflate', times: filters.length } : { kind: 'other' };
}

const inflateAsync = promisify(inflate);

/**
 * The features `bytes` (a whole PDF, at most a few MB) carries. Object streams are inflated off the
 * main thread, each and all together capped (`limits`); a stream that inflates past its cap, or
 * that cannot be inflated, makes the file uncheckable.
 */
export async function inspectPdf(bytes: Buffer, limits: PdfInspectionLimits = PDF_INSPECTION_LIMITS): Promise<PdfInspection> {
  const features = new Set<PdfFeature>();
  collect(bytes.toString('latin1'), LONG_NAMES, features);
  if (features.has('encrypted')) {
    // Its object streams are ciphertext: nothing more to read, and the officer could not open it.
    return { kind: 'checked', features };
  }
  const { outside, streams } = splitStreams(bytes);
  for (const text of outside) {
    collect(text, SHORT_NAMES, features);
  }
  let inflated = 0;
  let count = 0;
  for (const stream of streams) {
    const coding = objectStreamCoding(stream.dictionary);
    if (coding.kind === 'notObjectStream') {
      continue;
    }
    if (coding.kind === 'other') {
      return { kind: 'uncheckable', reason: 'objectStreamFilter' };
    }
    count += 1;
    if (count > limits.streams) {
      return { kind: 'uncheckable', reason: 'tooMuchToInflate' };
    }
    let content = stream.data;
    // [/FlateDecode /FlateDecode] is inflated twice, each pass counted against the caps.
    for (let pass = 0; pass < coding.times; pass += 1) {
      try {
        // Sync flush: a stream cut short gives what it holds, as a reader shows it.
        content = await inflateAsync(content, { maxOutputLength: Math.max(1, Math.min(limits.perStream, limits.total - inflated)), finishFlush: constants.Z_SYNC_FLUSH });
      } catch (err) {
        const tooLarge = err instanceof RangeError || (err instanceof Error && 'code' in err && err.code === 'ERR_BUFFER_TOO_LARGE');
        return { kind: 'uncheckable', reason: tooLarge ? 'tooMuchToInflate' : 'objectStreamDamaged' };
      }
      inflated += content.length;
    }
    collect(content.toString('latin1'), ALL_NAMES, features);
  }
  return { kind: 'checked', features };
}
