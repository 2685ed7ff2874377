import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffContentType } from './content-type.js';
import { createFsStorage } from './fs-storage.js';
import { FileNotFoundError, FileTooLargeError, isValidStorageKey, newStorageKey, type FileStorage } from './storage.js';
import { storeUpload, UnsupportedContentError } from './upload.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A stream of `size` bytes in small chunks, as a network upload arrives. */
function chunked(bytes: Buffer, chunk = 3): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) {
    parts.push(bytes.subarray(i, i + chunk));
  }
  return Readable.from(parts);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('createFsStorage', () => {
  let root: string;
  let sut: FileStorage;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'isrc-storage-'));
    sut = createFsStorage(root);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores, reports size and SHA-256, reads back, deletes', async () => {
    const key = newStorageKey('test');
    const body = Buffer.from('hello, 世界');
    const stored = await sut.put(key, chunked(body));
    expect(stored).toEqual({ size: body.length, sha256: sha(body) });
    expect(await sut.exists(key)).toBe(true);
    expect(await text(await sut.get(key))).toBe('hello, 世界');
    await sut.delete(key);
    expect(await sut.exists(key)).toBe(false);
    await sut.delete(key);
    await expect(sut.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it('accepts exactly the limit and refuses one byte more, leaving nothing on disk', async () => {
    const key = newStorageKey('test');
    const limit = 1000;
    expect((await sut.put(key, chunked(Buffer.alloc(limit, 1), 64), { maxBytes: limit })).size).toBe(limit);
    await sut.delete(key);
    await expect(sut.put(key, chunked(Buffer.alloc(limit + 1, 1), 64), { maxBytes: limit })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await sut.exists(key)).toBe(false);
    expect(await filesUnder(root)).toEqual([]);
  });

  it('refuses keys that could leave the root', async () => {
    await writeFile(path.join(root, '..', 'outside-probe'), 'x').catch(() => undefined);
    for (const key of ['../outside-probe', '/etc/passwd', 'a/../../b', 'a/./b', 'a\\b', 'A/b', 'a/b\u0000', '', 'a//b']) {
      expect(isValidStorageKey(key), key).toBe(false);
      await expect(sut.put(key, chunked(Buffer.from('x')))).rejects.toThrow();
      await expect(sut.exists(key)).rejects.toThrow();
    }
  });
});

describe(sniffContentType.name, () => {
  it('knows PDF, JPEG and PNG by their first bytes only', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffContentType(PNG)).toBe('image/png');
    expect(sniffContentType(Buffer.from('MZ\x90\x00'))).toBeUndefined();
    expect(sniffContentType(Buffer.from('%PDF'))).toBeUndefined();
    expect(sniffContentType(Buffer.alloc(0))).toBeUndefined();
  });
});

describe(storeUpload.name, () => {
  let root: string;
  let storage: FileStorage;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'isrc-upload-'));
    storage = createFsStorage(root);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
  const allowed = ['application/pdf', 'image/png'] as const;

  it('stores an accepted type with its sniffed content type, even arriving a byte at a time', async () => {
    const key = newStorageKey('test');
    const body = Buffer.concat([PNG, Buffer.alloc(100, 7)]);
    const stored = await storeUpload(storage, key, chunked(body, 1), { maxBytes: 1000, allowed });
    expect(stored).toEqual({ size: body.length, sha256: sha(body), contentType: 'image/png' });
    expect((await buffer(await storage.get(key))).equals(body)).toBe(true);
  });

  it('refuses another type, a too-short file and an oversize one, keeping nothing', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);
    const cases: Array<[Buffer, unknown]> = [
      [jpeg, UnsupportedContentError],
      [Buffer.from('MZ this is an exe renamed .pdf'), UnsupportedContentError],
      [Buffer.from('%P'), UnsupportedContentError],
      [Buffer.alloc(0), UnsupportedContentError],
      [Buffer.concat([Buffer.from('%PDF-1.4'), Buffer.alloc(1000)]), FileTooLargeError],
    ];
    for (const [body, error] of cases) {
      const key = newStorageKey('test');
      await expect(storeUpload(storage, key, chunked(body), { maxBytes: 1000, allowed })).rejects.toBeInstanceOf(error);
      expect(await storage.exists(key)).toBe(false);
    }
    expect((await filesUnder(root)).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
