import type { Actor } from '../accounts/actor.js';
import { currentYear, type ServiceContext, type TxContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { buildIsrc, formatDisplay } from '../isrc/isrc.js';
import { fullYearOf, twoDigitYear } from '../isrc/year.js';
import { getIssuanceFacts } from '../registrants/registrants.service.js';
import type { RegistrantKind } from '../shared/enums.js';
import { AppError } from '../shared/errors.js';
import type { CounterKey } from './allocation.repo.js';
import type { AssignedIsrc } from './allocation.schemas.js';
import { resolveRegistrantFor } from './allocation.policy.js';
import { issuanceRule, type IssuanceRule } from './issuance.policy.js';
import { nextAvailable, takeDesignations, takeNextFree } from './sequence.service.js';

/**
 * What allocation knows about a registrant, loaded once per transaction and passed on: its kind
 * and the issuance rule for it, its own codes and the agency's pool codes.
 */
export interface AllocationProfile {
  readonly id: string;
  readonly kind: RegistrantKind;
  readonly rule: IssuanceRule;
  /** Own registrant codes in this country, oldest first (empty for individuals). */
  readonly ownCodes: readonly string[];
  /** The agency's pool codes, oldest first. */
  readonly poolCodes: readonly string[];
  /** The year each own and pool code was allocated, by code (no ISRC under a code is older, except 回溯編碼). */
  readonly allocatedYears: Readonly<Record<string, number>>;
}

/** Loads the registrant's allocation profile (one query): NOT_FOUND, or ACCOUNT_SUSPENDED. */
export async function loadAllocationProfile(ctx: ServiceContext, registrantId: string): Promise<AllocationProfile> {
  const facts = await getIssuanceFacts(ctx, registrantId);
  if (facts === undefined) {
    throw new AppError('NOT_FOUND');
  }
  if (facts.status === 'suspended') {
    throw new AppError('ACCOUNT_SUSPENDED');
  }
  return { id: facts.id, kind: facts.kind, rule: issuanceRule(facts.kind), ownCodes: facts.ownCodes, poolCodes: facts.poolCodes, allocatedYears: facts.allocatedYears };
}

/** Direct allocation (outside 送出審核) is for registrants with codes of their own. */
export function assertDirectAllocation(profile: AllocationProfile): void {
  if (!profile.rule.ownCodes) {
    throw new AppError('ALLOCATION_NOT_ALLOWED', { kind: profile.kind });
  }
}

/** The own code to allocate under: the one asked for (it must be the registrant's), else the first. */
function ownCodeFor(profile: AllocationProfile, requested: string | undefined): string[] {
  if (requested === undefined) {
    return profile.ownCodes.slice(0, 1);
  }
  const code = requested.toUpperCase();
  if (!profile.ownCodes.includes(code)) {
    throw new AppError('ISRC_NOT_OWN_CODE', { registrantCode: code, isrc: '' });
  }
  return [code];
}

function assigned(ctx: ServiceContext, registrantCode: string, yearOfReference: number, designation: number): AssignedIsrc {
  const built = buildIsrc({ countryCode: ctx.countryCode, registrantCode, yearOfReference, designation });
  if (!built.ok) {
    throw new Error(`allocation built an invalid ISRC: ${JSON.stringify(built.error)}`);
  }
  return { isrc: built.value, display: formatDisplay(built.value), designation };
}

/**
 * Takes `count` codes for the current year under the first of `codes` that has room, inside the
 * caller's transaction (the sequence rule: src/isrc/sequence.ts).
 */
async function allocateUnder(tx: TxContext, profile: AllocationProfile, codes: readonly string[], count: number, actor: Actor | null): Promise<AssignedIsrc[]> {
  if (codes.length === 0) {
    throw new AppError('NO_REGISTRANT_CODE');
  }
  const year = currentYear(tx);
  const yearOfReference = twoDigitYear(year);
  let available = 0;
  for (const registrantCode of codes) {
    const key: CounterKey = { countryCode: tx.countryCode, registrantCode, yearOfReference };
    const taken = await takeDesignations(tx, key, count, { registrantId: profile.id, actor });
    if (!taken.ok) {
      available += taken.available;
      continue;
    }
    // Counted as handed out inside the caller's transaction: a rare rollback after it (a refused
    // submission) counts codes the ledger does not keep. The ledger stays the truth.
    tx.metrics?.isrcsAllocated(taken.designations.length, profile.rule.poolOnSubmission ? 'pool' : 'next');
    return taken.designations.map((d) => assigned(tx, registrantCode, yearOfReference, d));
  }
  throw new AppError('DESIGNATION_EXHAUSTED', { registrantCode: codes.join(', '), year, available });
}

/** 下一個可用編號 / a batch: codes under the registrant's own registrant code. */
export async function allocateOwnCodes(
  tx: TxContext,
  profile: AllocationProfile,
  request: { count: number; registrantCode?: string | undefined; actor: Actor | null },
): Promise<AssignedIsrc[]> {
  assertDirectAllocation(profile);
  return allocateUnder(tx, profile, ownCodeFor(profile, request.registrantCode), request.count, request.actor);
}

/** 送出審核 for a registrant without codes: consecutive codes from the agency's pool. */
export async function allocatePoolCodes(tx: TxContext, profile: AllocationProfile, count: number, actor: Actor | null): Promise<AssignedIsrc[]> {
  if (!profile.rule.poolOnSubmission) {
    throw new Error(`pool codes asked for a ${profile.kind}, whose rule has no pool`);
  }
  return allocateUnder(tx, profile, profile.poolCodes, count, actor);
}

/**
 * The API's "reserve next codes". The usual case is one statement, atomic on its own (the profile
 * is read before it, as a transaction would read it too: nothing locks a registrant's row); only
 * when the next codes are not all free does the rule's slow path run, in a transaction.
 */
export async function allocateIsrcs(
  ctx: ServiceContext,
  actor: Actor,
  input: { count: number; registrantCode?: string | undefined; registrantId?: string | undefined },
): Promise<AssignedIsrc[]> {
  const registrantId = resolveRegistrantFor(actor, input.registrantId);
  const profile = await loadAllocationProfile(ctx, registrantId);
  assertDirectAllocation(profile);
  const [registrantCode] = ownCodeFor(profile, input.registrantCode);
  if (registrantCode !== undefined) {
    const yearOfReference = twoDigitYear(currentYear(ctx));
    const key: CounterKey = { countryCode: ctx.countryCode, registrantCode, yearOfReference };
    const taken = await takeNextFree(ctx, key, input.count, { registrantId, actor });
    if (taken !== undefined) {
      ctx.metrics?.isrcsAllocated(taken.length, 'next');
      return taken.map((d) => assigned(ctx, registrantCode, yearOfReference, d));
    }
  }
  return withTransaction(ctx, async (tx) => allocateOwnCodes(tx, profile, { count: input.count, registrantCode: input.registrantCode, actor }));
}

/** The code "next available" would give now, without reserving it. */
export async function peekNextIsrc(ctx: ServiceContext, actor: Actor, input: { registrantCode?: string | undefined; registrantId?: string | undefined }) {
  const registrantId = resolveRegistrantFor(actor, input.registrantId);
  const profile = await loadAllocationProfile(ctx, registrantId);
  assertDirectAllocation(profile);
  const codes = ownCodeFor(profile, input.registrantCode);
  const year = currentYear(ctx);
  const yearOfReference = twoDigitYear(year);
  for (const registrantCode of codes) {
    const next = await nextAvailable(ctx, { countryCode: ctx.countryCode, registrantCode, yearOfReference });
    if (next !== undefined) {
      const code = assigned(ctx, registrantCode, yearOfReference, next);
      return { isrc: code.isrc, display: code.display, registrantCode, yearOfReference: fullYearOf(yearOfReference) };
    }
  }
  throw new AppError(codes.length === 0 ? 'NO_REGISTRANT_CODE' : 'DESIGNATION_EXHAUSTED', { registrantCode: codes.join(', '), year, available: 0 });
}
