import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { withTransaction } from '../db/tx.js';
import type { Transaction } from '../db/types.js';
import { nextDesignations } from '../isrc/designation.js';
import { buildIsrc, formatDisplay, type Isrc } from '../isrc/isrc.js';
import { fullYearOf, twoDigitYear } from '../isrc/year.js';
import { listPoolCodes } from '../registrants/registrant-codes.service.js';
import { getAllocationProfile, type AllocationProfile } from '../registrants/registrants.service.js';
import type { ServiceContext } from '../shared/context.js';
import { AppError } from '../shared/errors.js';
import { advanceCounter, insertAssignments, readCounter, type CounterKey } from './allocation.repo.js';
import type { AssignedIsrc } from './allocation.schemas.js';
import { resolveRegistrantFor } from './allocation.policy.js';

export interface AllocationRequest {
  registrantId: string;
  count: number;
  /** One of the registrant's own codes; default the first. Ignored for individuals (pool). */
  registrantCode?: string | undefined;
  /** The user on whose behalf codes are handed out (audit and ledger). */
  actor: Actor | null;
}

function toAssigned(isrc: Isrc, designation: number): AssignedIsrc {
  return { isrc, display: formatDisplay(isrc), designation };
}

async function profileOrThrow(ctx: ServiceContext, registrantId: string): Promise<AllocationProfile> {
  const profile = await getAllocationProfile(ctx, registrantId);
  if (profile === undefined) {
    throw new AppError('NOT_FOUND');
  }
  if (profile.status === 'suspended') {
    throw new AppError('ACCOUNT_SUSPENDED');
  }
  return profile;
}

/** Codes to try, in order: individuals use the agency's pool, others their own (or the one asked for). */
async function candidateCodes(ctx: ServiceContext, profile: AllocationProfile, requested: string | undefined): Promise<string[]> {
  if (profile.kind === 'individual') {
    return (await listPoolCodes(ctx)).map((c) => c.code);
  }
  if (requested === undefined) {
    return profile.codes.slice(0, 1);
  }
  const code = requested.toUpperCase();
  if (!profile.codes.includes(code)) {
    throw new AppError('ISRC_NOT_OWN_CODE', { registrantCode: code, isrc: '' });
  }
  return [code];
}

/**
 * Hands out `count` consecutive ISRCs under the registrant's code (or the agency pool for
 * individuals) for the current year, inside the caller's transaction. The counter update and the
 * ledger rows commit together, so a code is handed out exactly once and never reused.
 */
export async function allocateInTransaction(ctx: ServiceContext, tx: Transaction, request: AllocationRequest): Promise<AssignedIsrc[]> {
  const txCtx = { ...ctx, db: tx };
  const profile = await profileOrThrow(txCtx, request.registrantId);
  const codes = await candidateCodes(txCtx, profile, request.registrantCode);
  if (codes.length === 0) {
    throw new AppError('NO_REGISTRANT_CODE');
  }
  const currentYear = ctx.clock.now().getUTCFullYear();
  const yearOfReference = twoDigitYear(currentYear);
  let available = 0;
  for (const registrantCode of codes) {
    const key: CounterKey = { countryCode: ctx.countryCode, registrantCode, yearOfReference };
    const last = await advanceCounter(tx, key, request.count);
    if (last === undefined) {
      const range = nextDesignations(await readCounter(tx, key), request.count);
      available += range.ok ? 0 : range.error.kind === 'exhausted' ? range.error.available : 0;
      continue;
    }
    const first = last - request.count + 1;
    const assigned: AssignedIsrc[] = [];
    for (let designation = first; designation <= last; designation++) {
      const built = buildIsrc({ countryCode: ctx.countryCode, registrantCode, yearOfReference, designation });
      if (!built.ok) {
        throw new Error(`allocation built an invalid ISRC: ${JSON.stringify(built.error)}`);
      }
      assigned.push(toAssigned(built.value, designation));
    }
    await insertAssignments(
      tx,
      assigned.map((a) => ({ ...key, isrc: a.isrc, designation: a.designation, registrantId: profile.id, source: 'system' as const, assignedBy: request.actor?.userId ?? null })),
    );
    await recordAudit(tx, request.actor, {
      action: 'isrc.allocate',
      entityType: 'registrant',
      entityId: profile.id,
      after: { registrantCode, yearOfReference, first, last },
    });
    return assigned;
  }
  throw new AppError('DESIGNATION_EXHAUSTED', { registrantCode: codes.join(', '), year: currentYear, available });
}

/** Allocates in its own transaction (the API's "reserve next codes"). */
export async function allocateIsrcs(ctx: ServiceContext, actor: Actor, input: { count: number; registrantCode?: string | undefined; registrantId?: string | undefined }): Promise<AssignedIsrc[]> {
  const registrantId = resolveRegistrantFor(actor, input.registrantId);
  // A duplicate here would mean counter and ledger disagree: the unique key refuses it and it
  // surfaces as an internal error, logged, rather than as a user mistake.
  return withTransaction(ctx.db, (tx) => allocateInTransaction(ctx, tx, { registrantId, count: input.count, registrantCode: input.registrantCode, actor }));
}

/** The code "next available" would give now, without reserving it. */
export async function peekNextIsrc(ctx: ServiceContext, actor: Actor, input: { registrantCode?: string | undefined; registrantId?: string | undefined }) {
  const registrantId = resolveRegistrantFor(actor, input.registrantId);
  const profile = await profileOrThrow(ctx, registrantId);
  const codes = await candidateCodes(ctx, profile, input.registrantCode);
  const yearOfReference = twoDigitYear(ctx.clock.now().getUTCFullYear());
  for (const registrantCode of codes) {
    const last = await readCounter(ctx.db, { countryCode: ctx.countryCode, registrantCode, yearOfReference });
    const built = buildIsrc({ countryCode: ctx.countryCode, registrantCode, yearOfReference, designation: last + 1 });
    if (built.ok) {
      return { isrc: built.value, display: formatDisplay(built.value), registrantCode, yearOfReference: fullYearOf(yearOfReference) };
    }
  }
  throw new AppError(codes.length === 0 ? 'NO_REGISTRANT_CODE' : 'DESIGNATION_EXHAUSTED', {
    registrantCode: codes.join(', '),
    year: fullYearOf(yearOfReference),
    available: 0,
  });
}
