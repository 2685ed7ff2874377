import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where stored files live: the filesystem under the data directory (default) or S3-compatible
 * object storage. New objects are content-addressed (`contentKey(sha256)`) with their metadata in
 * `stored_objects`; keys are made by the server, never from a client's file name. Every write is
 * atomic: a reader never sees half an object, and a failed write leaves nothing.
 */
export interface FileStorage {
  readonly kind: 'fs' | 's3';
  /**
   * Streams `source` to `key`, hashing and counting while it streams. Past `maxBytes` it stops,
   * keeps nothing and throws `FileTooLargeError`. The file appears whole or not at all.
   */
  put(key: string, source: Readable, options?: PutOptions): Promise<StoredObject>;
  /**
   * Copies a local staged file (see `stageUpload`) to its content address and returns the key. The
   * bytes are verified against `expected` on the way (size and SHA-256); a mismatch keeps nothing.
   * When the object is there already, nothing is written. `hashed: true` says the caller counted
   * and hashed these very bytes as they were written to `localPath` (a staged upload) and nothing has
   * written the file since: the filesystem then checks only the size of a hard link instead of
   * reading 500 MB a second time.
   */
  putFile(localPath: string, expected: StoredObject, options?: PutFileOptions): Promise<string>;
  /** The stored bytes, or `range` of them; `FileNotFoundError` when there is no such key. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  /** Size of the stored object, undefined when there is none. */
  stat(key: string): Promise<{ size: number } | undefined>;
  /** Removes the key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /**
   * Removes temporary leftovers of a crash mid-write (temporary files; on S3 also incomplete multipart
   * uploads) older than `olderThanMs`; returns how many.
   */
  sweepTemporary(olderThanMs: number): Promise<number>;
  /**
   * Every committed object whose key starts with `prefix` (temporaries never), with its size and
   * when it was last written: the orphan sweep looks for content addresses no row records.
   */
  list(prefix: string): AsyncIterable<ListedObject>;
}

export interface ListedObject {
  key: string;
  size: number;
  /** Milliseconds since the epoch. */
  modifiedAt: number;
}

export interface PutFileOptions {
  /** The size and SHA-256 in `expected` were computed from these bytes as they were written. */
  hashed?: boolean;
}

/** Inclusive byte positions, as HTTP Range has them. */
export interface ByteRange {
  start: number;
  end: number;
}

/** The content address of an object: `objects/ab/abcdef…` (a two-character fan-out). */
export function contentKey(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) {
    throw new Error(`not a SHA-256: ${sha256}`);
  }
  return `objects/${sha256.slice(0, 2)}/${sha256}`;
}

export interface PutOptions {
  maxBytes?: number;
}

export interface StoredObject {
  size: number;
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: string;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export class FileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no stored file ${key}`);
    this.name = 'FileNotFoundError';
  }
}

/** Lower-case words and digits, `/` between segments: nothing a path or URL could misread. */
const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}(\/[a-z0-9][a-z0-9.-]{0,126})*$/;

/** True for keys this application makes; anything else (`..`, absolute paths, NUL) is refused. */
export function isValidStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key) && !key.split('/').some((part) => part === '.' || part === '..' || part.includes('..'));
}

/** A fresh key under `prefix` (e.g. `change-requests`): random, so guessing one reveals nothing. */
export function newStorageKey(prefix: string): string {
  const key = `${prefix}/${randomUUID()}`;
  if (!isValidStorageKey(key)) {
    throw new Error(`invalid storage key prefix "${prefix}"`);
  }
  return key;
}
