import fs from 'node:fs';
import path from 'node:path';

/**
 * What a backup holds, written last: a backup folder without its manifest is incomplete and
 * `npm run restore` refuses it. Every file in it is listed with its SHA-256.
 */
export interface BackupManifest {
  readonly format: 'isrc-registry-backup/1';
  /** ISO 8601, when the database snapshot was taken. */
  readonly createdAt: string;
  readonly database: DatabasePart;
  /** Every stored object the database records, copied into `objects/<sha256>`. */
  readonly objects: readonly BackupObject[];
  readonly storage: 'fs' | 's3';
}

/** PostgreSQL: a pg_dump custom-format archive; embedded: a copy of the stopped PGlite directory. */
export type DatabasePart =
  | { readonly kind: 'postgres'; readonly file: 'database.dump'; readonly sha256: string; readonly size: number }
  | { readonly kind: 'pglite'; readonly dir: 'pglite'; readonly files: readonly BackupFile[] };

export interface BackupFile {
  /** Relative to the copied directory, with forward slashes. */
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

export interface BackupObject {
  readonly sha256: string;
  readonly size: number;
  readonly storageKey: string;
  readonly contentType: string;
}

export const MANIFEST_FILE = 'manifest.json';
export const OBJECTS_DIR = 'objects';

export class BackupError extends Error {}

export function writeManifest(dir: string, manifest: BackupManifest): void {
  const file = path.join(dir, MANIFEST_FILE);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads and shape-checks a manifest; a folder without one was never finished. */
export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) {
    throw new BackupError(`${dir} holds no ${MANIFEST_FILE}: it is not a backup, or the backup did not finish.`);
  }
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!isObject(parsed) || parsed.format !== 'isrc-registry-backup/1' || !isObject(parsed.database) || !Array.isArray(parsed.objects)) {
    throw new BackupError(`${file} is not a backup manifest this version can read.`);
  }
  return parsed as unknown as BackupManifest;
}
