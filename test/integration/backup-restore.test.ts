/**
 * `npm run backup` and `npm run restore` as child processes: a registry with an album, ISRCs, audit
 * rows, a deposit and stored files is backed up (pg_dump on PostgreSQL, a copy of the stopped data
 * directory on the embedded database), restored into an empty database and empty storage, and every
 * table, sequence and file compares equal. A damaged backup or a non-empty target is refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTrack } from '../../src/catalog/tracks.service.js';
import { createAlbum } from '../../src/catalog/albums.service.js';
import { depositEvents, trackAudio } from '../../src/db/schema/index.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { createFsStorage } from '../../src/storage/fs-storage.js';
import { storeStaged, type CommittedObject } from '../../src/storage/objects.service.js';
import { stageUpload } from '../../src/storage/staging.js';
import { hashTree } from '../../src/backup/hashing.js';
import { testContext } from '../helpers/context.js';
import { queryRows } from '../helpers/db.js';
import { newRegistrant } from '../helpers/factories.js';
import { runProgram, scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.js';
import { realClock } from '../helpers/setup.js';

const CLI = 'src/backup/backup-cli.ts';
let source: ScratchDatabase;
let backupDir: string;
let objects: CommittedObject[];
const targets: ScratchDatabase[] = [];

/** Every table's row count and a digest of all its rows, and every sequence's position. */
async function fingerprint(handle: DatabaseHandle): Promise<Record<string, string>> {
  const tables = await queryRows(handle, sql`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    const name = String(tablename);
    const [row] = await queryRows(handle, sql.raw(`select count(*)::text as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest from "${name}" t`));
    out[name] = `${String(row?.n)} rows, ${String(row?.digest)}`;
  }
  for (const { sequencename, last_value } of await queryRows(handle, sql`select sequencename, last_value::text from pg_sequences where schemaname = 'public'`)) {
    out[`sequence ${String(sequencename)}`] = String(last_value);
  }
  return out;
}

async function withOpen<T>(db: ScratchDatabase, use: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await db.open();
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}

async function emptyTarget(): Promise<ScratchDatabase> {
  const db = await scratchDatabase();
  targets.push(db);
  return db;
}

beforeAll(async () => {
  source = await scratchDatabase();
  backupDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-backup-test-')), 'backup');
  await withOpen(source, async (handle) => {
    const ctx = { ...testContext(handle, realClock), storage: createFsStorage(path.join(source.dataDir, 'files')), stagingDir: path.join(source.dataDir, 'staging') };
    const member = await newRegistrant(ctx, 'company');
    const album = await createAlbum(ctx, member.actor, { releaseType: 'physical' });
    const first = await addTrack(ctx, member.actor, album.id, { isrc: { mode: 'next' }, recording: { title: '備份之歌' } });
    await addTrack(ctx, member.actor, album.id, { isrc: { mode: 'next' }, recording: { title: 'Restore Song' } });
    objects = [];
    for (const bytes of [Buffer.alloc(70_000, 7), Buffer.from('%PDF-1.4 a scan')]) {
      const staged = await stageUpload(Readable.from([bytes]), { dir: ctx.stagingDir, maxBytes: 1 << 20 });
      objects.push(await storeStaged(ctx, [{ staged, contentType: 'audio/mpeg' }], (_tx, [o]) => Promise.resolve(o!)));
    }
    await handle.db.insert(trackAudio).values({
      albumTrackId: first.id,
      albumId: album.id,
      objectSha256: objects[0]!.sha256,
      container: 'mp3',
      technical: { codec: 'mp3', sampleRate: 44100, channels: 2, bitRate: 128000, durationMs: 1000 },
    });
    await handle.db.insert(depositEvents).values({ albumId: album.id, kind: 'received', copies: 1, eventDate: '2026-11-27' });
  });
}, 180_000);

afterAll(async () => {
  await source.remove();
  await Promise.all(targets.map((t) => t.remove()));
  fs.rmSync(path.dirname(backupDir), { recursive: true, force: true });
});

describe('npm run backup and npm run restore', () => {
  it('backs up the database and every stored file with their checksums', async () => {
    const result = await runProgram(CLI, ['backup', backupDir], source.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 stored files');
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as { database: { kind: string }; objects: { sha256: string }[] };
    expect(manifest.database.kind).toBe(source.kind);
    expect(manifest.objects.map((o) => o.sha256).sort()).toEqual(objects.map((o) => o.sha256).sort());
  });

  it('restores into an empty database and storage: every table, sequence and file is equal', async () => {
    const target = await emptyTarget();
    const result = await runProgram(CLI, ['restore', backupDir], target.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const before = await withOpen(source, fingerprint);
    const after = await withOpen(target, fingerprint);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['albums', 'recordings', 'audit_log', 'deposit_events', 'stored_objects', 'track_audio']));
    expect(before.recordings).toMatch(/^2 rows/);
    expect(after).toEqual(before);
    const restored = await hashTree(path.join(target.dataDir, 'files'));
    expect(restored.map((f) => f.sha256).sort()).toEqual(objects.map((o) => o.sha256).sort());
    // The restored registry goes on where the original stopped: the next ISRC is the third.
    const counters = await withOpen(target, (h) => queryRows(h, sql`select count(*)::int as n from recordings where isrc is not null`));
    expect(counters).toEqual([{ n: 2 }]);
  });

  it('refuses to restore over a database that holds data', async () => {
    const result = await runProgram(CLI, ['restore', backupDir], source.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/already (has tables|holds a database)/);
  });

  it('refuses a damaged backup, naming the file', async () => {
    const damaged = `${backupDir}-damaged`;
    fs.cpSync(backupDir, damaged, { recursive: true });
    fs.writeFileSync(path.join(damaged, 'objects', objects[0]!.sha256), 'not the audio any more');
    const target = await emptyTarget();
    const result = await runProgram(CLI, ['restore', damaged], target.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not match its manifest');
  });

  it('refuses to back up a stored file whose bytes changed, naming it', async () => {
    fs.writeFileSync(path.join(source.dataDir, 'files', ...objects[1]!.storageKey.split('/')), 'changed on disk');
    const result = await runProgram(CLI, ['backup', `${backupDir}-second`], source.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(objects[1]!.storageKey);
    expect(fs.existsSync(path.join(`${backupDir}-second`, 'manifest.json'))).toBe(false);
  });
});
