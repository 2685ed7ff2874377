import { and, eq, sql, type SQL } from 'drizzle-orm';
import { auditLog, designationCounters, isrcAssignments } from '../db/schema/index.js';
import { rowsOf } from '../db/rows.js';
import type { Db } from '../db/types.js';
import { MAX_DESIGNATION } from '../isrc/designation.js';

/**
 * The ledger and the counters. The counter row of a (country, registrant code, year) holds the
 * highest designation in use and is the lock every change to that sequence takes first; the
 * ledger's primary key is what guarantees no ISRC is handed out twice. The rule for which codes
 * "next available" takes is src/isrc/sequence.ts; these statements apply it.
 */

export interface CounterKey {
  countryCode: string;
  registrantCode: string;
  /** Two-digit year of reference. */
  yearOfReference: number;
}

export type AssignmentRow = typeof isrcAssignments.$inferSelect;
export type NewAssignmentRow = typeof isrcAssignments.$inferInsert;
export type NewAuditRow = typeof auditLog.$inferInsert;

/** Who the system codes go to, for the ledger. */
export interface LedgerOwner {
  registrantId: string;
  assignedBy: string | null;
}

function keyWhere(key: CounterKey) {
  return and(eq(designationCounters.countryCode, key.countryCode), eq(designationCounters.registrantCode, key.registrantCode), eq(designationCounters.yearOfReference, key.yearOfReference));
}

/** `a.…` columns of the ledger rows of this key, for raw statements. */
function ledgerOf(key: CounterKey): SQL {
  return sql`a.country_code = ${key.countryCode}::text and a.registrant_code = ${key.registrantCode}::text and a.year_of_reference = ${key.yearOfReference}::smallint`;
}

function isrcPrefix(key: CounterKey): string {
  return `${key.countryCode}${key.registrantCode}${String(key.yearOfReference).padStart(2, '0')}`;
}

function auditValues(audit: NewAuditRow, extra: SQL): SQL {
  return sql`${audit.actorUserId ?? null}::uuid, ${audit.ip ?? ''}::text, ${audit.action}::text, ${audit.entityType}::text, ${audit.entityId}::text, null,
    ${JSON.stringify(audit.after ?? {})}::jsonb || ${extra}`;
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.map(Number) : [];
}

/**
 * The fast path of "next available", in one call of the database function `isrc_allocate_range`
 * (migrations 0004, 0005): advances the counter by `count` (an upsert: the first allocation of a
 * year creates the row) and, if every code of that range is free, writes their ledger rows and the
 * audit row. All or nothing: when a code of the range is taken (a typed code removed from its
 * draft) the counter goes back and nothing is written, so one call is atomic without a transaction
 * around it. Inside a transaction the counter row stays locked either way (also when it would pass
 * 99999 and is left as it was), so the caller's slow path runs under the same lock.
 *
 * Returns the counter after the call (undefined when it would have passed 99999) and the
 * designations written: all `count`, or none.
 */
export async function allocateRange(db: Db, key: CounterKey, count: number, owner: LedgerOwner, audit: NewAuditRow): Promise<{ last: number | undefined; written: number[] }> {
  if (count > MAX_DESIGNATION) {
    return { last: undefined, written: [] };
  }
  const result = await db.execute(sql`
    select last_designation as last, written from isrc_allocate_range(
      ${key.countryCode}::text, ${key.registrantCode}::text, ${key.yearOfReference}::smallint, ${count}::int,
      ${owner.registrantId}::uuid, ${owner.assignedBy}::uuid, ${audit.actorUserId ?? null}::uuid, ${audit.ip ?? ''}::text, ${JSON.stringify(audit.after ?? {})}::jsonb)`);
  const row = rowsOf(result)[0];
  return { last: row?.last === null || row?.last === undefined ? undefined : Number(row.last), written: numbers(row?.written) };
}

