import { access, chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureExecutable, FfprobeUnavailableError, ffprobePath } from './ffprobe-path.js';

describe(ensureExecutable.name, () => {
  it('makes a binary installed with mode 744 executable by everyone, and leaves 755 alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ffprobe-path-'));
    try {
      const binary = join(dir, 'ffprobe');
      await writeFile(binary, '#!/bin/sh\n');
      await chmod(binary, 0o744);
      await ensureExecutable(binary);
      expect((await stat(binary)).mode & 0o777).toBe(0o755);
      await ensureExecutable(binary);
      expect((await stat(binary)).mode & 0o777).toBe(0o755);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says clearly when there is no binary', async () => {
    await expect(ensureExecutable(join(tmpdir(), 'no-such-ffprobe-here'))).rejects.toThrow(FfprobeUnavailableError);
    await expect(ensureExecutable(tmpdir())).rejects.toThrow(/not a regular file/);
  });
});

describe(ffprobePath.name, () => {
  it('finds the static ffprobe of @ffprobe-installer/ffprobe, executable, once per process', async () => {
    const binary = await ffprobePath();
    expect(binary).toMatch(/@ffprobe-installer\/linux-x64\/ffprobe$/);
    await access(binary, constants.X_OK);
    expect((await stat(binary)).mode & 0o111).toBe(0o111);
    expect(await ffprobePath()).toBe(binary);
  });
});
