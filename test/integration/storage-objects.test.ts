import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import type { ServiceContext } from '../../src/db/context.js';
import { storedObjects } from '../../src/db/schema/index.js';
import { releaseObject, storeStaged } from '../../src/storage/objects.service.js';
import { stageUpload, type StagedFile } from '../../src/storage/staging.js';
import { contentKey, newStorageKey } from '../../src/storage/storage.js';
import { testContext } from '../helpers/context.js';
import { openTestDatabase, queryRows } from '../helpers/db.js';
import { useS3Store } from '../helpers/s3-store.js';
import { fsSubject, s3Subject, type StorageSubject } from './storage-subjects.js';

// storeStaged and releaseObject on both storages: an object and its stored_objects row appear
// together or not at all, and an object goes only when nothing refers to it any more.
const s3 = useS3Store();
let handle: DatabaseHandle;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  handle = await openTestDatabase();
  // A restricting reference like those of covers, track audio and deposits, owned by this test.
  await handle.db.execute(sql`create table storage_test_refs (sha256 text not null references stored_objects (sha256) on delete restrict)`);
});
afterAll(async () => {
  await handle.close();
});

const subjects: Array<[string, () => Promise<StorageSubject>]> = [
  ['filesystem', fsSubject],
  ['S3 (OpenStack Swift)', () => s3Subject(s3.store)],
];

describe.each(subjects)('stored objects on %s', (_name, makeSubject) => {
  let subject: StorageSubject;
  let ctx: ServiceContext;
  let stagingDir: string;
  beforeAll(async () => {
    subject = await makeSubject();
    stagingDir = await mkdtemp(path.join(tmpdir(), 'isrc-objects-staging-'));
    ctx = { ...testContext(handle), storage: subject.storage, stagingDir };
  });
  afterAll(async () => {
    await subject.close();
    await rm(stagingDir, { recursive: true, force: true });
  });

  const stage = (bytes: Buffer): Promise<StagedFile> => stageUpload(Readable.from([bytes]), { dir: stagingDir, maxBytes: bytes.length });
  const row = async (bytes: Buffer) =>
    (
      await handle.db
        .select()
        .from(storedObjects)
        .where(eq(storedObjects.sha256, sha256(bytes)))
    )[0];
  const refer = (bytes: Buffer) => (tx: { db: ServiceContext['db'] }) => tx.db.execute(sql`insert into storage_test_refs values (${sha256(bytes)})`);
  const unrefer = (bytes: Buffer) => handle.db.execute(sql`delete from storage_test_refs where sha256 = ${sha256(bytes)}`);
  const commit = async (bytes: Buffer) => storeStaged(ctx, [{ staged: await stage(bytes), contentType: 'application/pdf' }], async (tx) => refer(bytes)(tx));

  it('storeStaged stores the object, records its row and runs the caller’s writes; the staged file is gone', async () => {
    const bytes = randomBytes(3000);
    const staged = await stage(bytes);
    const objects = await storeStaged(ctx, [{ staged, contentType: 'application/pdf' }], async (tx, committed) => {
      await refer(bytes)(tx);
      return committed;
    });
    expect(objects).toEqual([{ sha256: sha256(bytes), size: 3000, contentType: 'application/pdf', storageKey: contentKey(sha256(bytes)) }]);
    expect(await row(bytes)).toMatchObject({ size: 3000, contentType: 'application/pdf', storageKey: contentKey(sha256(bytes)) });
    expect(await subject.storage.stat(contentKey(sha256(bytes)))).toEqual({ size: 3000 });
    expect(await readdir(stagingDir)).toEqual([]);
  });

  it('when the caller’s writes fail, nothing is left: no object, no row, no staged file', async () => {
    const bytes = randomBytes(2000);
    const before = await subject.everything();
    const failing = storeStaged(ctx, [{ staged: await stage(bytes), contentType: 'image/png' }], async (tx) => {
      await refer(bytes)(tx);
      throw new Error('album was approved meanwhile');
    });
    await expect(failing).rejects.toThrow('album was approved meanwhile');
    expect(await row(bytes)).toBeUndefined();
    expect(await subject.everything()).toEqual(before);
    expect(await readdir(stagingDir)).toEqual([]);
  });

  it('a failed upload of bytes another row refers to leaves that object alone', async () => {
    const bytes = randomBytes(1500);
    await commit(bytes);
    const failing = storeStaged(ctx, [{ staged: await stage(bytes), contentType: 'application/pdf' }], () => Promise.reject(new Error('refused')));
    await expect(failing).rejects.toThrow('refused');
    expect(await row(bytes)).toBeDefined();
    expect(await subject.storage.exists(contentKey(sha256(bytes)))).toBe(true);
  });

  it('releaseObject keeps a referenced object and removes it, row and bytes, once nothing refers to it', async () => {
    const bytes = randomBytes(1200);
    await commit(bytes);
    await releaseObject(ctx, sha256(bytes), contentKey(sha256(bytes)));
    expect(await row(bytes)).toBeDefined();
    expect(await subject.storage.exists(contentKey(sha256(bytes)))).toBe(true);
    await unrefer(bytes);
    await releaseObject(ctx, sha256(bytes), contentKey(sha256(bytes)));
    expect(await row(bytes)).toBeUndefined();
    expect(await subject.storage.exists(contentKey(sha256(bytes)))).toBe(false);
  });

  it('releaseObject deletes a key from before content addressing, and only that key when the bytes are also stored', async () => {
    const bytes = randomBytes(900);
    const legacy = newStorageKey('change-requests');
    await subject.storage.put(legacy, Readable.from([bytes]));
    await releaseObject(ctx, sha256(bytes), legacy);
    expect(await subject.storage.exists(legacy)).toBe(false);
    await subject.storage.put(legacy, Readable.from([bytes]));
    await commit(bytes);
    await unrefer(bytes);
    await releaseObject(ctx, sha256(bytes), legacy);
    expect(await subject.storage.exists(legacy)).toBe(false);
    expect(await row(bytes)).toBeDefined();
    expect(await subject.storage.exists(contentKey(sha256(bytes)))).toBe(true);
  });

  it('a commit and a release of the same bytes at the same time never leave a reference to missing bytes', async () => {
    const bytes = randomBytes(4000);
    const key = contentKey(sha256(bytes));
    for (let round = 0; round < 12; round++) {
      await commit(bytes);
      await unrefer(bytes);
      // The object is now unreferenced: one side releases it while the other commits it again.
      await Promise.all([releaseObject(ctx, sha256(bytes), key), commit(bytes)]);
      const refs = await queryRows(handle, sql`select count(*)::int as n from storage_test_refs where sha256 = ${sha256(bytes)}`);
      expect(refs[0]?.n, `round ${round}`).toBe(1);
      expect(await row(bytes), `round ${round}`).toBeDefined();
      expect(await subject.storage.stat(key), `round ${round}`).toEqual({ size: 4000 });
    }
  });
});
