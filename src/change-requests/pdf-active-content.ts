import { promisify } from 'node:util';
import { constants, inflate } from 'node:zlib';
import { findNames, layoutOf } from './pdf-syntax.js';

/**
 * What a PDF carries besides pages, found without a PDF library (none is installed): the names of
 * actions, attached files and forms, read from the dictionaries — in the file's own text and inside
 * compressed object streams (/Type /ObjStm, where modern writers put most dictionaries) — with hex
 * escapes in names (`/J#61vaScript`) decoded as a reader does. Not a parser: where the file is too
 * odd to read this way, it says so (`uncheckable`) rather than guessing that it is harmless.
 */

export type PdfFeature = 'encrypted' | 'script' | 'launch' | 'submitForm' | 'importData' | 'remoteGoTo' | 'embeddedFile' | 'richMedia' | 'xfa';

export type PdfInspection =
  { kind: 'checked'; features: ReadonlySet<PdfFeature> } | { kind: 'uncheckable'; reason: 'objectStreamFilter' | 'objectStreamDamaged' | 'tooMuchToInflate' | 'streamHidden' };

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
  // Actions that reach outside the file: send the form's fields to an address, read field values from
  // another file, open another (remote or embedded) document, whose address can leak the officer's
  // credentials (an SMB path sends a Windows password hash). A plain web link (/URI) is not among them.
  ['SubmitForm', 'submitForm'],
  ['ImportData', 'importData'],
  ['GoToR', 'remoteGoTo'],
  ['GoToE', 'remoteGoTo'],
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

const NAME_SETS = new Map([LONG_NAMES, SHORT_NAMES, ALL_NAMES].map((names) => [names, new Set(names.keys())]));

function collect(bytes: Buffer, region: { start: number; end: number }, names: ReadonlyMap<string, PdfFeature>, into: Set<PdfFeature>): void {
  findNames(bytes, region, NAME_SETS.get(names) ?? new Set(names.keys()), (name) => {
    const feature = names.get(name);
    if (feature !== undefined) {
      into.add(feature);
    }
  });
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
/** The names that tell an object stream and how it is coded. */
const CODING_NAMES: ReadonlySet<string> = new Set(['ObjStm', 'N', 'First', 'Filter', 'DecodeParms', 'DP', 'Predictor', ...FILTERS]);

/** How an object stream's data is decoded: inflated `times` times (0: plain), or not by this reader. */
type ObjectStreamCoding = { kind: 'notObjectStream' } | { kind: 'other' } | { kind: 'inflate'; times: number };

function objectStreamCoding(bytes: Buffer, dictionary: { start: number; end: number }): ObjectStreamCoding {
  const names: string[] = [];
  findNames(bytes, dictionary, CODING_NAMES, (name) => names.push(name));
  if (!names.includes('ObjStm') && !(names.includes('N') && names.includes('First'))) {
    return { kind: 'notObjectStream' };
  }
  if (!names.includes('Filter')) {
    return { kind: 'inflate', times: 0 };
  }
  // Decode parameters (a predictor scrambles the inflated bytes row by row) are not applied here, and
  // `/DecodeParms 8 0 R` hides what they are: no writer uses them on object streams, so any is refused.
  if (names.includes('DecodeParms') || names.includes('DP') || names.includes('Predictor')) {
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
  collect(bytes, { start: 0, end: bytes.length }, LONG_NAMES, features);
  if (features.has('encrypted')) {
    // Its object streams are ciphertext: nothing more can be read, whether or not it opens without a password.
    return { kind: 'checked', features };
  }
  const layout = layoutOf(bytes);
  if (layout === undefined) {
    return { kind: 'uncheckable', reason: 'streamHidden' };
  }
  for (const region of layout.outside) {
    collect(bytes, region, SHORT_NAMES, features);
  }
  let inflated = 0;
  let count = 0;
  for (const stream of layout.streams) {
    const coding = objectStreamCoding(bytes, stream.dictionary);
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
    let content = bytes.subarray(stream.data.start, stream.data.end);
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
    collect(content, { start: 0, end: content.length }, ALL_NAMES, features);
  }
  return { kind: 'checked', features };
}
