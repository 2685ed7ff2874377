import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import type { AppInstance } from '../../src/http/types.js';
import type { Clock } from '../../src/shared/clock.js';
import type { ServiceContext } from '../../src/db/context.js';
import { testApp } from './app.js';
import { testContext } from './context.js';
import { openTestDatabase } from './db.js';
import { createFsStorage } from '../../src/storage/fs-storage.js';

export interface TestEnv {
  handle: DatabaseHandle;
  ctx: ServiceContext;
  app: AppInstance;
  /** Where the app's file storage keeps objects (FILES_DIR) and receives uploads (STAGING_DIR). */
  filesDir: string;
  stagingDir: string;
}

/** Real time, for tests of sessions and throttling windows compared with the database's clock. */
export const realClock: Clock = { now: () => new Date() };

/**
 * One database, file storage and app per test file, opened before and closed after its tests. The returned
 * object is filled in by `beforeAll`, so read its fields inside tests, not at module level.
 */
export function useTestApp(clock?: Clock): TestEnv {
  const env = {} as TestEnv;
  // Like the server: file storage and a staging folder, here in a fresh temporary folder.
  let filesRoot = '';
  beforeAll(async () => {
    filesRoot = mkdtempSync(path.join(tmpdir(), 'isrc-test-files-'));
    env.filesDir = path.join(filesRoot, 'files');
    env.stagingDir = path.join(filesRoot, 'staging');
    mkdirSync(env.filesDir);
    mkdirSync(env.stagingDir);
    env.handle = await openTestDatabase();
    env.ctx = { ...testContext(env.handle, clock), storage: createFsStorage(env.filesDir), stagingDir: env.stagingDir };
    env.app = await testApp(env.ctx);
  });
  afterAll(async () => {
    await env.app.close();
    await env.handle.close();
    rmSync(filesRoot, { recursive: true, force: true });
  });
  return env;
}
