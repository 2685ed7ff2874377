import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A scratch folder for one test file, removed after it: `file(bytes)` writes the bytes to a new file
 * there and returns its path (for code under test that reads files by path).
 */
export function useTempFiles(prefix: string): { file: (bytes: Buffer, extension?: string) => Promise<string> } {
  let dir = '';
  let n = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    file: async (bytes, extension = '') => {
      n += 1;
      const path = join(dir, `f${n}${extension}`);
      await writeFile(path, bytes);
      return path;
    },
  };
}
