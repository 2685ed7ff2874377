import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { pgErrorCode, PG_UNIQUE_VIOLATION, withTransaction } from '../db/tx.js';
import type { Transaction } from '../db/types.js';
import { checkIsrc } from '../isrc/check.js';
import { formatDisplay, normaliseIsrc } from '../isrc/isrc.js';
import { getAllocationProfile } from '../registrants/registrants.service.js';
import type { ServiceContext } from '../shared/context.js';
import { AppError } from '../shared/errors.js';
import { findAssignment, insertAssignments, raiseCounter } from './allocation.repo.js';
import type { AssignedIsrc } from './allocation.schemas.js';
import { resolveRegistrantFor } from './allocation.policy.js';

/**
 * Checks a code a company typed under its own registrant code: well-formed, our country, one of
 * ITS registrant codes, a year not after this year. Uniqueness is left to the database.
 */
export async function parseOwnIsrc(ctx: ServiceContext, registrantId: string, input: string) {
  const currentYear = ctx.clock.now().getUTCFullYear();
  const checked = checkIsrc(input, { purpose: 'allocate', currentYear });
  if (!checked.valid) {
    if (checked.error.kind === 'year' && checked.error.reason === 'future') {
      throw new AppError('ISRC_YEAR_IN_FUTURE', { currentYear });
    }
    throw new AppError('ISRC_INVALID', { isrcError: checked.error });
  }
  const { parts } = checked;
  const profile = await getAllocationProfile(ctx, registrantId);
  if (profile === undefined) {
    throw new AppError('NOT_FOUND');
  }
  if (parts.countryCode !== ctx.countryCode || !profile.codes.includes(parts.registrantCode)) {
    throw new AppError('ISRC_NOT_OWN_CODE', { isrc: checked.display, registrantCode: `${parts.countryCode}-${parts.registrantCode}` });
  }
  return { compact: checked.compact, display: checked.display, parts, registrantId: profile.id };
}

/** Records a company's own code in the ledger inside the caller's transaction. */
export async function claimInTransaction(ctx: ServiceContext, tx: Transaction, actor: Actor | null, registrantId: string, input: string): Promise<AssignedIsrc> {
  const own = await parseOwnIsrc({ ...ctx, db: tx }, registrantId, input);
  const key = { countryCode: own.parts.countryCode, registrantCode: own.parts.registrantCode, yearOfReference: own.parts.yearOfReference };
  // Counter first: its row lock orders us after any system allocation in flight (no deadlock),
  // and "next available" then continues after the highest code in use.
  await raiseCounter(tx, key, own.parts.designation);
  await insertAssignments(tx, [
    { ...key, isrc: own.compact, designation: own.parts.designation, registrantId, source: 'manual', assignedBy: actor?.userId ?? null },
  ]);
  await recordAudit(tx, actor, { action: 'isrc.claim', entityType: 'registrant', entityId: registrantId, after: { isrc: own.compact } });
  return { isrc: own.compact, display: own.display, designation: own.parts.designation };
}

/** The API's "use this code of ours": one transaction, ISRC_TAKEN when it is in use. */
export async function claimIsrc(ctx: ServiceContext, actor: Actor, input: { isrc: string; registrantId?: string | undefined }): Promise<AssignedIsrc> {
  const registrantId = resolveRegistrantFor(actor, input.registrantId);
  try {
    return await withTransaction(ctx.db, (tx) => claimInTransaction(ctx, tx, actor, registrantId, input.isrc));
  } catch (err) {
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
      const normalised = normaliseIsrc(input.isrc);
      const isrc = normalised.ok ? normalised.value : input.isrc;
      const holder = normalised.ok ? await findAssignment(ctx.db, normalised.value) : undefined;
      throw new AppError('ISRC_TAKEN', {
        isrc: normalised.ok ? formatDisplay(normalised.value) : isrc,
        where: '',
        ownedByYou: holder?.registrantId === registrantId,
      });
    }
    throw err;
  }
}

/**
 * For a track: a company's own code, either one already handed to it and not yet on a recording
 * (e.g. reserved earlier), or a new claim. The caller checks that no recording holds it.
 */
export async function reserveOwnIsrc(ctx: ServiceContext, tx: Transaction, actor: Actor | null, registrantId: string, input: string): Promise<AssignedIsrc> {
  const own = await parseOwnIsrc({ ...ctx, db: tx }, registrantId, input);
  const existing = await findAssignment(tx, own.compact);
  if (existing !== undefined) {
    if (existing.registrantId !== registrantId) {
      throw new AppError('ISRC_TAKEN', { isrc: own.display, ownedByYou: false });
    }
    return { isrc: own.compact, display: own.display, designation: own.parts.designation };
  }
  return claimInTransaction(ctx, tx, actor, registrantId, input);
}
