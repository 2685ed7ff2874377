import { openAsBlob } from 'node:fs';
import { parseBlob, parseBuffer, type ITag } from 'music-metadata';
import { normaliseIsrc } from '../isrc/index.js';
import type { AudioContainer } from '../shared/enums.js';
import { id3TagElsewhere } from './id3-elsewhere.js';

/**
 * ISRCs embedded in a file's tags, read with music-metadata.
 *
 * music-metadata alone picks its parser from the file name and trusts it, so we choose the parser
 * from the container ffprobe decided (a Blob typed with its MIME type; the Blob also gives random
 * access, so tags appended at the end, APEv2, are found). Only real ISRC fields count: ID3v2 TSRC
 * (TRC in v2.2), TXXX:ISRC, iTunes `----:com.apple.iTunes:ISRC` and APEv2 `ISRC`, also in the ID3v2
 * tags music-metadata does not reach (id3-elsewhere.ts: RF64/BW64, appended to an MP3). A WAV's RIFF INFO
 * `ISRC` chunk means "source" and is never read as one.
 */

/** The MIME type that selects music-metadata's parser for each container. */
export const TAG_PARSER_MIME: Readonly<Record<AudioContainer, string>> = { mp3: 'audio/mpeg', wav: 'audio/wav', mp4: 'audio/mp4' };

const ID3V2 = new Set(['ID3v2.2', 'ID3v2.3', 'ID3v2.4']);

/** Is this native tag (of the given tag type) an ISRC field? */
export function isIsrcTag(tagType: string, id: string): boolean {
  const key = id.toUpperCase();
  if (ID3V2.has(tagType)) {
    return key === 'TSRC' || key === 'TRC' || key === 'TXXX:ISRC';
  }
  if (tagType === 'iTunes') {
    return key === '----:COM.APPLE.ITUNES:ISRC';
  }
  if (tagType === 'APEv2') {
    return key === 'ISRC';
  }
  return false;
}

/** Text values of a tag: a string, strings, or music-metadata's `{ text }` shapes. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown) => textsOf(item));
  }
  if (typeof value === 'object' && value !== null && 'text' in value) {
    return textsOf(value.text);
  }
  return [];
}

/** Separators between several codes in one value: `A/B` (ID3v2.3), NUL (ID3v2.4), and ; , | seen in the wild. */
const SEPARATORS = /[/;,|]/u;
const NUL = '\u0000';

/**
 * The valid ISRCs in one tag value, normalised. The whole value is tried first, so a code written
 * with spaces or hyphens (`TW-A12-26-00001`) stays one code; otherwise each separated part is tried.
 */
export function isrcsInTagValue(value: string): string[] {
  const whole = normaliseIsrc(value);
  if (whole.ok) {
    return [whole.value];
  }
  // A part that is no code may still be several codes separated by spaces.
  return value
    .split(NUL)
    .flatMap((piece) => piece.split(SEPARATORS))
    .flatMap((part) => {
      const parsed = normaliseIsrc(part);
      if (parsed.ok) {
        return [parsed.value];
      }
      return part.split(/\s+/u).flatMap((word) => {
        const single = normaliseIsrc(word);
        return single.ok ? [single.value] : [];
      });
    });
}

/** ISRCs from music-metadata's native tags, in tag order, deduplicated. */
export function isrcsFromNativeTags(native: Readonly<Record<string, readonly ITag[]>>): string[] {
  const found = new Set<string>();
  for (const [tagType, tags] of Object.entries(native)) {
    for (const tag of tags) {
      if (isIsrcTag(tagType, tag.id)) {
        for (const text of textsOf(tag.value)) {
          for (const isrc of isrcsInTagValue(text)) {
            found.add(isrc);
          }
        }
      }
    }
  }
  return [...found];
}

/**
 * Reads the ISRC tags of a file that ffprobe decided is `container`. A file whose tags cannot be
 * parsed has none: the tags only give warnings, never a refusal.
 */
export async function readIsrcTags(filePath: string, container: AudioContainer): Promise<string[]> {
  try {
    const blob = await openAsBlob(filePath, { type: TAG_PARSER_MIME[container] });
    const metadata = await parseBlob(blob, { duration: false, skipCovers: true });
    const found = isrcsFromNativeTags(metadata.native);
    return found.length === 0 ? await isrcsElsewhere(filePath, container) : found;
  } catch {
    return isrcsElsewhere(filePath, container);
  }
}

/** The ISRCs of an ID3v2 tag music-metadata does not reach (id3-elsewhere.ts). */
async function isrcsElsewhere(filePath: string, container: AudioContainer): Promise<string[]> {
  try {
    const tag = await id3TagElsewhere(filePath, container);
    if (tag === undefined) {
      return [];
    }
    const metadata = await parseBuffer(tag, { mimeType: TAG_PARSER_MIME.mp3 }, { duration: false, skipCovers: true });
    return isrcsFromNativeTags(metadata.native);
  } catch {
    return [];
  }
}
