import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * yauzl, promised: the central directory read entry by entry (lazyEntries, nothing extracted to disk)
 * and one entry streamed through a byte counter and a CRC-32.
 */

export function openZip(filePath: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // strictFileNames refuses backslashes; yauzl always refuses absolute paths and "..".
    yauzl.open(filePath, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true, decodeStrings: true }, (error, zip) => {
      if (error !== null) {
        reject(error);
      } else {
        resolve(zip);
      }
    });
  });
}

/** Every entry of the central directory, or the first error (bad name, bad header). */
export function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function openStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error !== null) {
        reject(error);
      } else {
        resolve(stream);
      }
    });
  });
}

export interface StreamedEntry {
  /** Bytes actually inflated (up to the point the stream was stopped). */
  bytes: number;
  crc: number;
  /** The first `keepBytes` bytes, for the few small entries whose content we look at. */
  kept: Buffer;
  /** Set when `stopAfter` stopped the stream: more bytes than that came out. */
  overflow: boolean;
}

/**
 * Inflates one entry, counting the real bytes and their CRC-32 as they come; stops (destroys the
 * stream) as soon as more than `stopAfter` bytes have come out, so a lying header cannot make us
 * inflate more than we allow. `onChunk` sees each inflated chunk (markup-declarations.ts).
 */
export async function streamEntry(zip: ZipFile, entry: Entry, stopAfter: number, keepBytes: number, onChunk?: (chunk: Buffer) => void): Promise<StreamedEntry> {
  const stream = await openStream(zip, entry);
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let crc = 0;
    const kept: Buffer[] = [];
    let keptBytes = 0;
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > stopAfter) {
        stream.destroy();
        resolve({ bytes, crc, kept: Buffer.concat(kept), overflow: true });
        return;
      }
      crc = crc32(chunk, crc);
      onChunk?.(chunk);
      if (keptBytes < keepBytes) {
        kept.push(chunk.subarray(0, keepBytes - keptBytes));
        keptBytes += Math.min(chunk.length, keepBytes - keptBytes);
      }
    });
    // 'on', not 'once': a destroyed stream may report more than one error.
    stream.on('error', reject);
    stream.once('end', () => resolve({ bytes, crc, kept: Buffer.concat(kept), overflow: false }));
  });
}
