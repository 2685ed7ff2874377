/**
 * `npm run fixity` as a child process against a real data directory (or, with DATABASE_URL, a
 * PostgreSQL database of its own) and the filesystem storage under DATA_DIR/files: a summary and
 * exit 0 when all pass; the failing object and what holds it, and exit 1, after a file is changed;
 * on the embedded database it refuses to run while another process holds the data directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackAudio } from '../../src/db/schema/index.js';
import { createFsStorage } from '../../src/storage/fs-storage.js';
import { storeStaged, type CommittedObject } from '../../src/storage/objects.service.js';
import { stageUpload } from '../../src/storage/staging.js';
import { createAlbum } from '../../src/catalog/albums.service.js';
import { addTrack } from '../../src/catalog/tracks.service.js';
import { testContext } from '../helpers/context.js';
import { queryRows } from '../helpers/db.js';
import { newRegistrant } from '../helpers/factories.js';
import { realClock } from '../helpers/setup.js';
import { runProgram, scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.js';

const CLI = 'src/fixity/fixity-cli.ts';
let db: ScratchDatabase;
let objects: CommittedObject[];
let albumNumber: number;
let isrc: string;

beforeAll(async () => {
  db = await scratchDatabase();
  const handle = await db.open();
  try {
    const ctx = { ...testContext(handle, realClock), storage: createFsStorage(path.join(db.dataDir, 'files')), stagingDir: path.join(db.dataDir, 'staging') };
    const member = await newRegistrant(ctx, 'company');
    const album = await createAlbum(ctx, member.actor, { releaseType: 'digital' });
    const track = await addTrack(ctx, member.actor, album.id, { isrc: { mode: 'next' }, recording: { title: '命令列' } });
    albumNumber = album.albumNumber;
    isrc = track.recording.isrcDisplay ?? '';
    objects = [];
    for (const bytes of [Buffer.alloc(5000, 7), Buffer.alloc(3000, 9)]) {
      const staged = await stageUpload(Readable.from([bytes]), { dir: ctx.stagingDir, maxBytes: 1 << 20 });
      objects.push(await storeStaged(ctx, [{ staged, contentType: 'audio/mpeg' }], (_tx, [o]) => Promise.resolve(o!)));
    }
    await handle.db.insert(trackAudio).values({
      albumTrackId: track.id,
      albumId: album.id,
      objectSha256: objects[0]!.sha256,
      container: 'mp3',
      technical: { codec: 'mp3', sampleRate: 44100, channels: 2, bitRate: 128000, durationMs: 1000 },
    });
  } finally {
    await handle.close();
  }
}, 180_000);

afterAll(async () => {
  await db.remove();
});

describe('npm run fixity', () => {
  it('prints the summary and exits 0 when every object passes', async () => {
    const result = await runProgram(CLI, [], db.env);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('checked 2, passed 2, failed 0, missing 0');
    expect(result.stdout).toMatch(/isrc-registry fixity \d+\.\d+\.\d+/);
    expect(result.code).toBe(0);
  });

  it('names the failing object and what holds it, and exits 1', async () => {
    fs.writeFileSync(path.join(db.dataDir, 'files', ...objects[0]!.storageKey.split('/')), 'changed on disk');
    const result = await runProgram(CLI, [], db.env);
    expect(result.stdout).toContain('checked 2, passed 1, failed 1, missing 0');
    expect(result.stdout).toContain(`FAIL    ${objects[0]!.sha256}`);
    expect(result.stdout).toContain(`audio of ${isrc} on album ${albumNumber}`);
    expect(result.code).toBe(1);
    const handle = await db.open();
    try {
      const events = await queryRows(handle, sql`select outcome, count(*)::int as n from fixity_events group by outcome order by outcome`);
      expect(events).toEqual([
        { outcome: 'pass', n: 3 },
        { outcome: 'fail', n: 1 },
      ]);
    } finally {
      await handle.close();
    }
  });

  it('refuses to run while another process holds the embedded database', async () => {
    if (db.kind !== 'pglite') {
      return;
    }
    const handle = await db.open();
    try {
      const result = await runProgram(CLI, [], db.env);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('is in use by process');
    } finally {
      await handle.close();
    }
  });
});
