import type { Actor } from '../accounts/actor.js';
import { allocateOwnCodes, type AllocationProfile } from '../allocation/allocation.service.js';
import { parseOwnIsrc, reserveOwnIsrc, type OwnIsrc } from '../allocation/claim.service.js';
import { allowsChoice } from '../allocation/issuance.policy.js';
import { isrcTakenError } from '../allocation/isrc-taken.js';
import { currentYear, type ServiceContext, type TxContext } from '../db/context.js';
import { pgErrorCode, PG_UNIQUE_VIOLATION, withTransaction } from '../db/tx.js';
import { checkIsrc } from '../isrc/check.js';
import type { IsrcSource } from '../shared/enums.js';
import { AppError, isAppError } from '../shared/errors.js';
import type { IsrcChoice } from './catalog.schemas.js';
import { findIsrcHolder, findIsrcHolders, type IsrcHolder, type RecordingRow } from './tracks.repo.js';

export type { IsrcHolder } from './tracks.repo.js';

export interface TrackIsrc {
  isrc: string;
  source: IsrcSource;
}

/** ISRC_TAKEN naming where the code is used: the album, if it is the asking registrant's own. */
export function takenBy(isrc: string, holder: IsrcHolder | undefined, registrantId: string) {
  const album = holder?.albumId === null || holder?.albumId === undefined ? undefined : { id: holder.albumId, number: holder.albumNumber ?? 0, title: holder.albumTitle ?? '' };
  return isrcTakenError(isrc, holder === undefined ? undefined : { registrantId: holder.registrantId, album }, registrantId);
}

async function takenOnRecording(tx: TxContext, isrc: string, registrantId: string) {
  return takenBy(isrc, await findIsrcHolder(tx.db, isrc), registrantId);
}

async function assertFree(tx: TxContext, isrc: string, registrantId: string, exceptRecordingId: string | undefined): Promise<void> {
  const holder = await findIsrcHolder(tx.db, isrc);
  if (holder !== undefined && holder.recordingId !== exceptRecordingId) {
    throw takenBy(isrc, holder, registrantId);
  }
}

/** Which recording (and first album) holds each of these ISRCs: one statement, for the import preview. */
export function isrcHoldersOf(ctx: ServiceContext, isrcs: readonly string[]): Promise<Map<string, IsrcHolder>> {
  return findIsrcHolders(ctx.db, isrcs);
}

/** A typed code (own or foreign), checked once; "next" and "none" name no code. */
export type ParsedChoice = { mode: 'none' } | { mode: 'next'; registrantCode?: string | undefined } | { mode: 'own'; own: OwnIsrc; confirmJump: boolean } | { mode: 'foreign'; isrc: string };

/** What a choice is checked against: the album's 回溯編碼 and the recording's 境外製作. */
export interface ChoiceTarget {
  retroactive: boolean;
  producedAbroad: boolean;
}

/**
 * The checks of a choice that need no database: the issuance rule, an own code's ownership and
 * years (parseOwnIsrc), a foreign code's form and country, and that only a recording produced
 * abroad keeps a foreign code. Exported for the import preview.
 */
export function parseChoice(ctx: ServiceContext, profile: AllocationProfile, choice: IsrcChoice, target: ChoiceTarget): ParsedChoice {
  if (!allowsChoice(profile.kind, choice.mode)) {
    throw new AppError('ISRC_ASSIGNED_ON_SUBMISSION');
  }
  switch (choice.mode) {
    case 'none':
      return { mode: 'none' };
    case 'next':
      return { mode: 'next', registrantCode: choice.registrantCode };
    case 'own':
      return { mode: 'own', own: parseOwnIsrc(ctx, profile, choice.isrc, { retroactive: target.retroactive }), confirmJump: choice.confirmJump === true };
    case 'foreign': {
      const checked = checkIsrc(choice.isrc, { purpose: 'report-foreign', currentYear: currentYear(ctx) });
      if (!checked.valid) {
        throw new AppError('ISRC_INVALID', { isrcError: checked.error });
      }
      if (checked.parts.countryCode === ctx.countryCode) {
        throw new AppError('ISRC_NOT_FOREIGN', { isrc: checked.display });
      }
      if (!target.producedAbroad) {
        // Otherwise a made-up foreign code on a domestic recording would skip issuance (an individual's pool code).
        throw new AppError('ISRC_FOREIGN_NOT_ABROAD', { isrc: checked.display });
      }
      return { mode: 'foreign', isrc: checked.compact };
    }
  }
}

/**
 * Puts the ISRC a track asks for on its recording, inside the caller's transaction: the next code
 * from the counter, a company's own code (checked and put in the ledger), or a foreign recording's
 * existing code. Whether the registrant may choose that at all is the issuance rule's call. An own
 * code may carry a year before its registrant code was allocated only on a 回溯編碼 album
 * (`target.retroactive`); a foreign code only on a recording produced abroad (`target.producedAbroad`).
 *
 * Claiming the code and writing the recording run as one savepoint: when a unique key refuses the
 * code (another track took it a moment earlier, or an earlier row of the same import did), only
 * this step rolls back and ISRC_TAKEN surfaces instead of an aborted transaction.
 */
export async function applyTrackIsrc(
  tx: TxContext,
  actor: Actor,
  profile: AllocationProfile,
  target: ChoiceTarget & { recordingId?: string | undefined },
  choice: IsrcChoice,
  write: (step: TxContext, isrc: TrackIsrc | null) => Promise<RecordingRow>,
): Promise<RecordingRow> {
  const parsed = parseChoice(tx, profile, choice, target);
  const named = parsed.mode === 'own' ? parsed.own.compact : parsed.mode === 'foreign' ? parsed.isrc : undefined;
  try {
    return await withTransaction(tx, async (step) => {
      switch (parsed.mode) {
        case 'none':
          return write(step, null);
        case 'next': {
          const [code] = await allocateOwnCodes(step, profile, { count: 1, registrantCode: parsed.registrantCode, actor });
          if (code === undefined) {
            throw new Error('allocation returned no code');
          }
          return write(step, { isrc: code.isrc, source: 'system' });
        }
        case 'own':
          await reserveOwnIsrc(step, profile, actor, parsed.own, parsed.confirmJump);
          await assertFree(step, parsed.own.compact, profile.id, target.recordingId);
          return write(step, { isrc: parsed.own.compact, source: 'own' });
        case 'foreign':
          await assertFree(step, parsed.isrc, profile.id, target.recordingId);
          return write(step, { isrc: parsed.isrc, source: 'foreign' });
      }
    });
  } catch (err) {
    const taken = pgErrorCode(err) === PG_UNIQUE_VIOLATION || isAppError(err, 'ISRC_TAKEN');
    if (taken && named !== undefined) {
      // Lost a race: by now the winner's recording is committed, so name its album when it is ours.
      const onRecording = await takenOnRecording(tx, named, profile.id);
      throw isAppError(err) && onRecording.details?.album === undefined ? err : onRecording;
    }
    throw err;
  }
}
