import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { FileTooLargeError, type StoredObject } from './storage.js';

/** The bytes read back from a staged file are not the ones recorded when it was staged. */
export class ContentMismatchError extends Error {
  constructor(expected: StoredObject, actual: StoredObject) {
    super(`expected ${expected.size} bytes with SHA-256 ${expected.sha256}, got ${actual.size} bytes with ${actual.sha256}`);
    this.name = 'ContentMismatchError';
  }
}

/**
 * Counts and hashes the bytes going through. Past `maxBytes` it fails before passing the chunk on
 * (`FileTooLargeError`); with `expected`, it also fails at the end unless size and SHA-256 agree
 * (`ContentMismatchError`), so a consumer that waits for the end never commits wrong bytes. With
 * `hashing: false` it only counts (bytes already hashed as they were staged): the size must agree.
 */
export class Meter extends Transform {
  /** Bytes seen so far (not `size`: the S3 upload helper would read that as the body's length). */
  byteCount = 0;
  private readonly hash;
  private digested: string | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly expected?: StoredObject,
    options: { hashing?: boolean } = {},
  ) {
    super();
    this.hash = options.hashing === false ? undefined : createHash('sha256');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.byteCount += chunk.length;
    if (this.byteCount > this.maxBytes) {
      done(this.expected === undefined ? new FileTooLargeError(this.maxBytes) : new ContentMismatchError(this.expected, { size: this.byteCount, sha256: '(not computed)' }));
      return;
    }
    this.hash?.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.hash === undefined) {
      done(this.expected !== undefined && this.byteCount !== this.expected.size ? new ContentMismatchError(this.expected, { size: this.byteCount, sha256: '(not computed)' }) : undefined);
      return;
    }
    const actual = { size: this.byteCount, sha256: this.digest() };
    if (this.expected !== undefined && (actual.size !== this.expected.size || actual.sha256 !== this.expected.sha256)) {
      done(new ContentMismatchError(this.expected, actual));
      return;
    }
    done();
  }

  /** Lower-case hex SHA-256 of everything that went through (call once the stream has ended). */
  digest(): string {
    if (this.hash === undefined) {
      throw new Error('a counting meter has no digest');
    }
    this.digested ??= this.hash.digest('hex');
    return this.digested;
  }
}
