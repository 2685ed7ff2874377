import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { pgliteDirectory } from '../db/client.js';
import { lockDataDir } from '../db/pglite-lock.js';
import { BackupError, type BackupObject, type DatabasePart } from './backup-manifest.js';
import { hashFile, hashTree } from './hashing.js';

const OBJECTS_QUERY = 'select sha256, size::text as size, storage_key, content_type from stored_objects order by sha256';

interface ObjectRow {
  sha256: string;
  size: string;
  storage_key: string;
  content_type: string;
}

const toObject = (r: ObjectRow): BackupObject => ({ sha256: r.sha256, size: Number(r.size), storageKey: r.storage_key, contentType: r.content_type });

/** Runs a PostgreSQL client program to completion; its error output becomes the error's message. */
function runTool(program: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (err) => reject(new BackupError(`${program} could not start (${err.message}); install the PostgreSQL client (Debian: postgresql-client).`)));
    child.once('close', (code) => (code === 0 ? resolve() : reject(new BackupError(`${program} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/**
 * pg_dump of the database and the list of its stored objects, both from one snapshot: the list is
 * read in a repeatable-read transaction whose snapshot pg_dump imports, so they agree exactly while
 * the application keeps running.
 */
export async function dumpPostgres(url: string, outDir: string): Promise<{ part: DatabasePart; objects: BackupObject[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]?.id ?? '';
    const objects = (await client.query<ObjectRow>(OBJECTS_QUERY)).rows.map(toObject);
    const file = path.join(outDir, 'database.dump');
    await runTool('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${url}`]);
    await client.query('commit');
    return { part: { kind: 'postgres', file: 'database.dump', ...(await hashFile(file)) }, objects };
  } finally {
    await client.end();
  }
}

/**
 * A copy of the embedded database's directory, taken under the data-directory lock: no server may
 * run meanwhile (PGlite's files are consistent only when closed), which is this mode's cost.
 */
export async function copyPglite(dataDir: string, outDir: string): Promise<{ part: DatabasePart; objects: BackupObject[] }> {
  const source = pgliteDirectory(dataDir);
  if (!fs.existsSync(source)) {
    throw new BackupError(`There is no embedded database in ${dataDir} (no ${source}).`);
  }
  const release = lockDataDir(dataDir);
  try {
    const db = new PGlite(source, { extensions: { pg_trgm } });
    const objects = (await db.query<ObjectRow>(OBJECTS_QUERY)).rows.map(toObject);
    await db.close();
    const target = path.join(outDir, 'pglite');
    fs.cpSync(source, target, { recursive: true });
    return { part: { kind: 'pglite', dir: 'pglite', files: await hashTree(target) }, objects };
  } finally {
    release();
  }
}

/** True when the database has no tables of ours yet (a restore never overwrites data). */
async function postgresIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("select count(*)::text as n from pg_tables where schemaname in ('public', 'drizzle')");
    return rows[0]?.n === '0';
  } finally {
    await client.end();
  }
}

/** Refuses a target that holds a database already: a restore never overwrites data. */
export async function checkRestoreTarget(location: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string }): Promise<void> {
  if (location.kind === 'postgres') {
    if (!(await postgresIsEmpty(location.url))) {
      throw new BackupError('The target database already has tables. Restore into a new, empty database (createdb), then point DATABASE_URL at it.');
    }
    return;
  }
  const target = pgliteDirectory(location.dataDir);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
    throw new BackupError(`${target} already holds a database. Restore into an empty DATA_DIR.`);
  }
}

/** Re-hashes the database part of a backup against its manifest before anything is written. */
export async function verifyDatabasePart(backupDir: string, part: DatabasePart): Promise<void> {
  if (part.kind === 'postgres') {
    const file = path.join(backupDir, part.file);
    const actual = await hashFile(file);
    if (actual.sha256 !== part.sha256 || actual.size !== part.size) {
      throw new BackupError(`${file} does not match its manifest (SHA-256 or size differ): the backup is damaged.`);
    }
    return;
  }
  const source = path.join(backupDir, part.dir);
  const files = await hashTree(source);
  const expected = new Map(part.files.map((f) => [f.path, f.sha256]));
  const damaged = files.filter((f) => expected.get(f.path) !== f.sha256).map((f) => f.path);
  if (damaged.length > 0 || files.length !== part.files.length) {
    throw new BackupError(`The database copy in ${source} does not match its manifest (${damaged.slice(0, 3).join(', ') || 'files missing'}): the backup is damaged.`);
  }
}

/** pg_restore into the (checked, empty) database. */
export async function restorePostgres(url: string, backupDir: string, part: Extract<DatabasePart, { kind: 'postgres' }>): Promise<void> {
  await runTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${url}`, path.join(backupDir, part.file)]);
}

/** Copies the database directory into place under the data-directory lock. */
export function restorePglite(dataDir: string, backupDir: string, part: Extract<DatabasePart, { kind: 'pglite' }>): void {
  const release = lockDataDir(dataDir);
  try {
    fs.cpSync(path.join(backupDir, part.dir), pgliteDirectory(dataDir), { recursive: true });
  } finally {
    release();
  }
}