/** Up to `limit` never-taken designations from `from` to `to`, lowest first. */
export async function freeDesignations(db: Db, key: CounterKey, from: number, to: number, limit: number): Promise<number[]> {
  if (limit <= 0 || from > to) {
    return [];
  }
  if (limit === 1) {
    // The lowest free code is `from` or one above a taken code: probing those few candidates stays
    // fast where scanning every number up to 99999 took ~70 ms (paid on every typed code).
    const lowest = await db.execute(sql`
      select c.d from (
        select ${from}::int as d
        union all
        select a.designation + 1 from isrc_assignments a where ${ledgerOf(key)} and a.designation between ${from}::int and ${to}::int - 1
      ) c
      where not exists (select 1 from isrc_assignments a where ${ledgerOf(key)} and a.designation = c.d)
      order by c.d limit 1`);
    return rowsOf(lowest).map((r) => Number(r.d));
  }
  const result = await db.execute(sql`
    select d from generate_series(${from}::int, ${to}::int) as d
    where not exists (select 1 from isrc_assignments a where ${ledgerOf(key)} and a.designation = d)
    order by d limit ${limit}::int`);
  return rowsOf(result).map((r) => Number(r.d));
}

/** How many designations of this code and year are taken (`from`..`to` when given). */
export async function countTaken(db: Db, key: CounterKey, range?: { from: number; to: number }): Promise<number> {
  const within = range === undefined ? sql`` : sql` and a.designation between ${range.from}::int and ${range.to}::int`;
  const result = await db.execute(sql`select count(*)::int as n from isrc_assignments a where ${ledgerOf(key)}${within}`);
  return Number(rowsOf(result)[0]?.n ?? 0);
}

/** The slow path's writes: system codes picked one by one (skipping taken ones, or wrapped). */
export async function insertSystemDesignations(db: Db, key: CounterKey, designations: readonly number[], owner: LedgerOwner, audit: NewAuditRow): Promise<void> {
  if (designations.length === 0) {
    return;
  }
  const values = sql.join(
    designations.map((d) => sql`(${d}::int)`),
    sql`, `,
  );
  await db.execute(sql`
    with picked(d) as (values ${values}), ledger as (
      insert into isrc_assignments (isrc, country_code, registrant_code, year_of_reference, designation, registrant_id, source, assigned_by)
      select ${isrcPrefix(key)}::text || lpad(d::text, 5, '0'), ${key.countryCode}::text, ${key.registrantCode}::text, ${key.yearOfReference}::smallint, d,
        ${owner.registrantId}::uuid, 'system'::assignment_source, ${owner.assignedBy}::uuid
      from picked
      returning designation
    )
    insert into audit_log (actor_user_id, ip, action, entity_type, entity_id, before, after)
    select ${auditValues(audit, sql`jsonb_build_object('designations', jsonb_agg(designation order by designation))`)} from ledger`);
}

/**
 * Locks the counter row (creating it at 0 when the year has none yet) and returns its value, for
 * changes that must be serialised with allocators: typing a code, removing one.
 */
export async function lockCounter(db: Db, key: CounterKey): Promise<number> {
  const rows = await db
    .insert(designationCounters)
    .values({ ...key, lastDesignation: 0 })
    .onConflictDoUpdate({
      target: [designationCounters.countryCode, designationCounters.registrantCode, designationCounters.yearOfReference],
      set: { updatedAt: sql`now()` },
    })
    .returning({ last: designationCounters.lastDesignation });
  return rows[0]?.last ?? 0;
}

/** Moves the counter up to `designation` if it is below (a typed code in use above the counter). */
export async function raiseCounter(db: Db, key: CounterKey, designation: number): Promise<void> {
  await db
    .insert(designationCounters)
    .values({ ...key, lastDesignation: designation })
    .onConflictDoUpdate({
      target: [designationCounters.countryCode, designationCounters.registrantCode, designationCounters.yearOfReference],
      set: {
        lastDesignation: sql`greatest(${designationCounters.lastDesignation}, excluded.last_designation)`,
        updatedAt: sql`now()`,
      },
    });
}

