import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createFsStorage } from '../../src/storage/fs-storage.js';
import { testApp } from '../helpers/app.js';
import { testContext } from '../helpers/context.js';
import { openTestDatabase } from '../helpers/db.js';
import type { TestEnv } from '../helpers/setup.js';

export interface FilesTestEnv extends TestEnv {
  filesDir: string;
  stagingDir: string;
}

/** Like `useTestApp`, with file storage and staging in fresh temporary folders (removed afterwards). */
export function useAppWithFiles(): FilesTestEnv {
  const env = {} as FilesTestEnv;
  beforeAll(async () => {
    env.filesDir = await mkdtemp(path.join(tmpdir(), 'isrc-files-'));
    env.stagingDir = await mkdtemp(path.join(tmpdir(), 'isrc-staging-'));
    env.handle = await openTestDatabase();
    env.ctx = { ...testContext(env.handle), storage: createFsStorage(env.filesDir), stagingDir: env.stagingDir };
    env.app = await testApp(env.ctx);
  });
  afterAll(async () => {
    await env.app.close();
    await env.handle.close();
    await rm(env.filesDir, { recursive: true, force: true });
    await rm(env.stagingDir, { recursive: true, force: true });
  });
  return env;
}

/** Every file under the storage folder (temporary files included), relative paths. */
export async function storedFiles(env: FilesTestEnv): Promise<string[]> {
  const entries = await readdir(env.filesDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(env.filesDir, path.join(e.parentPath, e.name)));
}

/** Files left in the staging folder (uploads being received): none once a request is answered. */
export async function stagedFiles(env: FilesTestEnv): Promise<string[]> {
  return readdir(env.stagingDir);
}
