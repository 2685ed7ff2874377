import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { FileTooLargeError, type StoredObject } from './storage.js';
import type { DomainMetrics } from '../metrics/domain-metrics.js';
import { UploadSourceError } from './upload.js';
import { writeNewFile } from './write-new-file.js';

/** How many leading bytes a staged file keeps in memory for content sniffing. */
export const STAGED_HEAD_BYTES = 4100;

/**
 * An upload received whole on the local disk, hashed and counted on the way, waiting to be
 * checked (type, dimensions, audio analysis) and then committed to storage. Always `discard()` it.
 */
export interface StagedFile extends StoredObject {
  readonly path: string;
  /** The first bytes (up to STAGED_HEAD_BYTES), for deciding the type by content. */
  readonly head: Buffer;
  discard(): Promise<void>;
}

/** Counts, hashes and keeps the head of the bytes going through; fails past the limit. */
class Meter extends Transform {
  size = 0;
  head = Buffer.alloc(0);
  private readonly hash = createHash('sha256');

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      // Fails before the chunk is written: the byte past the limit never reaches the disk.
      done(new FileTooLargeError(this.maxBytes));
      return;
    }
    if (this.head.length < STAGED_HEAD_BYTES) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, STAGED_HEAD_BYTES - this.head.length)]);
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/**
 * Streams `source` into a new file under `dir`. Past `maxBytes` it stops, deletes the partial
 * file and throws `FileTooLargeError`; a broken source throws `UploadSourceError`.
 */
export async function stageUpload(source: Readable, options: { dir: string; maxBytes: number; metrics?: DomainMetrics | undefined }): Promise<StagedFile> {
  await mkdir(options.dir, { recursive: true });
  const file = path.join(options.dir, `${randomUUID()}.upload`);
  const meter = new Meter(options.maxBytes);
  // Read through the async iterator: a multipart file stream that is piped never reports a body
  // cut off mid-file (no 'error', no 'end'), while iterating it does.
  const input = Readable.from(source, { objectMode: false });
  let sourceFailed: unknown;
  input.on('error', (err) => {
    sourceFailed = err;
  });
  try {
    await writeNewFile(file, input, meter);
  } catch (err) {
    // Read the rest and drop it: a multipart parser waits until each file stream is consumed.
    source.resume();
    if (err instanceof FileTooLargeError) {
      throw err;
    }
    // The client's body broke off: its fault. Anything else (a full disk) is ours.
    throw sourceFailed !== undefined ? new UploadSourceError(sourceFailed) : err;
  }
  options.metrics?.uploadReceived(meter.size);
  return stagedFileAt(file, { size: meter.size, sha256: meter.digest() }, meter.head);
}

/** A StagedFile for a file already on disk with a known hash (a finished resumable upload). */
export function stagedFileAt(file: string, stored: StoredObject, head: Buffer): StagedFile {
  return {
    path: file,
    size: stored.size,
    sha256: stored.sha256,
    head,
    discard: () => rm(file, { force: true }),
  };
}

/** Deletes staged files older than `olderThanMs` (left by a crash); returns how many. */
export async function sweepStaging(dir: string, olderThanMs: number, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((n) => n.endsWith('.upload'))) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (info !== undefined && now - info.mtimeMs > olderThanMs) {
      await rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

/** One file of a multipart upload as the routes hand it to a service, which consumes (or drains) its stream. */
export interface UploadedFile {
  /** The name on the uploader's machine: shown, never used as a path or key. */
  fileName: string;
  stream: Readable;
  /** The multipart parser cut the file at its own limit (it does not fail by itself). */
  truncated: () => boolean;
}