/**
 * Sets the counter to the highest designation in use (after a typed code left use, or after the
 * slow path). Call with the counter locked, so no allocator changes the ledger meanwhile.
 */
export async function resetCounterToInUse(db: Db, key: CounterKey): Promise<void> {
  await db.execute(sql`
    update designation_counters set last_designation = coalesce((select max(a.designation) from isrc_assignments a where ${ledgerOf(key)} and a.in_use), 0), updated_at = now()
    where country_code = ${key.countryCode}::text and registrant_code = ${key.registrantCode}::text and year_of_reference = ${key.yearOfReference}::smallint`);
}

export async function readCounter(db: Db, key: CounterKey): Promise<number> {
  const rows = await db.select({ last: designationCounters.lastDesignation }).from(designationCounters).where(keyWhere(key));
  return rows[0]?.last ?? 0;
}

export async function insertAssignments(db: Db, rows: NewAssignmentRow[]): Promise<void> {
  if (rows.length > 0) {
    await db.insert(isrcAssignments).values(rows);
  }
}

export async function findAssignment(db: Db, isrc: string): Promise<AssignmentRow | undefined> {
  const rows = await db.select().from(isrcAssignments).where(eq(isrcAssignments.isrc, isrc)).limit(1);
  return rows[0];
}

/** Marks a typed code in use (attached to a recording) or not (removed from its draft). */
export async function setInUse(db: Db, isrc: string, inUse: boolean): Promise<void> {
  await db
    .update(isrcAssignments)
    .set({ inUse })
    .where(and(eq(isrcAssignments.isrc, isrc), eq(isrcAssignments.source, 'manual')));
}

/** One ledger row of a sequence, as the import preview forecasts it (ledgerOfKeys). */
export interface LedgerEntry {
  isrc: string;
  registrantCode: string;
  yearOfReference: number;
  designation: number;
  registrantId: string;
  inUse: boolean;
}

/** Every ledger row of the given sequences of one country, in one statement (codes and years as array parameters). */
export async function ledgerOfKeys(db: Db, countryCode: string, keys: readonly CounterKey[]): Promise<LedgerEntry[]> {
  if (keys.length === 0) {
    return [];
  }
  const wanted = new Set(keys.map((k) => `${k.registrantCode}:${k.yearOfReference}`));
  const codes = [...new Set(keys.map((k) => k.registrantCode))];
  const years = [...new Set(keys.map((k) => k.yearOfReference))];
  const result = await db.execute(sql`
    select isrc, registrant_code, year_of_reference, designation, registrant_id, in_use from isrc_assignments
    where country_code = ${countryCode}::text and registrant_code = any(${sql.param(codes)}::text[]) and year_of_reference = any(${sql.param(years)}::smallint[])`);
  return rowsOf(result)
    .map((r) => ({
      isrc: String(r.isrc),
      registrantCode: String(r.registrant_code),
      yearOfReference: Number(r.year_of_reference),
      designation: Number(r.designation),
      registrantId: String(r.registrant_id),
      inUse: r.in_use === true,
    }))
    .filter((e) => wanted.has(`${e.registrantCode}:${e.yearOfReference}`));
}

/** The counters of these registrant codes (every year), in one statement. */
export async function countersOfCodes(db: Db, countryCode: string, registrantCodes: readonly string[]): Promise<(CounterKey & { last: number })[]> {
  if (registrantCodes.length === 0) {
    return [];
  }
  const result = await db.execute(sql`
    select registrant_code, year_of_reference, last_designation from designation_counters
    where country_code = ${countryCode}::text and registrant_code = any(${sql.param([...registrantCodes])}::text[])`);
  return rowsOf(result).map((r) => ({ countryCode, registrantCode: String(r.registrant_code), yearOfReference: Number(r.year_of_reference), last: Number(r.last_designation) }));
}
