import { createHash, type Hash } from 'node:crypto';
import type http from 'node:http';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { FileStore } from '@tus/file-store';

/** The SHA-256 of an upload's first `offset` bytes, as they were written to its file. */
interface RunningHash {
  offset: number;
  hash: Hash;
}

/**
 * The tus file store, hashing each upload's bytes while they are written, so the finished file
 * need not be read again (500 MB) before it is stored. The running hash lives in this process only:
 * it is kept while every write continues exactly where the last one ended, and dropped at anything
 * else (a write that failed midway, where the file may hold fewer bytes than were hashed; a resume
 * at another offset; a restart). Without it `finishedHash` answers undefined and the caller reads
 * the file from the disk as before.
 */
export class HashingFileStore extends FileStore {
  private readonly running = new Map<string, RunningHash>();

  override async write(readable: http.IncomingMessage | Readable, id: string, offset: number): Promise<number> {
    const known = this.running.get(id);
    this.running.delete(id);
    const state = offset === 0 ? { offset: 0, hash: createHash('sha256') } : known?.offset === offset ? known : undefined;
    if (state === undefined) {
      return super.write(readable, id, offset);
    }
    const hasher = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
        state.hash.update(chunk);
        state.offset += chunk.length;
        done(null, chunk);
      },
    });
    readable.on('error', (err) => hasher.destroy(err));
    readable.pipe(hasher);
    let written: number;
    try {
      written = await super.write(hasher, id, offset);
    } catch (err) {
      // As the store's own pipeline would: the request stops being read.
      readable.unpipe(hasher);
      readable.destroy();
      throw err;
    }
    // Every byte hashed reached the file (the write finished): the hash goes on with the next write.
    if (state.offset === written) {
      this.running.set(id, state);
    }
    return written;
  }

  override async remove(id: string): Promise<void> {
    this.running.delete(id);
    await super.remove(id);
  }

  /** The SHA-256 of upload `id` when all its `size` bytes were hashed as written; else undefined. Once only. */
  finishedHash(id: string, size: number): string | undefined {
    const state = this.running.get(id);
    this.running.delete(id);
    return state?.offset === size ? state.hash.digest('hex') : undefined;
  }

  /** Forgets running hashes of uploads no longer in the store (expired, removed elsewhere). */
  forgetAllBut(ids: ReadonlySet<string>): void {
    for (const id of this.running.keys()) {
      if (!ids.has(id)) {
        this.running.delete(id);
      }
    }
  }
}
