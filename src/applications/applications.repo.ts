import { and, asc, desc, eq, getTableColumns, ilike, or, sql, type SQL } from 'drizzle-orm';
import { auditLog, registrantApplications, users } from '../db/schema/index.js';
import { containsPattern } from '../db/like.js';
import type { Db } from '../db/types.js';
import { clientAddressKey } from '../shared/client-address.js';

export type ApplicationRow = typeof registrantApplications.$inferSelect;
export type NewApplicationRow = typeof registrantApplications.$inferInsert;
/** An application with its applicant's login name (null when the account is gone). */
export type ApplicationWithLogin = ApplicationRow & { loginName: string | null };

const withLogin = { ...getTableColumns(registrantApplications), loginName: users.loginName };

export async function insertApplication(db: Db, values: NewApplicationRow): Promise<ApplicationRow> {
  const rows = await db.insert(registrantApplications).values(values).returning();
  const row = rows[0];
  if (row === undefined) {
    throw new Error('insert returned no row');
  }
  return row;
}

export async function findApplication(db: Db, id: string): Promise<ApplicationWithLogin | undefined> {
  const rows = await db
    .select(withLogin)
    .from(registrantApplications)
    .leftJoin(users, eq(users.id, registrantApplications.applicantUserId))
    .where(eq(registrantApplications.id, id))
    .limit(1);
  return rows[0];
}

/** Locks the application for the rest of the transaction: of two concurrent decisions one waits, then sees the other's. */
export async function findApplicationForUpdate(db: Db, id: string): Promise<ApplicationRow | undefined> {
  const rows = await db.select().from(registrantApplications).where(eq(registrantApplications.id, id)).limit(1).for('update');
  return rows[0];
}

/**
 * Locks the applicant's account for the rest of the transaction, so two applications filed at once
 * from one account are taken one after the other (the second then sees the first).
 */
export async function lockApplicantUser(db: Db, userId: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1).for('update');
  return rows.length > 0;
}

/** The user's latest application. */
export async function findApplicationOfUser(db: Db, userId: string): Promise<ApplicationWithLogin | undefined> {
  const rows = await db
    .select(withLogin)
    .from(registrantApplications)
    .leftJoin(users, eq(users.id, registrantApplications.applicantUserId))
    .where(eq(registrantApplications.applicantUserId, userId))
    .orderBy(desc(registrantApplications.createdAt), desc(registrantApplications.id))
    .limit(1);
  return rows[0];
}

export interface ApplicationFilter {
  q?: string | undefined;
  status?: ApplicationRow['status'] | undefined;
}

function filterWhere(filter: ApplicationFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.q !== undefined && filter.q !== '') {
    const pattern = containsPattern(filter.q);
    const clause = or(
      ilike(registrantApplications.name, pattern),
      ilike(registrantApplications.contactPerson, pattern),
      ilike(registrantApplications.registrationNumber, pattern),
      ilike(registrantApplications.email, pattern),
    );
    if (clause !== undefined) {
      parts.push(clause);
    }
  }
  if (filter.status !== undefined) {
    parts.push(eq(registrantApplications.status, filter.status));
  }
  return parts.length === 0 ? undefined : and(...parts);
}

/** Pending first, oldest first (the officer's queue); then decided ones, latest decision first. */
export async function listApplications(db: Db, filter: ApplicationFilter, page: { offset: number; limit: number }): Promise<{ rows: ApplicationWithLogin[]; total: number }> {
  const where = filterWhere(filter);
  const t = registrantApplications;
  const rows = await db
    .select(withLogin)
    .from(t)
    .leftJoin(users, eq(users.id, t.applicantUserId))
    .where(where)
    .orderBy(sql`(${t.status} <> 'pending')`, sql`case when ${t.status} = 'pending' then ${t.createdAt} end asc`, desc(t.decidedAt), asc(t.id))
    .limit(page.limit)
    .offset(page.offset);
  const counted = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t)
    .where(where);
  return { rows, total: counted[0]?.n ?? 0 };
}

export async function updateApplicationRow(db: Db, id: string, patch: Partial<NewApplicationRow>): Promise<ApplicationRow | undefined> {
  const rows = await db.update(registrantApplications).set(patch).where(eq(registrantApplications.id, id)).returning();
  return rows[0];
}

/**
 * The applicant becomes a member of the new registrant. Only an applicant is changed, so an
 * approval can never turn a staff account into a registrant's member.
 */
export async function makeApplicantMember(db: Db, userId: string, registrantId: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ role: 'registrant_member', registrantId })
    .where(and(eq(users.id, userId), eq(users.role, 'applicant')))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** First key-space of the per-address application locks (hashed with the address key). */
const ADDRESS_LOCK_PREFIX = 'application-address:';

/**
 * Serialises the filing of applications from one address key (client-address.ts) across every
 * process until the transaction ends, so the count that follows sees every application filed before.
 */
export async function lockApplicationAddress(db: Db, addressKey: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${ADDRESS_LOCK_PREFIX + addressKey}, 0))`);
}

/**
 * Applications filed in the last `minutes` from addresses under `addressKey` (an IPv4 address, or
 * an IPv6 /64), from the audit log. The audit log keeps each address as the request gave it, in any
 * spelling, so the rows are grouped per address here and matched by their key in code: SQL narrows
 * them to the ones that may match (the same IPv4 address, or IPv6 addresses — mapped ones included).
 * The window is by the database's clock.
 */
export async function countRecentApplicationsFrom(db: Db, addressKey: string, minutes: number): Promise<{ count: number; oldest: Date | null }> {
  const candidates = addressKey.includes(':') ? sql`${auditLog.ip} like '%:%'` : sql`(${auditLog.ip} = ${addressKey} or ${auditLog.ip} ilike '%ffff:%')`;
  const rows = await db
    .select({ ip: auditLog.ip, count: sql<number>`count(*)::int`, oldest: sql<string>`min(${auditLog.createdAt})` })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'application.submit'), candidates, sql`${auditLog.createdAt} > now() - make_interval(mins => ${minutes})`))
    .groupBy(auditLog.ip);
  const matching = rows.filter((r) => clientAddressKey(r.ip) === addressKey);
  const count = matching.reduce((sum, r) => sum + r.count, 0);
  const oldest = matching.length === 0 ? null : new Date(Math.min(...matching.map((r) => new Date(r.oldest).getTime())));
  return { count, oldest };
}
