import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { contentKey, FileNotFoundError, FileTooLargeError, isValidStorageKey, type ByteRange, type FileStorage, type PutOptions, type StoredObject } from './storage.js';

/** Counts and hashes the bytes going through; fails the stream past the limit. */
class Meter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      done(new FileTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

function isMissing(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === 'ENOENT';
}

/**
 * Files under `root` (`<dataDir>/files` by default). Writes go to a temporary file in `root/.tmp`
 * and are renamed into place, so a reader never sees half a file and a failed upload leaves nothing.
 */
export function createFsStorage(root: string): FileStorage {
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
   * A temp file holding `localPath`'s bytes. On the same filesystem a hard link: the very bytes that
   * were hashed while staging, no copy. Elsewhere a copy, whose bytes are checked again.
   */
  async function stageCopy(localPath: string, expected: StoredObject): Promise<string> {
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    try {
      try {
        await link(localPath, tmp);
        return tmp;
      } catch {
        await copyFile(localPath, tmp);
      }
      const meter = new Meter(expected.size);
      await pipeline(createReadStream(tmp), meter, async function* (chunks: AsyncIterable<Buffer>) {
        for await (const _ of chunks) {
          // drain: only the meter's count and hash matter
        }
      });
      if (meter.size !== expected.size || meter.digest() !== expected.sha256) {
        throw new Error(`staged file ${localPath} does not match its recorded size and SHA-256`);
      }
      return tmp;
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  return {
    kind: 'fs',

    async putFile(localPath: string, expected: StoredObject): Promise<string> {
      const key = contentKey(expected.sha256);
      const target = pathOf(key);
      if ((await stat(target).catch(() => undefined))?.size === expected.size) {
        return key;
      }
      const tmp = await stageCopy(localPath, expected);
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await rename(tmp, target);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
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
      const now = Date.now();
      for (const name of names) {
        const file = path.join(tmpDir, name);
        const info = await stat(file).catch(() => undefined);
        if (info !== undefined && now - info.mtimeMs > olderThanMs) {
          await rm(file, { force: true });
          removed++;
        }
      }
      return removed;
    },

    async put(key: string, source: Readable, options: PutOptions = {}): Promise<StoredObject> {
      const target = pathOf(key);
      await mkdir(tmpDir, { recursive: true });
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = path.join(tmpDir, `${randomUUID()}.part`);
      const meter = new Meter(options.maxBytes ?? Number.MAX_SAFE_INTEGER);
      try {
        await pipeline(source, meter, createWriteStream(tmp, { flags: 'wx', mode: 0o640 }));
        await rename(tmp, target);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
      return { size: meter.size, sha256: meter.digest() };
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
