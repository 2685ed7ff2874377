import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as repo from '../../src/allocation/allocation.repo.js';
import { createAlbum } from '../../src/catalog/albums.service.js';
import { addTrack, setTrackIsrc } from '../../src/catalog/tracks.service.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import type { ServiceContext } from '../../src/db/context.js';
import { isAppError } from '../../src/shared/errors.js';
import { testContext } from '../helpers/context.js';
import { openTestDatabase, queryRows } from '../helpers/db.js';
import { newRegistrant, type TestMember } from '../helpers/factories.js';

// A company's typed code X is on a track of album A. Album B attaches X (own code) while A's track
// swaps X for "next available", which releases X (in_use = false). The release must not land
// between B reading the ledger and attaching: else X is on B's recording but "not in use", and
// "next available" stops counting it. The ledger read is held open (a hook in findAssignment) while
// A's swap runs on another connection of the pool: without the counter lock before the read, the
// swap commits in between and the ledger ends up wrong.

const URL = process.env.DATABASE_URL;
if (URL === undefined || !/^postgres(ql)?:\/\//.test(URL)) {
  throw new Error('test/postgres needs a PostgreSQL server: set DATABASE_URL=postgres://user@host:port/db (these tests never run on PGlite).');
}

const hook: { isrc?: string; run?: () => Promise<void> } = {};

vi.mock('../../src/allocation/allocation.repo.js', async (importOriginal) => {
  const original = await importOriginal<typeof repo>();
  return {
    ...original,
    findAssignment: async (...args: Parameters<typeof original.findAssignment>) => {
      const row = await original.findAssignment(...args);
      const run = hook.run;
      if (run !== undefined && args[1] === hook.isrc) {
        hook.run = undefined;
        await run();
      }
      return row;
    },
  };
});

let handle: DatabaseHandle;
let ctx: ServiceContext;
let company: TestMember;

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = testContext(handle);
  company = await newRegistrant(ctx, 'company', { allocatedYear: 2024 });
});

afterAll(async () => {
  await handle.close();
});

/** Until `p` settles or some backend of this database waits for a lock, whichever comes first. */
async function settledOrBlocked(p: Promise<unknown>): Promise<'settled' | 'blocked'> {
  let settled = false;
  void p.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 200; i++) {
    if (settled) {
      return 'settled';
    }
    const waiting = await queryRows(handle, sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
    if (Number(waiting[0]?.n) > 0) {
      return 'blocked';
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the release neither finished nor waited');
}

describe('attaching an own code while another album releases it (PostgreSQL)', () => {
  it('never leaves an attached code "not in use"', async () => {
    const code = company.codes[0] ?? '';
    const x = `TW-${code}-26-00007`;
    const compact = x.replaceAll('-', '');
    const a = await createAlbum(ctx, company.actor, { releaseType: 'digital' });
    const b = await createAlbum(ctx, company.actor, { releaseType: 'digital' });
    const onA = await addTrack(ctx, company.actor, a.id, { isrc: { mode: 'own', isrc: x, confirmJump: true }, recording: { title: 'A' } });

    let release: Promise<unknown> = Promise.resolve();
    let seen: 'settled' | 'blocked' | undefined;
    hook.isrc = compact;
    hook.run = async () => {
      // B has read the ledger (X in use, on A): now A swaps X for "next available" on another connection.
      release = setTrackIsrc(ctx, company.actor, a.id, onA.id, { mode: 'next' });
      seen = await settledOrBlocked(release);
    };
    const attach = await addTrack(ctx, company.actor, b.id, { isrc: { mode: 'own', isrc: x }, recording: { title: 'B' } }).then(
      (t) => ({ ok: true as const, t }),
      (err: unknown) => ({ ok: false as const, err }),
    );
    await release;
    expect(hook.run).toBeUndefined();

    const ledger = await queryRows(handle, sql`select in_use from isrc_assignments where isrc = ${compact}`);
    const holders = await queryRows(handle, sql`select id from recordings where isrc = ${compact}`);
    // Whoever won, the ledger agrees with the recordings: held means in use, free means released.
    expect(ledger[0]?.in_use).toBe(holders.length > 0);
    // With the counter locked before the read, A's swap waits for B, and B still sees X on A.
    expect(seen).toBe('blocked');
    expect(attach.ok).toBe(false);
    expect(!attach.ok && isAppError(attach.err, 'ISRC_TAKEN')).toBe(true);
    expect(holders).toHaveLength(0);

    // Attached again now that it is free: in use again, and "next available" continues after it.
    await addTrack(ctx, company.actor, b.id, { isrc: { mode: 'own', isrc: x }, recording: { title: 'B' } });
    const after = await queryRows(handle, sql`select in_use from isrc_assignments where isrc = ${compact}`);
    expect(after[0]?.in_use).toBe(true);
  });
});
