import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleUploads } from './tus-store-files.js';

describe(removeStaleUploads.name, () => {
  let dir = '';
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('removes uploads whose last bytes are old, with their info, and keeps the rest', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tus-stale-'));
    const now = Date.now();
    const at = async (name: string, ageMs: number) => {
      await writeFile(path.join(dir, name), 'x');
      const when = new Date(now - ageMs);
      await utimes(path.join(dir, name), when, when);
    };
    // Created long ago but written to just now: kept (the info file is old, the data is not).
    await at('active', 1000);
    await at('active.json', 10_000);
    await at('stale', 10_000);
    await at('stale.json', 10_000);
    // Info without data (a crash between the two writes): its own age counts.
    await at('orphan.json', 10_000);
    await at('young.json', 1000);
    expect(await removeStaleUploads(dir, 5000, now)).toBe(2);
    expect((await readdir(dir)).sort()).toEqual(['active', 'active.json', 'young.json']);
  });

  it('finds nothing to do in a folder that does not exist', async () => {
    dir = path.join(tmpdir(), 'tus-stale-missing');
    expect(await removeStaleUploads(dir, 0)).toBe(0);
  });
});
