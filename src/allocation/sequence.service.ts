import type { Actor } from '../accounts/actor.js';
import { auditRow } from '../audit/audit.service.js';
import type { ServiceContext, TxContext } from '../db/context.js';
import { MAX_DESIGNATION, MIN_DESIGNATION } from '../isrc/designation.js';
import { buildIsrc, formatDisplay } from '../isrc/isrc.js';
import { jumpLength, needsJumpConfirmation } from '../isrc/sequence.js';
import { AppError } from '../shared/errors.js';
import {
  allocateRange,
  countersOfCodes,
  countTaken,
  findAssignment,
  freeDesignations,
  insertSystemDesignations,
  ledgerOfKeys,
  lockCounter,
  readCounter,
  resetCounterToInUse,
  setInUse,
  type CounterKey,
  type LedgerEntry,
} from './allocation.repo.js';

export type { CounterKey, LedgerEntry } from './allocation.repo.js';

/**
 * One registrant code's sequence in one year, as src/isrc/sequence.ts defines it: "next available"
 * continues after the highest code in use, skips taken codes, and past 99999 takes the lowest
 * never-taken ones; a typed code far ahead needs confirming; a typed code removed from its draft
 * stays taken but stops moving "next".
 */

/** Codes taken from one registrant code, or how many were left when it had too few. */
export type TakeResult = { ok: true; designations: number[] } | { ok: false; available: number };

function ownerRows(key: CounterKey, owner: { registrantId: string; actor: Actor | null }) {
  return {
    ledger: { registrantId: owner.registrantId, assignedBy: owner.actor?.userId ?? null },
    audit: auditRow(owner.actor, {
      action: 'isrc.allocate',
      entityType: 'registrant',
      entityId: owner.registrantId,
      after: { registrantCode: key.registrantCode, yearOfReference: key.yearOfReference },
    }),
  };
}

/**
 * The usual case in one statement: the next `count` codes, when all of them are free; else nothing
 * is taken and undefined comes back. Atomic on its own, so the API's "reserve next codes" needs no
 * transaction for it (the database function restores the counter when it cannot take the range).
 */
export async function takeNextFree(ctx: ServiceContext, key: CounterKey, count: number, owner: { registrantId: string; actor: Actor | null }): Promise<number[] | undefined> {
  const { ledger, audit } = ownerRows(key, owner);
  const fast = await allocateRange(ctx.db, key, count, ledger, audit);
  return fast.written.length === count ? fast.written : undefined;
}

/**
 * Takes `count` codes for `owner` inside the caller's transaction: the one-statement fast path
 * for the usual case (the next `count` codes are all free), else — under the counter lock the
 * fast path took — the codes the rule picks one by one.
 */
export async function takeDesignations(tx: TxContext, key: CounterKey, count: number, owner: { registrantId: string; actor: Actor | null }): Promise<TakeResult> {
  const fast = await takeNextFree(tx, key, count, owner);
  if (fast !== undefined) {
    return { ok: true, designations: fast };
  }
  const available = MAX_DESIGNATION - (await countTaken(tx.db, key));
  if (available < count) {
    return { ok: false, available };
  }
  const lastInUse = await readCounter(tx.db, key);
  const above = await freeDesignations(tx.db, key, lastInUse + 1, MAX_DESIGNATION, count);
  const below = above.length < count ? await freeDesignations(tx.db, key, MIN_DESIGNATION, lastInUse, count - above.length) : [];
  const picked = [...above, ...below];
  const { ledger, audit } = ownerRows(key, owner);
  await insertSystemDesignations(tx.db, key, picked, ledger, audit);
  await resetCounterToInUse(tx.db, key);
  return { ok: true, designations: picked };
}

/** The designation "next available" would give now, or undefined when every code is taken. */
export async function nextAvailable(ctx: ServiceContext, key: CounterKey, lastInUse?: number): Promise<number | undefined> {
  const last = lastInUse ?? (await readCounter(ctx.db, key));
  const [above] = await freeDesignations(ctx.db, key, last + 1, MAX_DESIGNATION, 1);
  if (above !== undefined) {
    return above;
  }
  const [lowest] = await freeDesignations(ctx.db, key, MIN_DESIGNATION, last, 1);
  return lowest;
}

function display(key: CounterKey, designation: number): string {
  const built = buildIsrc({ ...key, designation });
  return built.ok ? formatDisplay(built.value) : String(designation);
}

/**
 * Locks the sequence for a typed code and refuses a jump of more than 100 never-used codes past
 * "next available" unless the user confirmed it (ISRC_JUMP_UNCONFIRMED says how far it jumps).
 */
export async function lockForTypedCode(tx: TxContext, key: CounterKey, designation: number, confirmed: boolean): Promise<void> {
  const last = await lockCounter(tx.db, key);
  if (confirmed) {
    return;
  }
  const next = await nextAvailable(tx, key, last);
  if (next === undefined || designation <= next) {
    return;
  }
  const refusal = jumpRefusal(key, designation, next, await countTaken(tx.db, key, { from: next, to: designation - 1 }));
  if (refusal !== undefined) {
    throw refusal;
  }
}

/**
 * The jump rule on known numbers (pure, so the import preview applies it to its own forecast of the
 * sequence): ISRC_JUMP_UNCONFIRMED when typing `designation` while "next available" is `next` skips
 * more than 100 never-used codes (`takenBetween`: codes taken from `next` to `designation - 1`).
 */
export function jumpRefusal(key: CounterKey, designation: number, next: number, takenBetween: number): AppError | undefined {
  if (designation <= next || !needsJumpConfirmation(designation, next, takenBetween)) {
    return undefined;
  }
  return new AppError('ISRC_JUMP_UNCONFIRMED', {
    isrc: display(key, designation),
    next: display(key, next),
    skipped: jumpLength(designation, next, takenBetween),
  });
}

/**
 * A typed code left its recording (track deleted, or its ISRC replaced): it stays reserved to the
 * registrant and can be attached again, but "next available" no longer continues after it.
 */
export async function releaseTypedIsrc(tx: TxContext, registrantId: string, isrc: string): Promise<void> {
  const row = await findAssignment(tx.db, isrc);
  if (row === undefined || row.source !== 'manual' || row.registrantId !== registrantId || !row.inUse) {
    return;
  }
  const key: CounterKey = { countryCode: row.countryCode, registrantCode: row.registrantCode, yearOfReference: row.yearOfReference };
  await lockCounter(tx.db, key);
  await setInUse(tx.db, isrc, false);
  await resetCounterToInUse(tx.db, key);
}

/**
 * The ledger rows and counters of several sequences at once (two statements), for the import
 * preview, which applies this file's rules to them in memory (src/import/preview-sequence.ts).
 * A sequence without a counter row is at 0, as lockCounter would create it.
 */
export async function sequencesSnapshot(
  ctx: ServiceContext,
  countryCode: string,
  keys: readonly CounterKey[],
): Promise<{ entries: LedgerEntry[]; counters: (CounterKey & { last: number })[] }> {
  const [entries, counters] = await Promise.all([ledgerOfKeys(ctx.db, countryCode, keys), countersOfCodes(ctx.db, countryCode, [...new Set(keys.map((k) => k.registrantCode))])]);
  return { entries, counters };
}
