import { open, type FileHandle } from 'node:fs/promises';
import { readAt } from './read-at.js';
import { id3v2End } from './audio-formats.js';
import { chunkSize, RIFF_WAVE_IDS } from './media-sniff.js';

/**
 * Finds a file cut short by looking at its container's own sizes: a WAV whose data chunk claims
 * more bytes than follow it, an mp4 whose top-level box (mdat, moov) runs past the end, an MP3
 * ending in zeros. ffprobe
 * alone reads a cut WAV as a shorter one and a cut mp4 without its moov as "no moov": neither
 * says the file is incomplete. Each returns why (for the log) or undefined.
 */

/** Chunks or boxes walked before giving up (a WAV has a handful, a fragmented mp4 two per fragment). */
const MAX_UNITS = 100_000;

interface WaveStart {
  size: number;
  /** Where the RIFF header starts (after an ID3v2 tag some taggers put in front). */
  start: number;
  sixtyFour: boolean;
  bigEndian: boolean;
}

/** The file's WAVE header, if it is a RIFF/RF64/BW64/RIFX WAVE (ffprobe skips a leading ID3v2 tag, so do we). */
async function waveStart(handle: FileHandle): Promise<WaveStart | undefined> {
  const { size } = await handle.stat();
  const start = await id3v2End(handle);
  const riff = (await readAt(handle, start, 4)).toString('latin1');
  return RIFF_WAVE_IDS.has(riff) ? { size, start, sixtyFour: riff === 'RF64' || riff === 'BW64', bigEndian: riff === 'RIFX' } : undefined;
}

/** The 64-bit data size an RF64/BW64 ds64 chunk at `at` gives, if it is whole. */
async function ds64DataSizeAt(handle: FileHandle, at: number): Promise<number | undefined> {
  const ds64 = await readAt(handle, at + 8, 16);
  return ds64.length === 16 ? Number(ds64.readBigUInt64LE(8)) : undefined;
}

/**
 * A RIFF/RF64/BW64/RIFX WAVE whose data chunk ends past the end of the file. A data size of 0 or
 * 0xFFFFFFFF in a plain RIFF is a recorder's "still recording" (the samples run to the end) and
 * is fine; in RF64/BW64 0xFFFFFFFF means "see ds64", whose 64-bit size is checked instead.
 */
