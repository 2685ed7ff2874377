import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { registrantChangeRequests, registrants, users } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import type { ChangeRequestStatus } from '../shared/enums.js';

export type ChangeRequestRow = typeof registrantChangeRequests.$inferSelect;
export type NewChangeRequestRow = typeof registrantChangeRequests.$inferInsert;
export type RegistrantRecord = typeof registrants.$inferSelect;

/** A request with the names shown beside it. */
export interface ChangeRequestView extends ChangeRequestRow {
  registrantName: string;
  requestedByName: string | null;
  decidedByName: string | null;
}

export interface ChangeRequestFilter {
  /** Tenant scope: a member's own registrant; undefined only for staff. */
  registrantId?: string | undefined;
  status?: ChangeRequestStatus | undefined;
}

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

function viewQuery(db: Db) {
  return db
    .select({
      row: registrantChangeRequests,
      registrantName: registrants.name,
      requestedByName: requester.displayName,
      decidedByName: decider.displayName,
    })
    .from(registrantChangeRequests)
    .innerJoin(registrants, eq(registrants.id, registrantChangeRequests.registrantId))
    .leftJoin(requester, eq(requester.id, registrantChangeRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, registrantChangeRequests.decidedBy));
}

function toView(r: { row: ChangeRequestRow; registrantName: string; requestedByName: string | null; decidedByName: string | null }): ChangeRequestView {
  return { ...r.row, registrantName: r.registrantName, requestedByName: r.requestedByName, decidedByName: r.decidedByName };
}

function filterWhere(filter: ChangeRequestFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.registrantId !== undefined) {
    parts.push(eq(registrantChangeRequests.registrantId, filter.registrantId));
  }
  if (filter.status !== undefined) {
    parts.push(eq(registrantChangeRequests.status, filter.status));
  }
  return parts.length === 0 ? undefined : and(...parts);
}

/** Pending first, oldest first (the officer's queue); decided and withdrawn ones after, latest first. */
export async function listChangeRequests(db: Db, filter: ChangeRequestFilter, page: { offset: number; limit: number }): Promise<{ rows: ChangeRequestView[]; total: number }> {
  const where = filterWhere(filter);
  const pending = sql`(${registrantChangeRequests.status} = 'pending')`;
  const rows = await viewQuery(db)
    .where(where)
    .orderBy(
      desc(pending),
      sql`case when ${pending} then ${registrantChangeRequests.createdAt} end asc`,
      desc(registrantChangeRequests.decidedAt),
      desc(registrantChangeRequests.createdAt),
      asc(registrantChangeRequests.id),
    )
    .limit(page.limit)
    .offset(page.offset);
  const counted = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrantChangeRequests)
    .where(where);
  return { rows: rows.map(toView), total: counted[0]?.n ?? 0 };
}

/** One request; with `registrantId` only if it is that registrant's (tenant scope). */
export async function findChangeRequestView(db: Db, id: string, registrantId: string | undefined): Promise<ChangeRequestView | undefined> {
  const scope = registrantId === undefined ? eq(registrantChangeRequests.id, id) : and(eq(registrantChangeRequests.id, id), eq(registrantChangeRequests.registrantId, registrantId));
  const rows = await viewQuery(db).where(scope).limit(1);
  return rows[0] === undefined ? undefined : toView(rows[0]);
}

/** Locks the request for the rest of the transaction (decisions, withdrawal, attachment). */
export async function findChangeRequestForUpdate(db: Db, id: string, registrantId: string | undefined): Promise<ChangeRequestRow | undefined> {
  const scope = registrantId === undefined ? eq(registrantChangeRequests.id, id) : and(eq(registrantChangeRequests.id, id), eq(registrantChangeRequests.registrantId, registrantId));
  const rows = await db.select().from(registrantChangeRequests).where(scope).limit(1).for('update');
  return rows[0];
}

/** Withdrawn, approved and rejected requests are history: only a pending one blocks a new request. */
export async function findPendingOfRegistrant(db: Db, registrantId: string): Promise<ChangeRequestRow | undefined> {
  const rows = await db
    .select()
    .from(registrantChangeRequests)
    .where(and(eq(registrantChangeRequests.registrantId, registrantId), eq(registrantChangeRequests.status, 'pending')))
    .limit(1);
  return rows[0];
}

export async function insertChangeRequest(db: Db, values: NewChangeRequestRow): Promise<ChangeRequestRow> {
  const rows = await db.insert(registrantChangeRequests).values(values).returning();
  const row = rows[0];
  if (row === undefined) {
    throw new Error('insert into registrant_change_requests returned no row');
  }
  return row;
}

export async function updateChangeRequest(db: Db, id: string, patch: Partial<NewChangeRequestRow>): Promise<void> {
  await db.update(registrantChangeRequests).set(patch).where(eq(registrantChangeRequests.id, id));
}

export async function findRegistrantRecord(db: Db, registrantId: string): Promise<RegistrantRecord | undefined> {
  const rows = await db.select().from(registrants).where(eq(registrants.id, registrantId)).limit(1);
  return rows[0];
}

/**
 * The registrant's record, locked: serialises requests and decisions of one registrant, so two
 * pending requests cannot slip in side by side and an approval compares against a settled value.
 */
export async function lockRegistrant(db: Db, registrantId: string): Promise<RegistrantRecord | undefined> {
  const rows = await db.select().from(registrants).where(eq(registrants.id, registrantId)).limit(1).for('update');
  return rows[0];
}

/** Applies approved values to the registrant's record. */
export async function updateRegistrantFields(
  db: Db,
  registrantId: string,
  patch: Partial<Pick<RegistrantRecord, 'name' | 'registrationNumber' | 'contactPerson' | 'address' | 'phone' | 'email'>>,
): Promise<RegistrantRecord> {
  const rows = await db.update(registrants).set(patch).where(eq(registrants.id, registrantId)).returning();
  const row = rows[0];
  if (row === undefined) {
    throw new Error(`registrant ${registrantId} vanished while locked`);
  }
  return row;
}
