import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { registrantCodes, registrants } from '../db/schema/index.js';
import { containsPattern } from '../db/like.js';
import type { Db } from '../db/types.js';

export type RegistrantRow = typeof registrants.$inferSelect;
export type NewRegistrantRow = typeof registrants.$inferInsert;
export type RegistrantCodeRow = typeof registrantCodes.$inferSelect;

export interface RegistrantFilter {
  q?: string | undefined;
  kind?: RegistrantRow['kind'] | undefined;
  status?: RegistrantRow['status'] | undefined;
  demo?: boolean | undefined;
}

function filterWhere(filter: RegistrantFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.q !== undefined && filter.q.trim() !== '') {
    const pattern = containsPattern(filter.q.trim());
    const byCode = sql`exists (select 1 from ${registrantCodes} rc where rc.registrant_id = ${registrants.id} and rc.code = ${filter.q.trim().toUpperCase()})`;
    const clause = or(ilike(registrants.name, pattern), ilike(registrants.contactPerson, pattern), byCode);
    if (clause !== undefined) {
      parts.push(clause);
    }
  }
  if (filter.kind !== undefined) {
    parts.push(eq(registrants.kind, filter.kind));
  }
  if (filter.status !== undefined) {
    parts.push(eq(registrants.status, filter.status));
  }
  if (filter.demo !== undefined) {
    parts.push(eq(registrants.isDemo, filter.demo));
  }
  return parts.length === 0 ? undefined : and(...parts);
}

export async function listRegistrants(db: Db, filter: RegistrantFilter, page: { offset: number; limit: number }): Promise<{ rows: RegistrantRow[]; total: number }> {
  const where = filterWhere(filter);
  const rows = await db.select().from(registrants).where(where).orderBy(desc(registrants.createdAt), asc(registrants.id)).limit(page.limit).offset(page.offset);
  const counted = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrants)
    .where(where);
  return { rows, total: counted[0]?.n ?? 0 };
}

export async function findRegistrant(db: Db, id: string): Promise<RegistrantRow | undefined> {
  const rows = await db.select().from(registrants).where(eq(registrants.id, id)).limit(1);
  return rows[0];
}

/** Locks the registrant row for the rest of the transaction. */
export async function findRegistrantForUpdate(db: Db, id: string): Promise<RegistrantRow | undefined> {
  const rows = await db.select().from(registrants).where(eq(registrants.id, id)).limit(1).for('update');
  return rows[0];
}

export async function insertRegistrant(db: Db, values: NewRegistrantRow): Promise<RegistrantRow> {
  const rows = await db.insert(registrants).values(values).returning();
  const row = rows[0];
  if (row === undefined) {
    throw new Error('insert into registrants returned no row');
  }
  return row;
}

export async function updateRegistrantRow(db: Db, id: string, patch: Partial<NewRegistrantRow>): Promise<RegistrantRow | undefined> {
  const rows = await db.update(registrants).set(patch).where(eq(registrants.id, id)).returning();
  return rows[0];
}

export function codesOfRegistrants(db: Db, ids: string[]): Promise<RegistrantCodeRow[]> {
  if (ids.length === 0) {
    return Promise.resolve([]);
  }
  return db.select().from(registrantCodes).where(inArray(registrantCodes.registrantId, ids)).orderBy(asc(registrantCodes.createdAt), asc(registrantCodes.code));
}

export function codesOfRegistrant(db: Db, registrantId: string): Promise<RegistrantCodeRow[]> {
  return db.select().from(registrantCodes).where(eq(registrantCodes.registrantId, registrantId)).orderBy(asc(registrantCodes.createdAt), asc(registrantCodes.code));
}

/**
 * What allocation needs about a registrant in one statement: kind, status, its own codes and the
 * agency's pool codes in this country (oldest first), and the year each of those was allocated.
 */
export async function findAllocationProfileRow(
  db: Db,
  id: string,
  countryCode: string,
): Promise<{ id: string; kind: RegistrantRow['kind']; status: RegistrantRow['status']; ownCodes: string[]; poolCodes: string[]; allocatedYears: Record<string, number> } | undefined> {
  // One plain join (a row per code: its own and the pool's), cheap to plan on the allocation hot path.
  const rows = await db
    .select({
      id: registrants.id,
      kind: registrants.kind,
      status: registrants.status,
      code: registrantCodes.code,
      isPool: registrantCodes.isPool,
      allocatedYear: registrantCodes.allocatedYear,
    })
    .from(registrants)
    .leftJoin(registrantCodes, and(eq(registrantCodes.countryCode, countryCode), or(eq(registrantCodes.registrantId, registrants.id), eq(registrantCodes.isPool, true))))
    .where(eq(registrants.id, id))
    .orderBy(asc(registrantCodes.createdAt), asc(registrantCodes.code));
  const first = rows[0];
  if (first === undefined) {
    return undefined;
  }
  const ownCodes: string[] = [];
  const poolCodes: string[] = [];
  const allocatedYears: Record<string, number> = {};
  for (const row of rows) {
    if (row.code !== null && row.allocatedYear !== null) {
      (row.isPool === true ? poolCodes : ownCodes).push(row.code);
      allocatedYears[row.code] = row.allocatedYear;
    }
  }
  return { id: first.id, kind: first.kind, status: first.status, ownCodes, poolCodes, allocatedYears };
}

export function poolCodes(db: Db, countryCode: string): Promise<RegistrantCodeRow[]> {
  return db
    .select()
    .from(registrantCodes)
    .where(and(eq(registrantCodes.isPool, true), isNull(registrantCodes.registrantId), eq(registrantCodes.countryCode, countryCode)))
    .orderBy(asc(registrantCodes.createdAt), asc(registrantCodes.code));
}

export async function allCodesInCountry(db: Db, countryCode: string): Promise<string[]> {
  const rows = await db.select({ code: registrantCodes.code }).from(registrantCodes).where(eq(registrantCodes.countryCode, countryCode));
  return rows.map((r) => r.code);
}

export async function insertRegistrantCode(
  db: Db,
  values: { countryCode: string; code: string; allocatedYear: number; registrantId: string | null; isPool: boolean },
): Promise<RegistrantCodeRow> {
  const rows = await db.insert(registrantCodes).values(values).returning();
  const row = rows[0];
  if (row === undefined) {
    throw new Error('insert into registrant_codes returned no row');
  }
  return row;
}

export async function findRegistrantCodeForUpdate(db: Db, id: string): Promise<RegistrantCodeRow | undefined> {
  const rows = await db.select().from(registrantCodes).where(eq(registrantCodes.id, id)).limit(1).for('update');
  return rows[0];
}

export async function updateRegistrantCodeYear(db: Db, id: string, allocatedYear: number): Promise<RegistrantCodeRow | undefined> {
  const rows = await db.update(registrantCodes).set({ allocatedYear }).where(eq(registrantCodes.id, id)).returning();
  return rows[0];
}

/** The year a code in this country was allocated; undefined for a code the agency does not know. */
export async function findAllocatedYear(db: Db, countryCode: string, code: string): Promise<number | undefined> {
  const rows = await db
    .select({ allocatedYear: registrantCodes.allocatedYear })
    .from(registrantCodes)
    .where(and(eq(registrantCodes.countryCode, countryCode), eq(registrantCodes.code, code)))
    .limit(1);
  return rows[0]?.allocatedYear;
}
