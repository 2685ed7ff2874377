import fs from 'node:fs';
import path from 'node:path';
import type { FileStorage } from '../storage/storage.js';
import { BackupError, OBJECTS_DIR, readManifest, writeManifest, type BackupManifest, type BackupObject } from './backup-manifest.js';
import { checkRestoreTarget, copyPglite, dumpPostgres, restorePglite, restorePostgres, verifyDatabasePart } from './database-part.js';
import { writeHashed } from './hashing.js';

/** Where the database is: a PostgreSQL URL, or the embedded database in a data directory. */
export type DatabaseLocation = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export interface BackupSummary {
  dir: string;
  manifest: BackupManifest;
  bytes: number;
}

/**
 * Copies every recorded object out of storage into `objects/<sha256>`, checking each against the
 * SHA-256 recorded when it was stored: a backup of a damaged or missing file is refused, naming it
 * (run `npm run fixity` to see what holds it).
 */
async function copyObjectsOut(storage: FileStorage, objects: readonly BackupObject[], dir: string): Promise<number> {
  fs.mkdirSync(path.join(dir, OBJECTS_DIR), { recursive: true });
  const problems: string[] = [];
  let bytes = 0;
  for (const o of objects) {
    try {
      const copied = await writeHashed(await storage.get(o.storageKey), path.join(dir, OBJECTS_DIR, o.sha256));
      if (copied.sha256 !== o.sha256 || copied.size !== o.size) {
        problems.push(`${o.storageKey}: its bytes no longer match the SHA-256 recorded when it was stored`);
      }
      bytes += copied.size;
    } catch (err) {
      problems.push(`${o.storageKey}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (problems.length > 0) {
    throw new BackupError(`${problems.length} stored file(s) could not be backed up intact:\n  ${problems.join('\n  ')}`);
  }
  return bytes;
}

/** A full backup into `dir` (created; must not hold a backup already). The manifest is written last. */
export async function createBackup(location: DatabaseLocation, storage: FileStorage, dir: string, now: Date): Promise<BackupSummary> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new BackupError(`${dir} is not empty; choose a new folder for the backup.`);
  }
  fs.mkdirSync(dir, { recursive: true });
  const { part, objects } = location.kind === 'postgres' ? await dumpPostgres(location.url, dir) : await copyPglite(location.dataDir, dir);
  const bytes = await copyObjectsOut(storage, objects, dir);
  const manifest: BackupManifest = { format: 'isrc-registry-backup/1', createdAt: now.toISOString(), database: part, objects, storage: storage.kind };
  writeManifest(dir, manifest);
  return { dir, manifest, bytes };
}

/**
 * Puts every object back under its key, each re-hashed on the way; one that does not match the
 * manifest is removed again and stops the restore before the database is touched.
 */
async function copyObjectsIn(storage: FileStorage, objects: readonly BackupObject[], dir: string): Promise<void> {
  for (const o of objects) {
    const file = path.join(dir, OBJECTS_DIR, o.sha256);
    if (!fs.existsSync(file)) {
      throw new BackupError(`${file} is missing: the backup is incomplete.`);
    }
    const stored = await storage.put(o.storageKey, fs.createReadStream(file));
    if (stored.sha256 !== o.sha256 || stored.size !== o.size) {
      await storage.delete(o.storageKey);
      throw new BackupError(`${file} does not match its manifest: the backup is damaged.`);
    }
  }
}

/**
 * Restores a backup into an empty database (a new PostgreSQL database, or a DATA_DIR without one)
 * and the configured storage. The database kind must be the backup's: a pg_dump archive cannot
 * become an embedded database, nor the reverse. Everything is checked first, then the files go
 * back (content-addressed, harmless on their own), the database last: a damaged backup leaves the
 * target database empty.
 */
export async function restoreBackup(location: DatabaseLocation, storage: FileStorage, dir: string): Promise<BackupManifest> {
  const manifest = readManifest(dir);
  const part = manifest.database;
  if (part.kind !== location.kind) {
    throw new BackupError(
      `This backup is of ${part.kind === 'postgres' ? 'a PostgreSQL database' : 'the embedded database'}; ` +
        `restore it with ${part.kind === 'postgres' ? 'DATABASE_URL set to a new, empty database' : 'DATABASE_URL unset and an empty DATA_DIR'}.`,
    );
  }
  await checkRestoreTarget(location);
  await verifyDatabasePart(dir, part);
  await copyObjectsIn(storage, manifest.objects, dir);
  if (location.kind === 'postgres' && part.kind === 'postgres') {
    await restorePostgres(location.url, dir, part);
  } else if (location.kind === 'pglite' && part.kind === 'pglite') {
    restorePglite(location.dataDir, dir, part);
  }
  return manifest;
}
