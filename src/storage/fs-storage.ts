import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Meter } from './meter.js';
import { writeNewFile } from './write-new-file.js';
import { contentKey, FileNotFoundError, isValidStorageKey, type ByteRange, type FileStorage, type ListedObject, type PutFileOptions, type PutOptions, type StoredObject } from './storage.js';

function isMissing(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === 'ENOENT';
}

/**
 * Files under `root` (`<dataDir>/files` by default). Writes go to a temporary file in `root/.tmp`
 * and are renamed into place, so a reader never sees half a file and a failed upload leaves nothing.
 */
export function createFsStorage(root: string, options: { now?: () => number } = {}): FileStorage {
  const now = options.now ?? Date.now;
  const base = path.resolve(root);
  const tmpDir = path.join(base, '.tmp');

  /** The key's path; keys are checked, and the result must stay under the root all the same. */
  function pathOf(key: string): string {
    if (!isValidStorageKey(key)) {
      throw new Error(`invalid storage key "${key}"`);
    }
    const full = path.resolve(base, ...key.split('/'));
    if (!full.startsWith(base + path.sep)) {
      throw new Error(`storage key "${key}" leaves the storage root`);
    }
    return full;
  }

  /**
   * A temp file holding `localPath`'s bytes: a hard link on the same filesystem (no copy), a copy
   * elsewhere. Its bytes are read back and checked against `expected` before it is committed
   * (verify, then commit): a caller's wrong hash or size keeps nothing. A link to a file the caller
   * hashed while writing it is the same inode, so only its size is checked: the hash is already
   * of these bytes, and a second full read would cost as much as the upload's own pass.
   */
  async function stageCopy(localPath: string, expected: StoredObject, options: PutFileOptions): Promise<string> {
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    try {
      let linked = true;
      try {
        await link(localPath, tmp);
      } catch {
        linked = false;
        await copyFile(localPath, tmp);
      }
      if (linked && options.hashed === true) {
        const { size } = await stat(tmp);
        if (size !== expected.size) {
          throw new Error(`staged file has ${size} bytes, expected ${expected.size}`);
        }
        return tmp;
      }
      // The meter fails unless size and SHA-256 are the recorded ones.
      await pipeline(createReadStream(tmp), new Meter(expected.size, expected), new Writable({ write: (_chunk, _encoding, done) => done() }));
      return tmp;
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  return {
    kind: 'fs',

    async putFile(localPath: string, expected: StoredObject, options: PutFileOptions = {}): Promise<string> {
      const key = contentKey(expected.sha256);
      const target = pathOf(key);
      // Written again even when the object is there: a copy damaged in place (found by fixity) is
      // repaired by uploading the same bytes again. The rename replaces it atomically.
      const tmp = await stageCopy(localPath, expected, options);
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await rename(tmp, target);
      } finally {
        // Gone after a rename, except when tmp and target were already links to one file (the same
        // staged file put twice): rename then does nothing and leaves tmp behind.
        await rm(tmp, { force: true });
      }
      return key;
    },

    async stat(key: string): Promise<{ size: number } | undefined> {
      try {
        const info = await stat(pathOf(key));
        return info.isFile() ? { size: info.size } : undefined;
      } catch (err) {
        if (isMissing(err)) {
          return undefined;
        }
        throw err;
      }
    },

    async sweepTemporary(olderThanMs: number): Promise<number> {
      const names = await readdir(tmpDir).catch(() => [] as string[]);
      let removed = 0;
      const cutoff = now() - olderThanMs;
      for (const name of names) {
        const file = path.join(tmpDir, name);
        const info = await stat(file).catch(() => undefined);
        if (info !== undefined && info.mtimeMs < cutoff) {
          await rm(file, { force: true });
          removed++;
        }
      }
      return removed;
    },

    async *list(prefix: string): AsyncIterable<ListedObject> {
      // Only the folder the prefix names is walked; `.tmp` lies outside every valid key.
      const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
      const start = folder === '' ? base : pathOf(folder);
      const entries = await readdir(start, { recursive: true, withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (!entry.isFile()) {
          continue;
        }
        const full = path.join(entry.parentPath, entry.name);
        const key = path.relative(base, full).split(path.sep).join('/');
        if (!key.startsWith(prefix) || !isValidStorageKey(key)) {
          continue;
        }
        const info = await stat(full).catch(() => undefined);
        if (info !== undefined) {
          yield { key, size: info.size, modifiedAt: info.mtimeMs };
        }
      }
    },

    async put(key: string, source: Readable, options: PutOptions = {}): Promise<StoredObject> {
      const target = pathOf(key);
      await mkdir(tmpDir, { recursive: true });
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = path.join(tmpDir, `${randomUUID()}.part`);
      const meter = new Meter(options.maxBytes ?? Number.MAX_SAFE_INTEGER);
      await writeNewFile(tmp, source, meter);
      try {
        await rename(tmp, target);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
      return { size: meter.byteCount, sha256: meter.digest() };
    },

    async get(key: string, range?: ByteRange): Promise<Readable> {
      const file = pathOf(key);
      try {
        await stat(file);
      } catch (err) {
        if (isMissing(err)) {
          throw new FileNotFoundError(key);
        }
        throw err;
      }
      return range === undefined ? createReadStream(file) : createReadStream(file, { start: range.start, end: range.end });
    },

    async delete(key: string): Promise<void> {
      await rm(pathOf(key), { force: true });
    },

    async exists(key: string): Promise<boolean> {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch (err) {
        if (isMissing(err)) {
          return false;
        }
        throw err;
      }
    },
  };
}
