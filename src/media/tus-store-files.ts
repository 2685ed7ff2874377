import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Upload } from '@tus/server';
import { STAGED_HEAD_BYTES } from '../storage/staging.js';
import type { HashingFileStore } from './tus-hashing-store.js';

/** The tus store's files on the disk: stale ones removed, a user's counted, a finished one fingerprinted. */

/** An unfinished upload may be resumed this long after its last bytes came (a laptop closed over a weekend), then it is removed. */
export const TUS_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;

/** Where the tus store keeps its uploads under STAGING_DIR. */
export const tusDirectory = (stagingDir: string): string => path.join(stagingDir, 'tus');

/**
 * Removes uploads whose last bytes came more than `olderThanMs` ago (the file and its `.json`
 * info). Done here rather than with the file store's expiration, which reads an upload again after
 * a creation-with-upload has finished it (and it is gone by then).
 */
export async function removeStaleUploads(directory: string, olderThanMs: number, now = Date.now()): Promise<number> {
  const names = await readdir(directory).catch(() => []);
  let removed = 0;
  for (const name of names) {
    // An upload is its data file (`<id>`, written at each PATCH) and its info (`<id>.json`, written at creation).
    const data = path.join(directory, name.endsWith('.json') ? name.slice(0, -'.json'.length) : name);
    const lastWrite = (await stat(data).catch(() => undefined)) ?? (await stat(`${data}.json`).catch(() => undefined));
    if (lastWrite !== undefined && now - lastWrite.mtimeMs > olderThanMs) {
      await rm(data, { force: true });
      await rm(`${data}.json`, { force: true });
      removed++;
    }
  }
  return removed;
}

/** The user's unfinished uploads in the tus store (each `<id>.json` names its uploader). */
export async function unfinishedUploadsOf(directory: string, userId: string): Promise<number> {
  const names = (await readdir(directory).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  let count = 0;
  for (const name of names) {
    const info: unknown = await readFile(path.join(directory, name), 'utf8')
      .then((text) => JSON.parse(text) as unknown)
      .catch(() => undefined);
    if (typeof info === 'object' && info !== null && 'metadata' in info) {
      const metadata = info.metadata;
      if (typeof metadata === 'object' && metadata !== null && 'userId' in metadata && metadata.userId === userId) {
        count++;
      }
    }
  }
  return count;
}

/** The first bytes and the size of a file on the disk. */
async function headOf(file: string): Promise<{ size: number; head: Buffer }> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(STAGED_HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return { size: (await handle.stat()).size, head: head.subarray(0, bytesRead) };
  } finally {
    await handle.close();
  }
}

/**
 * SHA-256, size and first bytes of the finished file: the hash taken while it was written when this
 * process saw every byte arrive, else read back from the disk (it may have come in over days and restarts).
 */
export async function fingerprint(datastore: HashingFileStore, upload: Upload, file: string): Promise<{ sha256: string; size: number; head: Buffer }> {
  const { size, head } = await headOf(file);
  const sha256 = upload.size === size ? datastore.finishedHash(upload.id, size) : undefined;
  return sha256 === undefined ? hashFile(file) : { sha256, size, head };
}

/** SHA-256 and first bytes of the finished file, read back from the disk. */
async function hashFile(file: string): Promise<{ sha256: string; size: number; head: Buffer }> {
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  for await (const chunk of createReadStream(file)) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.length;
    if (head.length < STAGED_HEAD_BYTES) {
      head = Buffer.concat([head, bytes.subarray(0, STAGED_HEAD_BYTES - head.length)]);
    }
  }
  return { sha256: hash.digest('hex'), size, head };
}
