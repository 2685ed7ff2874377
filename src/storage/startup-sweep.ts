import { describeStorage, type StorageConfig } from '../config/storage-env.js';
import { sweepStaging } from './staging.js';
import type { FileStorage } from './storage.js';

/** Storage temporaries (a write cut off by a crash) older than this are removed at start-up. */
export const TEMPORARY_MAX_AGE_MS = 60 * 60 * 1000;
/** Staged uploads older than this are removed at start-up (a resumable upload may take a day). */
export const STAGED_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface SweepSummary {
  storage: string;
  temporaryRemoved: number;
  stagedRemoved: number;
}

/**
 * Removes what a crash left behind: the storage's temporary objects (and, on S3, incomplete
 * multipart uploads) older than an hour, and staged uploads older than a day. The resumable-upload
 * directory (`<stagingDir>/tus`) is not touched: its uploads may be resumed and expire on their own.
 */
export async function sweepAtStart(storage: FileStorage, config: { storage: StorageConfig; filesDir: string; stagingDir: string }): Promise<SweepSummary> {
  const temporaryRemoved = await storage.sweepTemporary(TEMPORARY_MAX_AGE_MS);
  const stagedRemoved = await sweepStaging(config.stagingDir, STAGED_MAX_AGE_MS);
  return { storage: describeStorage(config.storage, config.filesDir), temporaryRemoved, stagedRemoved };
}
