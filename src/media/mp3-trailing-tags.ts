import { open, type FileHandle } from 'node:fs/promises';
import { readAt } from './read-at.js';
import { id3v2End, id3v2Length } from './audio-formats.js';

/**
 * Where an MP3's audio ends: before the tags taggers append (ID3v1, APEv2, Lyrics3 v1/v2, an ID3v2.4
 * tag with its footer), in any order. ffprobe reads those bytes as audio, and cover art in them
 * (a PNG above all) holds chance frame syncs: 650 KB of PNG counted as 3 s of frames. ffprobe is
 * then given the file up to this offset only (ffprobe-run.ts, endAt).
 */

/** Tags removed from the end at most (each tagger adds one or two). */
const MAX_TAGS = 8;
/** Lyrics3 v1 holds at most 5100 bytes of lyrics between its markers. */
const LYRICS3V1_MAX = 5100 + 20;

/** The start of the tag that ends at `end`, or undefined when no known tag ends there. */
async function tagStart(handle: FileHandle, end: number): Promise<number | undefined> {
  if (end >= 128 && (await readAt(handle, end - 128, 3)).toString('latin1') === 'TAG') {
    return end - 128;
  }
  if (end < 32) {
    return undefined;
  }
  const footer = await readAt(handle, end - 32, 32);
  if (footer.toString('latin1', 0, 8) === 'APETAGEX') {
    // Size: items and footer; the header (flag bit 31) comes on top.
    const size = footer.readUInt32LE(12) + ((footer.readUInt32LE(20) & 0x80000000) !== 0 ? 32 : 0);
    return end - size;
  }
  const marker = footer.toString('latin1', 23, 32);
  if (marker === 'LYRICS200') {
    const size = Number(footer.toString('latin1', 17, 23));
    return Number.isInteger(size) ? end - 15 - size : undefined;
  }
  if (marker === 'LYRICSEND') {
    const from = Math.max(0, end - LYRICS3V1_MAX);
    const begin = (await readAt(handle, from, end - from)).lastIndexOf('LYRICSBEGIN', undefined, 'latin1');
    return begin < 0 ? undefined : from + begin;
  }
  if (footer.toString('latin1', 22, 25) === '3DI') {
    const length = id3v2Length(Buffer.concat([Buffer.from('ID3', 'latin1'), footer.subarray(25)]));
    return length === 0 ? undefined : end - length;
  }
  return undefined;
}

/** The offset where the audio ends: the file's size without the tags at its end. */
export async function mp3AudioEnd(filePath: string): Promise<number> {
  const handle = await open(filePath, 'r');
  try {
    const audioStart = await id3v2End(handle);
    let end = (await handle.stat()).size;
    for (let i = 0; i < MAX_TAGS; i += 1) {
      const start = await tagStart(handle, end);
      // A size that points into the ID3v2 tags at the start is no tag of ours: keep what is known.
      if (start === undefined || start <= audioStart || start >= end) {
        break;
      }
      end = start;
    }
    return end;
  } finally {
    await handle.close();
  }
}