export async function wavDataOverrun(filePath: string): Promise<string | undefined> {
  const handle = await open(filePath, 'r');
  try {
    const wave = await waveStart(handle);
    if (wave === undefined) {
      return undefined;
    }
    const { size, start, sixtyFour, bigEndian } = wave;
    let ds64DataSize: number | undefined;
    let blockAlign = 1;
    let at = start + 12;
    for (let i = 0; i < MAX_UNITS && at + 8 <= size; i += 1) {
      const header = await readAt(handle, at, 8);
      const id = header.toString('latin1', 0, 4);
      const length = chunkSize(header, bigEndian);
      if (id === 'ds64') {
        ds64DataSize = await ds64DataSizeAt(handle, at);
      } else if (id === 'fmt ') {
        const field = await readAt(handle, at + 8 + 12, 2);
        blockAlign = Math.max(1, bigEndian ? field.readUInt16BE(0) : field.readUInt16LE(0));
      } else if (id === 'data') {
        const declared = sixtyFour && length === 0xffffffff ? ds64DataSize : length === 0 || length === 0xffffffff ? undefined : length;
        const present = size - (at + 8);
        // Up to one sample frame short is a writer's rounding, not a cut.
        if (declared !== undefined && declared - present >= blockAlign && declared - present > 1) {
          return `the data chunk claims ${declared} bytes, ${present} are present`;
        }
        return undefined;
      }
      if (length === 0xffffffff) {
        return undefined;
      }
      at += 8 + length + (length % 2);
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/** An ISO-BMFF/QuickTime file whose top-level box runs past the end of the file. */
export async function mp4BoxOverrun(filePath: string): Promise<string | undefined> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    let at = 0;
    for (let i = 0; i < MAX_UNITS && at + 8 <= size; i += 1) {
      const header = await readAt(handle, at, 16);
      const type = header.toString('latin1', 4, 8);
      let length = header.readUInt32BE(0);
      if (length === 1 && header.length === 16) {
        length = Number(header.readBigUInt64BE(8));
      } else if (length === 0) {
        // "To the end of the file": nothing to check.
        return undefined;
      } else if (length < 8) {
        return undefined;
      }
      if (at + length > size) {
        return `the ${type} box at ${at} claims ${length} bytes, ${size - at} are present`;
      }
      at += length;
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/** Zero bytes at the end of an MP3 from which it is taken for an unfinished download (no frame or tag is that). */
export const MP3_ZERO_TAIL_BYTES = 4096;

/**
 * An MP3 ending in a run of zero bytes: a download or copy that set the file's size first and
 * stopped before the end. Frames and tags never end so; without a VBR header nothing else tells it.
 */
export async function mp3ZeroTail(filePath: string): Promise<string | undefined> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    if (size < MP3_ZERO_TAIL_BYTES) {
      return undefined;
    }
    const tail = await readAt(handle, size - MP3_ZERO_TAIL_BYTES, MP3_ZERO_TAIL_BYTES);
    return tail.every((byte) => byte === 0) ? `the file ends in ${MP3_ZERO_TAIL_BYTES} or more zero bytes` : undefined;
  } finally {
    await handle.close();
  }
}

/** Chunk ids WAVE writers use; a misaligned read lands on bytes that are none of them. */
const KNOWN_CHUNKS = new Set([
  'data',
  'fmt ',
  'LIST',
  'bext',
  'iXML',
  'JUNK',
  'junk',
  'PAD ',
  'FLLR',
  'fact',
  'cue ',
  'smpl',
  'inst',
  'acid',
  'PEAK',
  'id3 ',
  'ID3 ',
  'axml',
  'cart',
  'umid',
  'minf',
  'elm1',
  'regn',
  'levl',
  'chna',
  '_PMX',
  'DISP',
]);
const isChunkId = (id: Buffer): boolean => id.length === 4 && KNOWN_CHUNKS.has(id.toString('latin1'));

/**
 * A WAVE whose odd-sized chunk lacks the pad byte RIFF requires (some writers forget it): every
 * reader that follows the rule, ffprobe included, then misses the chunks after it. Named so the
 * refusal can say what is wrong instead of "damaged".
 */
export async function wavMissingPad(filePath: string): Promise<string | undefined> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const start = await id3v2End(handle);
    const bigEndian = (await readAt(handle, start, 4)).toString('latin1') === 'RIFX';
    let at = start + 12;
    for (let i = 0; i < MAX_UNITS && at + 8 <= size; i += 1) {
      const header = await readAt(handle, at, 8);
      const id = header.toString('latin1', 0, 4);
      const length = chunkSize(header, bigEndian);
      if (id === 'data' || length === 0xffffffff) {
        return undefined;
      }
      if (length % 2 === 1) {
        const padded = await readAt(handle, at + 8 + length + 1, 4);
        const unpadded = await readAt(handle, at + 8 + length, 4);
        if (!isChunkId(padded) && isChunkId(unpadded)) {
          return `the ${id.trim()} chunk has an odd size (${length}) and no pad byte`;
        }
      }
      at += 8 + length + (length % 2);
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/** A chunk id or box type: four printable characters (© starts QuickTime's metadata types). */
const isFourCc = (bytes: Buffer): boolean => bytes.length === 4 && bytes.every((byte) => (byte >= 0x20 && byte < 0x7f) || byte === 0xa9);

const TAIL_WINDOW = 256 * 1024;

/** Are the bytes of the file from `from` to its end all zero (padding, never another file)? */
async function zerosToEnd(handle: FileHandle, from: number, size: number): Promise<boolean> {
  for (let at = from; at < size; at += TAIL_WINDOW) {
    const bytes = await readAt(handle, at, Math.min(TAIL_WINDOW, size - at));
    if (bytes.length === 0 || bytes.some((byte) => byte !== 0)) {
      return bytes.length === 0;
    }
  }
  return true;
}

/** Bytes after the last chunk or box fewer than a chunk header: no room for another file. */
const MAX_TRAILING_BYTES = 7;

const trailing = (what: string, at: number, size: number): string => `${size - at} bytes after the last ${what} (offset ${at}) belong to no ${what}`;

/**
 * A RIFF/RF64/BW64/RIFX WAVE with bytes after its last chunk (another file joined to it, a zip or
 * a page): ffprobe stops at the data chunk's end and says nothing. Walks the chunks as written (the
 * RIFF size is often stale) and allows zero padding; a data chunk of size 0 or 0xFFFFFFFF (still
 * recording) runs to the end, and a chunk we know running past the end is wavDataOverrun's.
 */
export async function wavExtraData(filePath: string): Promise<string | undefined> {
  const handle = await open(filePath, 'r');
  try {
    const wave = await waveStart(handle);
    if (wave === undefined) {
      return undefined;
    }
    const { size, start, sixtyFour, bigEndian } = wave;
    let ds64DataSize: number | undefined;
    let at = start + 12;
    let padded = false;
    for (let i = 0; i < MAX_UNITS && at + 8 <= size; i += 1) {
      let header = await readAt(handle, at, 8);
      // An odd-sized chunk without its pad byte (some writers forget it): the next id is one byte early.
      if (!isFourCc(header.subarray(0, 4)) && padded && isFourCc(await readAt(handle, at - 1, 4))) {
        at -= 1;
        header = await readAt(handle, at, 8);
      }
      const id = header.toString('latin1', 0, 4);
      if (!isFourCc(header.subarray(0, 4))) {
        break;
      }
      let length = chunkSize(header, bigEndian);
      if (id === 'ds64') {
        ds64DataSize = await ds64DataSizeAt(handle, at);
      } else if (id === 'data' && sixtyFour && length === 0xffffffff && ds64DataSize !== undefined) {
        length = ds64DataSize;
      }
      if (length === 0xffffffff || (id === 'data' && length === 0)) {
        return undefined;
      }
      const next = at + 8 + length + (length % 2);
      if (next > size) {
        return KNOWN_CHUNKS.has(id) ? undefined : `a chunk "${id}" at ${at} runs past the end: not RIFF`;
      }
      padded = length % 2 === 1;
      at = next;
    }
    if (at >= size || size - at <= MAX_TRAILING_BYTES || (await zerosToEnd(handle, at, size))) {
      return undefined;
    }
    return trailing('chunk', at, size);
  } finally {
    await handle.close();
  }
}

/** Top-level boxes of MP4 and QuickTime files that a cut may leave running past the end. */
const MP4_BOXES = new Set(['ftyp', 'styp', 'moov', 'mdat', 'free', 'skip', 'wide', 'uuid', 'moof', 'mfra', 'sidx', 'ssix', 'prft', 'emsg', 'meta', 'pdin', 'udta', 'pnot', 'junk']);

/**
 * An mp4 with bytes after its last top-level box (another file joined to it): ffprobe reads the
 * boxes it needs and says nothing. A trailing free/skip box and zero padding are fine; a box of
 * size 0 runs to the end; a known box running past the end is a cut (mp4BoxOverrun's, or the
 * duration check's).
 */
export async function mp4ExtraData(filePath: string): Promise<string | undefined> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    let at = 0;
    for (let i = 0; i < MAX_UNITS && at + 8 <= size; i += 1) {
      const header = await readAt(handle, at, 16);
      const type = header.subarray(4, 8);
      let length = header.readUInt32BE(0);
      if (length === 1 && header.length === 16) {
        length = Number(header.readBigUInt64BE(8));
      } else if (length === 0 && isFourCc(type)) {
        return undefined;
      }
      if (!isFourCc(type) || length < 8) {
        break;
      }
      if (at + length > size) {
        const name = type.toString('latin1');
        return MP4_BOXES.has(name) ? undefined : `a box "${name}" at ${at} runs past the end: not MP4`;
      }
      at += length;
    }
    if (at >= size || size - at <= MAX_TRAILING_BYTES || (await zerosToEnd(handle, at, size))) {
      return undefined;
    }
    return trailing('box', at, size);
  } finally {
    await handle.close();
  }
}
