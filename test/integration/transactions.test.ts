import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { claimIsrc } from '../../src/allocation/claim.service.js';
import { createAlbum } from '../../src/catalog/albums.service.js';
import { addTrack } from '../../src/catalog/tracks.service.js';
import { withTransaction } from '../../src/db/tx.js';
import { AppError, isAppError } from '../../src/shared/errors.js';
import { queryRows } from '../helpers/db.js';
import { newRegistrant } from '../helpers/factories.js';
import { useTestApp } from '../helpers/setup.js';

/**
 * Services called inside an outer transaction (as the import's one-transaction confirm will) open
 * a savepoint: a failed step rolls back alone and keeps its own error code, and the outer
 * transaction stays usable and commits the rest.
 */

const env = useTestApp();

async function caught(work: Promise<unknown>): Promise<AppError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(err)) {
    throw new Error(`expected an AppError, got ${String(err)}`);
  }
  return err;
}

async function ledger(isrcs: string[]): Promise<string[]> {
  const rows = await queryRows(env.handle, sql`select isrc from isrc_assignments where isrc in ${isrcs} order by isrc`);
  return rows.map((r) => String(r.isrc));
}

describe('nested transactions', () => {
  it('two claims of one ISRC in one transaction: the second is ISRC_TAKEN, and the transaction still commits', async () => {
    const company = await newRegistrant(env.ctx, 'company');
    const code = company.codes[0] ?? '';
    const first = `TW${code}2600700`;
    const other = `TW${code}2600701`;
    const second = await withTransaction(env.ctx, async (tx) => {
      await claimIsrc(tx, company.actor, { isrc: first, confirmJump: true });
      // The ledger's unique key refuses it: without a savepoint this aborts the whole transaction
      // and the lookup that names the holder fails with an internal error.
      const taken = await caught(claimIsrc(tx, company.actor, { isrc: `tw-${code.toLowerCase()}-26-00700`, confirmJump: true }));
      await claimIsrc(tx, company.actor, { isrc: other, confirmJump: true });
      return taken;
    });
    expect(second.code).toBe('ISRC_TAKEN');
    expect(second.details).toMatchObject({ isrc: `TW-${code}-26-00700`, ownedByYou: true });
    expect(await ledger([first, other])).toEqual([first, other]);
  });

  it('two tracks of one transaction with the same own ISRC: the second names the album of the first', async () => {
    const company = await newRegistrant(env.ctx, 'company');
    const code = company.codes[0] ?? '';
    const album = await createAlbum(env.ctx, company.actor, { releaseType: 'digital' });
    const outcome = await withTransaction(env.ctx, async (tx) => {
      await addTrack(tx, company.actor, album.id, { isrc: { mode: 'own', isrc: `TW${code}2600900`, confirmJump: true }, recording: { title: 'One' } });
      const taken = await caught(addTrack(tx, company.actor, album.id, { isrc: { mode: 'own', isrc: `TW-${code}-26-00900`, confirmJump: true }, recording: { title: 'Two' } }));
      const invalid = await caught(addTrack(tx, company.actor, album.id, { isrc: { mode: 'foreign', isrc: 'GB-XXX' }, recording: { title: 'Bad', producedAbroad: true } }));
      await addTrack(tx, company.actor, album.id, { isrc: { mode: 'foreign', isrc: 'GBAYE2600001' }, recording: { title: 'Three', producedAbroad: true } });
      return { taken, invalid };
    });
    expect(outcome.taken.code).toBe('ISRC_TAKEN');
    expect(outcome.taken.details).toMatchObject({ ownedByYou: true, album: { id: album.id, number: album.albumNumber } });
    expect(outcome.invalid.code).toBe('ISRC_INVALID');
    const titles = await queryRows(env.handle, sql`select r.title from album_tracks t join recordings r on r.id = t.recording_id where t.album_id = ${album.id} order by t.position`);
    expect(titles.map((r) => r.title)).toEqual(['One', 'Three']);
  });

  it('a failed inner step leaves none of its own writes behind', async () => {
    const company = await newRegistrant(env.ctx, 'company');
    const code = company.codes[0] ?? '';
    await withTransaction(env.ctx, async (tx) => {
      const failed = await caught(
        withTransaction(tx, async (step) => {
          await claimIsrc(step, company.actor, { isrc: `TW${code}2600800`, confirmJump: true });
          throw new AppError('VALIDATION_FAILED');
        }),
      );
      expect(failed.code).toBe('VALIDATION_FAILED');
    });
    expect(await ledger([`TW${code}2600800`])).toEqual([]);
  });
});
