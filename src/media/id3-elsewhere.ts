import { open, type FileHandle } from 'node:fs/promises';
import { readAt } from './read-at.js';
import type { AudioContainer } from '../shared/enums.js';
import { id3v2Length } from './audio-formats.js';

/**
 * ID3v2 tags where music-metadata does not look, so their ISRC (TSRC) is found too: the `id3 `
 * chunk of an RF64/BW64 WAVE (music-metadata reads it in a RIFF WAVE but does not know RF64/BW64,
 * whose data size is in the ds64 chunk), an ID3v2 tag a tagger put in front of a WAV's RIFF header,
 * and an ID3v2.4 tag appended at the end of an MP3 (found by its `3DI` footer).
 */

/** An ID3 chunk larger than this is not read (a tag with cover art is a few MB). */
export const MAX_ID3_CHUNK_BYTES = 16 * 1024 * 1024;
const MAX_CHUNKS = 1000;

/** The contents of the first `id3 `/`ID3 ` chunk of an RF64 or BW64 file, or undefined. */
export async function rf64Id3Chunk(filePath: string): Promise<Buffer | undefined> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const riff = (await readAt(handle, 0, 12)).toString('latin1');
    if ((!riff.startsWith('RF64') && !riff.startsWith('BW64')) || riff.slice(8) !== 'WAVE') {
      return undefined;
    }
    let dataSize: number | undefined;
    let at = 12;
    for (let i = 0; i < MAX_CHUNKS && at + 8 <= size; i += 1) {
      const header = await readAt(handle, at, 8);
      const id = header.toString('latin1', 0, 4);
      let length = header.readUInt32LE(4);
      if (id === 'ds64') {
        const ds64 = await readAt(handle, at + 8, 16);
        dataSize = ds64.length === 16 ? Number(ds64.readBigUInt64LE(8)) : undefined;
      } else if (id === 'data' && length === 0xffffffff) {
        if (dataSize === undefined) {
          return undefined;
        }
        length = dataSize;
      } else if ((id === 'id3 ' || id === 'ID3 ') && length <= MAX_ID3_CHUNK_BYTES) {
        return await readAt(handle, at + 8, length);
      }
      at += 8 + length + (length % 2);
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/** An ID3v2 tag in front of a WAV's RIFF header. */
async function leadingId3(handle: FileHandle): Promise<Buffer | undefined> {
  const length = id3v2Length(await readAt(handle, 0, 10));
  return length === 0 || length > MAX_ID3_CHUNK_BYTES ? undefined : readAt(handle, 0, length);
}

/** An ID3v2.4 tag appended to an MP3: its footer ends the file, or comes just before an ID3v1 tag. */
async function appendedId3(handle: FileHandle): Promise<Buffer | undefined> {
  const { size } = await handle.stat();
  for (const end of [size, size - 128]) {
    const footer = await readAt(handle, end - 10, 10);
    if (end < 10 || footer.length !== 10 || footer.toString('latin1', 0, 3) !== '3DI') {
      continue;
    }
    // The footer repeats the header's size: header, body and footer span 20 + body bytes.
    const header = Buffer.concat([Buffer.from('ID3', 'latin1'), footer.subarray(3)]);
    const length = id3v2Length(header);
    const start = end - length;
    if (length > 0 && start >= 0 && length <= MAX_ID3_CHUNK_BYTES) {
      return readAt(handle, start, length);
    }
  }
  return undefined;
}

/** The ID3v2 tag of a file that music-metadata's parser for `container` does not reach, if any. */
export async function id3TagElsewhere(filePath: string, container: AudioContainer): Promise<Buffer | undefined> {
  if (container === 'mp4') {
    return undefined;
  }
  if (container === 'wav') {
    return (await rf64Id3Chunk(filePath)) ?? withHandle(filePath, leadingId3);
  }
  return withHandle(filePath, appendedId3);
}

async function withHandle<T>(filePath: string, use: (handle: FileHandle) => Promise<T>): Promise<T> {
  const handle = await open(filePath, 'r');
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}
