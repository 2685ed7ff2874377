import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where uploaded files live: the filesystem under the data directory by default, S3 later (media
 * issue). Keys are made by the server (`newStorageKey`), never from a client's file name.
 */
export interface FileStorage {
  /**
   * Streams `source` to `key`, hashing and counting while it streams. Past `maxBytes` it stops,
   * keeps nothing and throws `FileTooLargeError`. The file appears whole or not at all.
   */
  put(key: string, source: Readable, options?: PutOptions): Promise<StoredObject>;
  /** The stored bytes; `FileNotFoundError` when there is no such key. */
  get(key: string): Promise<Readable>;
  /** Removes the key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
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
