import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsStorage } from './fs-storage.js';
import { STAGED_MAX_AGE_MS, sweepAtStart, TEMPORARY_MAX_AGE_MS } from './startup-sweep.js';

async function fileAged(file: string, ageMs: number): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, 'left by a crash');
  const at = new Date(Date.now() - ageMs);
  await utimes(file, at, at);
}

describe(sweepAtStart.name, () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'isrc-sweep-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('removes storage temporaries older than an hour and staged uploads older than a day, never resumable uploads', async () => {
    const filesDir = path.join(root, 'files');
    const stagingDir = path.join(root, 'staging');
    await fileAged(path.join(filesDir, '.tmp', 'old.part'), TEMPORARY_MAX_AGE_MS + 60_000);
    await fileAged(path.join(filesDir, '.tmp', 'fresh.part'), 60_000);
    await fileAged(path.join(filesDir, 'objects', 'ab', 'ab'.repeat(32)), 10 * STAGED_MAX_AGE_MS);
    await fileAged(path.join(stagingDir, 'old.upload'), STAGED_MAX_AGE_MS + 60_000);
    await fileAged(path.join(stagingDir, 'recent.upload'), TEMPORARY_MAX_AGE_MS * 5);
    await fileAged(path.join(stagingDir, 'tus', 'resumable-upload'), 10 * STAGED_MAX_AGE_MS);

    const summary = await sweepAtStart(createFsStorage(filesDir), { storage: { kind: 'fs' }, filesDir, stagingDir });

    expect(summary).toEqual({ storage: `filesystem ${filesDir}`, temporaryRemoved: 1, stagedRemoved: 1 });
    expect(await readdir(path.join(filesDir, '.tmp'))).toEqual(['fresh.part']);
    expect(await readdir(path.join(filesDir, 'objects', 'ab'))).toHaveLength(1);
    expect((await readdir(stagingDir)).sort()).toEqual(['recent.upload', 'tus']);
    expect(await readdir(path.join(stagingDir, 'tus'))).toEqual(['resumable-upload']);
  });
});
