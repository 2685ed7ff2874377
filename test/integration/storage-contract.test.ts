import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Storage } from '../../src/storage/s3-storage.js';
import { stageUpload, type StagedFile } from '../../src/storage/staging.js';
import { contentKey, FileNotFoundError, FileTooLargeError, newStorageKey } from '../../src/storage/storage.js';
import { useS3Store } from '../helpers/s3-store.js';
import { fsSubject, PART_SIZE, s3Subject, type StorageSubject } from './storage-subjects.js';

// The same cases against both storages: the filesystem (a temporary folder) and S3 (a real
// OpenStack Swift with s3api on loopback, one store for this file, one bucket per storage).
const s3 = useS3Store();
const HOUR = 60 * 60 * 1000;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** `bytes` as a network upload delivers them: in 64 KiB chunks. */
function chunks(bytes: Buffer, size = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += size) {
        yield bytes.subarray(i, i + size);
      }
    })(),
  );
}

/** A source that delivers `before` bytes (in 64 KiB chunks, as read), then fails like a dropped connection. */
function breaksAfter(before: number): Readable {
  const bytes = randomBytes(before);
  return Readable.from(
    (async function* () {
      for (let i = 0; i < bytes.length; i += 64 * 1024) {
        yield await Promise.resolve(bytes.subarray(i, i + 64 * 1024));
      }
      throw new Error('connection reset by peer');
    })(),
  );
}

const subjects: Array<[string, () => Promise<StorageSubject>]> = [
  ['filesystem', fsSubject],
  ['S3 (OpenStack Swift)', () => s3Subject(s3.store)],
];

