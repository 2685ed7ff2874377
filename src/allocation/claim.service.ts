import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { currentYear, type ServiceContext, type TxContext } from '../db/context.js';
import { pgErrorCode, PG_UNIQUE_VIOLATION, withTransaction } from '../db/tx.js';
import { checkIsrc } from '../isrc/check.js';
import type { IsrcParts } from '../isrc/isrc.js';
import { AppError } from '../shared/errors.js';
import { findAssignment, insertAssignments, raiseCounter } from './allocation.repo.js';
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
 * of ITS registrant codes, a year not after the current year of reference. Uniqueness is left to
 * the database.
 */
export function parseOwnIsrc(ctx: ServiceContext, profile: AllocationProfile, input: string): OwnIsrc {
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
  return { compact: checked.compact, display: checked.display, parts };
}

function assignedOf(own: OwnIsrc): AssignedIsrc {
  return { isrc: own.compact, display: own.display, designation: own.parts.designation };
}

/**
 * Records a company's own code in the ledger, as a savepoint inside the caller's transaction: when
 * the code is already in the ledger (the unique key, also under a race), only this step rolls
 * back and ISRC_TAKEN surfaces, naming whether it is the registrant's own.
 */
async function claimStep(tx: TxContext, profile: AllocationProfile, actor: Actor | null, own: OwnIsrc): Promise<AssignedIsrc> {
  try {
    return await withTransaction(tx, async (step) => {
      const key = { countryCode: own.parts.countryCode, registrantCode: own.parts.registrantCode, yearOfReference: own.parts.yearOfReference };
      // Counter first: its row lock orders us after any system allocation in flight (no deadlock),
      // and "next available" then continues after the highest code in use.
      await raiseCounter(step.db, key, own.parts.designation);
      await insertAssignments(step.db, [{ ...key, isrc: own.compact, designation: own.parts.designation, registrantId: profile.id, source: 'manual', assignedBy: actor?.userId ?? null }]);
      await recordAudit(step, actor, { action: 'isrc.claim', entityType: 'registrant', entityId: profile.id, after: { isrc: own.compact } });
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
export async function claimIsrc(ctx: ServiceContext, actor: Actor, input: { isrc: string; registrantId?: string | undefined }): Promise<AssignedIsrc> {
  const registrantId = resolveRegistrantFor(actor, input.registrantId);
  return withTransaction(ctx, async (tx) => {
    const profile = await loadAllocationProfile(tx, registrantId);
    return claimStep(tx, profile, actor, parseOwnIsrc(tx, profile, input.isrc));
  });
}

/**
 * For a track: a company's own code, either one already handed to it and not on a recording
 * (e.g. reserved earlier), or a new claim. The caller checks that no recording holds it.
 */
export async function reserveOwnIsrc(tx: TxContext, profile: AllocationProfile, actor: Actor | null, own: OwnIsrc): Promise<AssignedIsrc> {
  const existing = await findAssignment(tx.db, own.compact);
  if (existing !== undefined) {
    if (existing.registrantId !== profile.id) {
      throw isrcTakenError(own.compact, existing, profile.id);
    }
    return assignedOf(own);
  }
  return claimStep(tx, profile, actor, own);
}
