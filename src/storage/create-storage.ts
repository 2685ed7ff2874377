import type { StorageConfig } from '../config/storage-env.js';
import { createFsStorage } from './fs-storage.js';
import { createS3Storage } from './s3-storage.js';
import type { FileStorage } from './storage.js';

/**
 * The storage the configuration names: the filesystem under `filesDir` (default) or the S3 bucket,
 * created when missing. Used by the server and by tools that read stored files (fixity).
 */
export async function createStorage(config: { storage: StorageConfig; filesDir: string }): Promise<FileStorage> {
  switch (config.storage.kind) {
    case 'fs':
      return createFsStorage(config.filesDir);
    case 's3':
      return createS3Storage(config.storage.s3);
  }
}
