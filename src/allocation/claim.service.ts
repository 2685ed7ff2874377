import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { currentYear, type ServiceContext, type TxContext } from '../db/context.js';
import { pgErrorCode, PG_UNIQUE_VIOLATION, withTransaction } from '../db/tx.js';
import { checkIsrc } from '../isrc/check.js';
import { codeYearFinding } from '../isrc/code-year.js';
import type { IsrcParts } from '../isrc/isrc.js';
import { AppError } from '../shared/errors.js';
import { findAssignment, insertAssignments, lockCounter, raiseCounter, setInUse, type CounterKey } from './allocation.repo.js';
import { lockForTypedCode } from './sequence.service.js';
import type { AssignedIsrc } from './allocation.schemas.js';
import { resolveRegistrantFor } from './allocation.policy.js';
import { assertDirectAllocation, loadAllocationProfile, type AllocationProfile } from './allocation.service.js';
import { isrcTakenError } from './isrc-taken.js';

/** A code a company typed, checked once: well-formed, this country, one of its codes, not in the future. */
export interface OwnIsrc {
  readonly compact: string;
  readonly display: string;
  readonly parts: IsrcParts;
}

/**
 * Parses a code typed under the registrant's own registrant code: well-formed, our country, one
 * of ITS registrant codes, a year not after the current year of reference and, unless the album
 * is 回溯編碼 (`retroactive`), not before the year that registrant code was allocated. Uniqueness
 * is left to the database.
 */
export function parseOwnIsrc(ctx: ServiceContext, profile: AllocationProfile, input: string, options: { retroactive: boolean } = { retroactive: false }): OwnIsrc {
  assertDirectAllocation(profile);
  const year = currentYear(ctx);
  const checked = checkIsrc(input, { purpose: 'allocate', currentYear: year });
  if (!checked.valid) {
    if (checked.error.kind === 'year' && checked.error.reason === 'future') {
      throw new AppError('ISRC_YEAR_IN_FUTURE', { currentYear: year });
    }
    throw new AppError('ISRC_INVALID', { isrcError: checked.error });
  }
  const { parts } = checked;
  if (parts.countryCode !== ctx.countryCode || !profile.ownCodes.includes(parts.registrantCode)) {
    throw new AppError('ISRC_NOT_OWN_CODE', { isrc: checked.display, registrantCode: `${parts.countryCode}-${parts.registrantCode}` });
  }
  const allocatedYear = profile.allocatedYears[parts.registrantCode];
  const early = allocatedYear === undefined ? undefined : codeYearFinding(parts.yearOfReference, allocatedYear, options.retroactive);
  if (early !== undefined) {
    throw new AppError('ISRC_YEAR_BEFORE_CODE', { isrc: checked.display, year: early.fullYear, allocatedYear: early.allocatedYear });
  }
  return { compact: checked.compact, display: checked.display, parts };
}

function assignedOf(own: OwnIsrc): AssignedIsrc {
  return { isrc: own.compact, display: own.display, designation: own.parts.designation };
}

function keyOf(own: OwnIsrc): CounterKey {
  return { countryCode: own.parts.countryCode, registrantCode: own.parts.registrantCode, yearOfReference: own.parts.yearOfReference };
}

/**
 * Records a company's own code in the ledger, as a savepoint inside the caller's transaction: when
 * the code is already in the ledger (the unique key, also under a race), only this step rolls
 * back and ISRC_TAKEN surfaces, naming whether it is the registrant's own. A code far past "next
 * available" needs `confirmJump` (ISRC_JUMP_UNCONFIRMED otherwise).
 */
async function claimStep(tx: TxContext, profile: AllocationProfile, actor: Actor | null, own: OwnIsrc, confirmJump: boolean): Promise<AssignedIsrc> {
  try {
    return await withTransaction(tx, async (step) => {
      const key = keyOf(own);
      // Counter first: its row lock orders us after any system allocation in flight (no deadlock),
      // and "next available" then continues after the highest code in use.
      await lockForTypedCode(step, key, own.parts.designation, confirmJump);
      await raiseCounter(step.db, key, own.parts.designation);
      await insertAssignments(step.db, [{ ...key, isrc: own.compact, designation: own.parts.designation, registrantId: profile.id, source: 'manual', assignedBy: actor?.userId ?? null }]);
      await recordAudit(step, actor, { action: 'isrc.claim', entityType: 'registrant', entityId: profile.id, after: { isrc: own.compact } });
      step.metrics?.isrcsAllocated(1, 'typed');
      return assignedOf(own);
    });
  } catch (err) {
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
      const holder = await findAssignment(tx.db, own.compact);
      throw isrcTakenError(own.compact, holder, profile.id);
    }
    throw err;
  }
}

/** The API's "use this code of ours": ISRC_TAKEN when it is already in the ledger. */
export async function claimIsrc(ctx: ServiceContext, actor: Actor, input: { isrc: string; registrantId?: string | undefined; confirmJump?: boolean | undefined }): Promise<AssignedIsrc> {
  const registrantId = resolveRegistrantFor(actor, input.registrantId);
  return withTransaction(ctx, async (tx) => {
    const profile = await loadAllocationProfile(tx, registrantId);
    return claimStep(tx, profile, actor, parseOwnIsrc(tx, profile, input.isrc), input.confirmJump === true);
  });
}

/**
 * For a track: a company's own code, either one already handed to it (reserved earlier, or typed
 * and removed from a draft: attached again, and in use again), or a new claim. The caller checks
 * that no recording holds it.
 *
 * The counter lock comes before the ledger is read: a release of the same code from another
 * album (releaseTypedIsrc, under the same lock) has then either committed, and its in_use=false
 * is seen and undone here, or waits until this transaction ends. Read without the lock, the
 * release could land between the read and the attachment, leaving an attached code "not in use"
 * and "next available" no longer counting it.
 */
export async function reserveOwnIsrc(tx: TxContext, profile: AllocationProfile, actor: Actor | null, own: OwnIsrc, confirmJump: boolean): Promise<AssignedIsrc> {
  const key = keyOf(own);
  await lockCounter(tx.db, key);
  const existing = await findAssignment(tx.db, own.compact);
  if (existing === undefined) {
    return claimStep(tx, profile, actor, own, confirmJump);
  }
  if (existing.registrantId !== profile.id) {
    throw isrcTakenError(own.compact, existing, profile.id);
  }
  if (!existing.inUse) {
    await lockForTypedCode(tx, key, own.parts.designation, confirmJump);
    await raiseCounter(tx.db, key, own.parts.designation);
  }
  // Attached, so in use (a no-op for system codes, always in use).
  await setInUse(tx.db, own.compact, true);
  return assignedOf(own);
}
