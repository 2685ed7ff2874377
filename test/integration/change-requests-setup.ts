import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { useTestApp, type TestEnv } from '../helpers/setup.js';

export type FilesTestEnv = TestEnv;

/** `useTestApp`: file storage and staging in fresh temporary folders (removed afterwards). */
export function useAppWithFiles(): FilesTestEnv {
  return useTestApp();
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
