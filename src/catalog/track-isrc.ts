import type { Actor } from '../accounts/actor.js';
import { allocateInTransaction } from '../allocation/allocation.service.js';
import { reserveOwnIsrc } from '../allocation/claim.service.js';
import type { Transaction } from '../db/types.js';
import { checkIsrc } from '../isrc/check.js';
import { formatDisplay, isIsrc } from '../isrc/isrc.js';
import type { ServiceContext } from '../shared/context.js';
import { AppError } from '../shared/errors.js';
import type { IsrcChoice } from './catalog.schemas.js';
import { findIsrcHolder } from './tracks.repo.js';

export interface TrackIsrc {
  isrc: string;
  source: 'system' | 'own' | 'foreign';
}

/** ISRC_TAKEN naming where the code is used: the album if it is the registrant's own. */
export async function isrcTakenError(tx: Transaction, isrc: string, registrantId: string): Promise<AppError> {
  const holder = await findIsrcHolder(tx, isrc);
  const display = isIsrc(isrc) ? formatDisplay(isrc) : isrc;
  if (holder === undefined) {
    return new AppError('ISRC_TAKEN', { isrc: display });
  }
  const ownedByYou = holder.registrantId === registrantId;
  return new AppError('ISRC_TAKEN', {
    isrc: display,
    ownedByYou,
    ...(ownedByYou ? { albumId: holder.albumId, albumNumber: holder.albumNumber, albumTitle: holder.albumTitle } : {}),
  });
}

async function assertFree(tx: Transaction, isrc: string, registrantId: string, exceptRecordingId: string | undefined): Promise<void> {
  const holder = await findIsrcHolder(tx, isrc);
  if (holder !== undefined && holder.recordingId !== exceptRecordingId) {
    throw await isrcTakenError(tx, isrc, registrantId);
  }
}

/**
 * Resolves the ISRC a track asks for, inside the caller's transaction: the next code from the
 * counter, a company's own code (checked and put in the ledger), or a foreign recording's existing
 * code. Individuals get theirs from the pool on submission, so they may only report foreign ones.
 */
export async function resolveTrackIsrc(
  ctx: ServiceContext,
  tx: Transaction,
  actor: Actor,
  target: { registrantId: string; individual: boolean; recordingId?: string },
  choice: IsrcChoice,
): Promise<TrackIsrc | null> {
  if (choice.mode === 'none') {
    return null;
  }
  if (target.individual && choice.mode !== 'foreign') {
    throw new AppError('ISRC_ASSIGNED_ON_SUBMISSION');
  }
  switch (choice.mode) {
    case 'next': {
      const [assigned] = await allocateInTransaction(ctx, tx, { registrantId: target.registrantId, count: 1, registrantCode: choice.registrantCode, actor });
      if (assigned === undefined) {
        throw new Error('allocation returned no code');
      }
      return { isrc: assigned.isrc, source: 'system' };
    }
    case 'own': {
      const own = await reserveOwnIsrc(ctx, tx, actor, target.registrantId, choice.isrc);
      await assertFree(tx, own.isrc, target.registrantId, target.recordingId);
      return { isrc: own.isrc, source: 'own' };
    }
    case 'foreign': {
      const checked = checkIsrc(choice.isrc, { purpose: 'report-foreign', currentYear: ctx.clock.now().getUTCFullYear() });
      if (!checked.valid) {
        throw new AppError('ISRC_INVALID', { isrcError: checked.error });
      }
      if (checked.parts.countryCode === ctx.countryCode) {
        throw new AppError('ISRC_NOT_FOREIGN', { isrc: checked.display });
      }
      await assertFree(tx, checked.compact, target.registrantId, target.recordingId);
      return { isrc: checked.compact, source: 'foreign' };
    }
  }
}
