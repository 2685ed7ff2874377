import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Upload } from '@tus/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HashingFileStore } from './tus-hashing-store.js';

describe(HashingFileStore.name, () => {
  let dir = '';
  let store: HashingFileStore;
  const bytes = randomBytes(100_000);
  const sha = createHash('sha256').update(bytes).digest('hex');
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tus-hashing-'));
    store = new HashingFileStore({ directory: dir });
    await store.create(new Upload({ id: 'u1', size: bytes.length, offset: 0 }));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('hashes an upload written in parts, each where the last ended', async () => {
    let offset = await store.write(Readable.from([bytes.subarray(0, 30_000)]), 'u1', 0);
    offset = await store.write(Readable.from([bytes.subarray(30_000, 70_000), bytes.subarray(70_000)]), 'u1', offset);
    expect(offset).toBe(bytes.length);
    expect(store.finishedHash('u1', bytes.length)).toBe(sha);
    // Once only.
    expect(store.finishedHash('u1', bytes.length)).toBeUndefined();
  });

  it('knows no hash after a write at another offset (as after a restart), or for the wrong size', async () => {
    await store.write(Readable.from([bytes.subarray(0, 30_000)]), 'u1', 0);
    await store.write(Readable.from([bytes.subarray(20_000)]), 'u1', 20_000);
    expect(store.finishedHash('u1', bytes.length)).toBeUndefined();
    await store.write(Readable.from([bytes]), 'u1', 0);
    expect(store.finishedHash('u1', bytes.length - 1)).toBeUndefined();
  });

  it('knows no hash after a write that broke off', async () => {
    await store.write(Readable.from([bytes.subarray(0, 30_000)]), 'u1', 0);
    const broken = new Readable({
      read() {
        this.push(bytes.subarray(30_000, 40_000));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.write(broken, 'u1', 30_000)).rejects.toBeDefined();
    expect(store.finishedHash('u1', bytes.length)).toBeUndefined();
  });
});
