import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileNotFoundError, FileTooLargeError, isValidStorageKey, type FileStorage, type PutOptions, type StoredObject } from './storage.js';

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

  return {
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

    async get(key: string): Promise<Readable> {
      const file = pathOf(key);
      try {
        await stat(file);
      } catch (err) {
        if (isMissing(err)) {
          throw new FileNotFoundError(key);
        }
        throw err;
      }
      return createReadStream(file);
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