describe.each(subjects)('%s storage', (_name, makeSubject) => {
  let subject: StorageSubject;
  let stagingDir: string;
  const staged: StagedFile[] = [];
  beforeAll(async () => {
    subject = await makeSubject();
    stagingDir = await mkdtemp(path.join(tmpdir(), 'isrc-contract-staging-'));
  });
  afterAll(async () => {
    await Promise.all(staged.map((f) => f.discard()));
    await subject.close();
    await rm(stagingDir, { recursive: true, force: true });
  });

  async function stage(bytes: Buffer): Promise<StagedFile> {
    const file = await stageUpload(chunks(bytes), { dir: stagingDir, maxBytes: bytes.length });
    staged.push(file);
    return file;
  }

  it.each([
    ['a small file', 1000],
    ['a file of several parts', 2 * PART_SIZE + 12345],
  ])('putFile stores %s at its content address, reads back the same bytes, and a second put changes nothing', async (_what, size) => {
    const bytes = randomBytes(size);
    const file = await stage(bytes);
    const before = await subject.everything();
    const key = await subject.storage.putFile(file.path, file);
    expect(key).toBe(contentKey(sha256(bytes)));
    expect(await subject.everything()).toEqual([...before, key].sort());
    expect(await subject.storage.stat(key)).toEqual({ size });
    expect(sha256(await buffer(await subject.storage.get(key)))).toBe(sha256(bytes));
    expect(await subject.storage.putFile(file.path, file)).toBe(key);
    expect(await subject.everything()).toEqual([...before, key].sort());
  });

  it.each([
    ['a small file', 2000],
    ['a file of several parts', PART_SIZE + 4321],
  ])('putFile of %s with a wrong hash or size keeps nothing', async (_what, size) => {
    const bytes = randomBytes(size);
    const file = await stage(bytes);
    const before = await subject.everything();
    const otherSha = sha256(Buffer.concat([bytes, Buffer.from('x')]));
    await expect(subject.storage.putFile(file.path, { size, sha256: otherSha })).rejects.toThrow(/SHA-256|bytes/);
    await expect(subject.storage.putFile(file.path, { size: size - 1, sha256: sha256(bytes) })).rejects.toThrow();
    await expect(subject.storage.putFile(file.path, { size: size + 1, sha256: sha256(bytes) })).rejects.toThrow();
    expect(await subject.storage.exists(contentKey(otherSha))).toBe(false);
    expect(await subject.storage.exists(contentKey(sha256(bytes)))).toBe(false);
    expect(await subject.everything()).toEqual(before);
  });

  it('putFile of a file hashed while staged stores it, and still refuses a wrong size', async () => {
    const bytes = randomBytes(3000);
    const file = await stage(bytes);
    const before = await subject.everything();
    await expect(subject.storage.putFile(file.path, { size: 2999, sha256: sha256(bytes) }, { hashed: true })).rejects.toThrow(/bytes/);
    await expect(subject.storage.putFile(file.path, { size: 3001, sha256: sha256(bytes) }, { hashed: true })).rejects.toThrow();
    expect(await subject.everything()).toEqual(before);
    const key = await subject.storage.putFile(file.path, file, { hashed: true });
    expect(key).toBe(contentKey(sha256(bytes)));
    expect(sha256(await buffer(await subject.storage.get(key)))).toBe(sha256(bytes));
    expect(await subject.everything()).toEqual([...before, key].sort());
  });

  it('put accepts exactly maxBytes and refuses one byte more with FileTooLargeError, leaving nothing', async () => {
    const limit = 2 * PART_SIZE + 100;
    const exact = randomBytes(limit);
    const key = newStorageKey('contract');
    expect(await subject.storage.put(key, chunks(exact), { maxBytes: limit })).toEqual({ size: limit, sha256: sha256(exact) });
    await subject.storage.delete(key);
    const before = await subject.everything();
    const over = newStorageKey('contract');
    await expect(subject.storage.put(over, chunks(Buffer.concat([exact, Buffer.from('!')])), { maxBytes: limit })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await subject.storage.exists(over)).toBe(false);
    expect(await subject.everything()).toEqual(before);
  });

  it.each([
    ['early', 1000],
    ['after several parts', 2 * PART_SIZE + 10],
  ])('a source that breaks off %s leaves nothing', async (_when, before) => {
    const listed = await subject.everything();
    const key = newStorageKey('contract');
    await expect(subject.storage.put(key, breaksAfter(before))).rejects.toThrow('connection reset by peer');
    expect(await subject.storage.exists(key)).toBe(false);
    expect(await subject.everything()).toEqual(listed);
  });

  it('get with a range returns exactly those bytes', async () => {
    const bytes = randomBytes(5000);
    const key = newStorageKey('contract');
    await subject.storage.put(key, chunks(bytes, 700));
    for (const [start, end] of [
      [0, 0],
      [10, 19],
      [4096, 4999],
      [4999, 4999],
    ] as const) {
      expect((await buffer(await subject.storage.get(key, { start, end }))).equals(bytes.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
    }
    await subject.storage.delete(key);
  });

  it('stat, exists and delete; a missing key is undefined, false, FileNotFoundError, and deleting it is fine', async () => {
    const key = newStorageKey('contract');
    expect(await subject.storage.stat(key)).toBeUndefined();
    expect(await subject.storage.exists(key)).toBe(false);
    await expect(subject.storage.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
    await subject.storage.put(key, chunks(Buffer.from('hello, 世界')));
    expect(await subject.storage.stat(key)).toEqual({ size: Buffer.byteLength('hello, 世界') });
    expect(await subject.storage.exists(key)).toBe(true);
    await subject.storage.delete(key);
    await subject.storage.delete(key);
    expect(await subject.storage.exists(key)).toBe(false);
  });

  it('sweepTemporary keeps fresh temporaries and removes them once older than the threshold, never a stored object', async () => {
    const stored = newStorageKey('contract');
    await subject.storage.put(stored, chunks(Buffer.from('keep me')));
    const before = await subject.everything();
    await subject.leaveTemporaries();
    const withTemporaries = await subject.everything();
    expect(withTemporaries.length).toBe(before.length + subject.temporariesPerCall);
    expect(await subject.storage.sweepTemporary(HOUR)).toBe(0);
    expect(await subject.everything()).toEqual(withTemporaries);
    subject.advanceClock(2 * HOUR);
    expect(await subject.storage.sweepTemporary(HOUR)).toBe(subject.temporariesPerCall);
    expect(await subject.everything()).toEqual(before);
    expect(await subject.storage.exists(stored)).toBe(true);
    await subject.storage.delete(stored);
  });

  it('refuses keys that could leave their place, for every operation', async () => {
    for (const key of ['../outside', 'a/../../b', 'a/./b', '/etc/passwd', 'a\\b', 'A/b', 'a//b', '', 'a/b\u0000']) {
      await expect(subject.storage.put(key, chunks(Buffer.from('x'))), key).rejects.toThrow(/invalid storage key/);
      await expect(subject.storage.get(key), key).rejects.toThrow(/invalid storage key/);
      await expect(subject.storage.stat(key), key).rejects.toThrow(/invalid storage key/);
      await expect(subject.storage.exists(key), key).rejects.toThrow(/invalid storage key/);
      await expect(subject.storage.delete(key), key).rejects.toThrow(/invalid storage key/);
    }
  });
});

describe(createS3Storage.name, () => {
  it('creates a missing bucket, opens an existing one, and names the store but never the secret when it cannot sign', async () => {
    const settings = s3.store.settings();
    await createS3Storage(settings);
    const again = await createS3Storage(settings);
    expect(await again.exists('objects/00/none')).toBe(false);
    const wrong = { ...settings, secretAccessKey: 'not-the-secret-4711' };
    const err: unknown = await createS3Storage(wrong).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    const message = err instanceof Error ? err.message : '';
    expect(message).toContain(settings.bucket);
    expect(message).toContain(settings.endpoint);
    expect(message).not.toContain('not-the-secret-4711');
  });
});
