import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import type { ServiceContext } from '../../src/db/context.js';
import { storedObjects } from '../../src/db/schema/index.js';
import { TUS_EXPIRY_MS, tusDirectory } from '../../src/media/tus-store-files.js';
import { storeStaged } from '../../src/storage/objects.service.js';
import { ORPHAN_GRACE_MS, sweepOrphans } from '../../src/storage/orphan-sweep.js';
import { stageUpload } from '../../src/storage/staging.js';
import { contentKey, newStorageKey } from '../../src/storage/storage.js';
import { testContext } from '../helpers/context.js';
import { openTestDatabase } from '../helpers/db.js';
import { useS3Store } from '../helpers/s3-store.js';
import { fsSubject, s3Subject, type StorageSubject } from './storage-subjects.js';

// The orphan sweep on both storages: recorded objects nothing references and content-addressed
// objects no row records go once older than the grace period; anything referenced, young, or not
// a content address stays; crash leftovers (temporaries, staged uploads) go too.
const s3 = useS3Store();
let handle: DatabaseHandle;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  handle = await openTestDatabase();
  // A restricting reference the sweep's candidate query does not know of: the foreign key decides.
  await handle.db.execute(sql`create table sweep_test_refs (sha256 text not null references stored_objects (sha256) on delete restrict)`);
});
afterAll(async () => {
  await handle.close();
});

const subjects: Array<[string, () => Promise<StorageSubject>]> = [
  ['filesystem', fsSubject],
  ['S3 (OpenStack Swift)', () => s3Subject(s3.store)],
];

describe.each(subjects)('orphan sweep on %s', (_name, makeSubject) => {
  let subject: StorageSubject;
  let ctx: ServiceContext;
  let stagingDir: string;
  beforeAll(async () => {
    subject = await makeSubject();
    stagingDir = await mkdtemp(path.join(tmpdir(), 'isrc-sweep-staging-'));
    ctx = { ...testContext(handle), storage: subject.storage, stagingDir };
  });
  afterAll(async () => {
    await subject.close();
    await rm(stagingDir, { recursive: true, force: true });
  });

  const commit = async (bytes: Buffer, referenced: boolean) => {
    const staged = await stageUpload(Readable.from([bytes]), { dir: stagingDir, maxBytes: bytes.length });
    await storeStaged(ctx, [{ staged, contentType: 'image/png' }], async (tx) => {
      if (referenced) {
        await tx.db.execute(sql`insert into sweep_test_refs values (${sha256(bytes)})`);
      }
    });
  };
  const age = (bytes: Buffer, ms: number) => handle.db.execute(sql`update stored_objects set created_at = now() - ${`${ms} milliseconds`}::interval where sha256 = ${sha256(bytes)}`);
  const recorded = async (bytes: Buffer) =>
    (
      await handle.db
        .select()
        .from(storedObjects)
        .where(eq(storedObjects.sha256, sha256(bytes)))
    ).length === 1;
  const stored = (bytes: Buffer) => subject.storage.exists(contentKey(sha256(bytes)));

  it('removes an old unreferenced object (row and bytes); keeps a referenced one and a young one', async () => {
    const [orphan, referenced, young] = [randomBytes(1000), randomBytes(1100), randomBytes(1200)];
    await commit(orphan, false);
    await commit(referenced, true);
    await commit(young, false);
    await age(orphan, ORPHAN_GRACE_MS + HOUR);
    await age(referenced, ORPHAN_GRACE_MS + HOUR);
    await age(young, ORPHAN_GRACE_MS - HOUR);

    const summary = await sweepOrphans(ctx);

    expect(summary.unreferencedRemoved).toBeGreaterThanOrEqual(1);
    expect([await recorded(orphan), await stored(orphan)]).toEqual([false, false]);
    expect([await recorded(referenced), await stored(referenced)]).toEqual([true, true]);
    expect([await recorded(young), await stored(young)]).toEqual([true, true]);
    // A second sweep finds nothing more of these (the referenced one is not retried forever).
    await sweepOrphans(ctx);
    expect(await stored(referenced)).toBe(true);
  });

  it('removes old content-addressed bytes no row records (a crash before the commit); keeps recorded, young and other keys', async () => {
    const [unrecorded, young, kept] = [randomBytes(700), randomBytes(800), randomBytes(900)];
    // What a crash between the copy to storage and the recording transaction leaves.
    const dir = await mkdtemp(path.join(tmpdir(), 'isrc-sweep-local-'));
    for (const bytes of [unrecorded, young]) {
      const file = path.join(dir, sha256(bytes));
      await writeFile(file, bytes);
      await subject.storage.putFile(file, { size: bytes.length, sha256: sha256(bytes) });
    }
    await rm(dir, { recursive: true, force: true });
    await commit(kept, true);
    const legacy = newStorageKey('change-requests');
    await subject.storage.put(legacy, Readable.from([randomBytes(300)]));

    // Young by the storage's own clock: nothing unrecorded goes.
    expect((await sweepOrphans(ctx)).unrecordedRemoved).toBe(0);
    expect(await stored(unrecorded)).toBe(true);

    // Three days on, everything is past the grace period.
    const summary = await sweepOrphans(ctx, { now: Date.now() + 3 * 24 * HOUR });
    expect(summary.unrecordedRemoved).toBe(2);
    expect(await stored(unrecorded)).toBe(false);
    expect(await stored(young)).toBe(false);
    expect([await recorded(kept), await stored(kept)]).toEqual([true, true]);
    expect(await subject.storage.exists(legacy)).toBe(true);
  });

  it('removes crash leftovers: old storage temporaries and staged uploads, not fresh ones', async () => {
    // A resumable upload idle past its expiry (data file and info), and one resumed lately.
    const tus = tusDirectory(stagingDir);
    await mkdir(tus, { recursive: true });
    for (const name of ['abandoned', 'abandoned.json', 'resumed', 'resumed.json']) {
      await writeFile(path.join(tus, name), name);
    }
    const pastExpiry = new Date(Date.now() - TUS_EXPIRY_MS - HOUR);
    await utimes(path.join(tus, 'abandoned'), pastExpiry, pastExpiry);
    await utimes(path.join(tus, 'abandoned.json'), pastExpiry, pastExpiry);
    await subject.leaveTemporaries();
    subject.advanceClock(2 * HOUR);
    const old = path.join(stagingDir, 'crashed.upload');
    const fresh = path.join(stagingDir, 'in-flight.upload');
    await writeFile(old, 'left over');
    await writeFile(fresh, 'arriving');
    const twoDaysAgo = new Date(Date.now() - 48 * HOUR);
    await utimes(old, twoDaysAgo, twoDaysAgo);

    const summary = await sweepOrphans(ctx);

    expect(summary.temporaryRemoved).toBe(subject.temporariesPerCall);
    expect(summary.stagedRemoved).toBe(1);
    expect(summary.expiredUploadsRemoved).toBe(1);
    expect((await readdir(tus)).sort()).toEqual(['resumed', 'resumed.json']);
    await rm(tus, { recursive: true });
    expect(await readdir(stagingDir)).toEqual(['in-flight.upload']);
    expect((await subject.everything()).filter((e) => e.includes('tmp') || e.startsWith('('))).toEqual([]);
    await rm(fresh);
  });
});
