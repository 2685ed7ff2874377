import { and, eq, sql } from 'drizzle-orm';
import { auditLog, designationCounters, isrcAssignments } from '../db/schema/index.js';
import { rowsOf } from '../db/rows.js';
import type { Db } from '../db/types.js';
import { MAX_DESIGNATION } from '../isrc/designation.js';

export interface CounterKey {
  countryCode: string;
  registrantCode: string;
  /** Two-digit year of reference. */
  yearOfReference: number;
}

export type AssignmentRow = typeof isrcAssignments.$inferSelect;
export type NewAssignmentRow = typeof isrcAssignments.$inferInsert;
type NewAuditRow = typeof auditLog.$inferInsert;

function keyWhere(key: CounterKey) {
  return and(eq(designationCounters.countryCode, key.countryCode), eq(designationCounters.registrantCode, key.registrantCode), eq(designationCounters.yearOfReference, key.yearOfReference));
}

function lastOf(result: unknown): number | undefined {
  const row = rowsOf(result)[0];
  return row === undefined ? undefined : Number(row.last);
}

/**
 * Takes the next `count` designations in ONE statement: advances the counter (an upsert: the first
 * allocation of a year creates the row), writes their ledger rows and the audit row, and returns
 * the new last designation — or undefined, writing nothing, when that would pass 99999. The row
 * lock the upsert takes serialises concurrent allocators until their transaction ends, so ranges
 * never overlap; doing the rest in the same statement keeps that lock as short as the database
 * allows. The ISRC text is the compact form `CC XXX YY NNNNN` (checked by the ledger's CHECK).
 */
export async function allocateRange(db: Db, key: CounterKey, count: number, ledger: { registrantId: string; assignedBy: string | null }, audit: NewAuditRow): Promise<number | undefined> {
  if (count > MAX_DESIGNATION) {
    return undefined;
  }
  const yy = String(key.yearOfReference).padStart(2, '0');
  const prefix = `${key.countryCode}${key.registrantCode}${yy}`;
  const result = await db.execute(sql`
    with counter as (
      insert into designation_counters as dc (country_code, registrant_code, year_of_reference, last_designation)
      values (${key.countryCode}::text, ${key.registrantCode}::text, ${key.yearOfReference}::smallint, ${count}::int)
      on conflict (country_code, registrant_code, year_of_reference) do update
        set last_designation = dc.last_designation + ${count}::int, updated_at = now()
        where dc.last_designation + ${count}::int <= ${MAX_DESIGNATION}::int
      returning last_designation
    ), ledger as (
      insert into isrc_assignments (isrc, country_code, registrant_code, year_of_reference, designation, registrant_id, source, assigned_by)
      select ${prefix}::text || lpad(d::text, 5, '0'), ${key.countryCode}::text, ${key.registrantCode}::text, ${key.yearOfReference}::smallint, d,
        ${ledger.registrantId}::uuid, 'system'::assignment_source, ${ledger.assignedBy}::uuid
      from counter, generate_series(counter.last_designation - ${count}::int + 1, counter.last_designation) as d
    ), audit as (
      insert into audit_log (actor_user_id, ip, action, entity_type, entity_id, before, after)
      select ${audit.actorUserId ?? null}::uuid, ${audit.ip ?? ''}::text, ${audit.action}::text, ${audit.entityType}::text, ${audit.entityId}::text, null,
        ${JSON.stringify(audit.after ?? {})}::jsonb || jsonb_build_object('first', counter.last_designation - ${count}::int + 1, 'last', counter.last_designation)
      from counter
    )
    select last_designation as last from counter`);
  return lastOf(result);
}

/** Moves the counter up to `designation` if it is below (a company's own code above the counter). */
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
