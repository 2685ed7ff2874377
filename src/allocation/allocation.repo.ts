import { and, eq, sql } from 'drizzle-orm';
import { designationCounters, isrcAssignments } from '../db/schema/index.js';
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

function keyWhere(key: CounterKey) {
  return and(
    eq(designationCounters.countryCode, key.countryCode),
    eq(designationCounters.registrantCode, key.registrantCode),
    eq(designationCounters.yearOfReference, key.yearOfReference),
  );
}

/**
 * Advances the counter by `count` in one statement (an upsert: the first allocation of a year
 * creates the row) and returns the new last designation, or undefined when that would pass 99999.
 * The row lock this takes serialises concurrent allocators until their transaction ends, so
 * ranges never overlap.
 */
export async function advanceCounter(db: Db, key: CounterKey, count: number): Promise<number | undefined> {
  if (count > MAX_DESIGNATION) {
    return undefined;
  }
  const rows = await db
    .insert(designationCounters)
    .values({ ...key, lastDesignation: count })
    .onConflictDoUpdate({
      target: [designationCounters.countryCode, designationCounters.registrantCode, designationCounters.yearOfReference],
      set: { lastDesignation: sql`${designationCounters.lastDesignation} + ${count}`, updatedAt: sql`now()` },
      setWhere: sql`${designationCounters.lastDesignation} + ${count} <= ${MAX_DESIGNATION}`,
    })
    .returning({ last: designationCounters.lastDesignation });
  return rows[0]?.last;
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
