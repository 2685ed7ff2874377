import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { registrants, users } from '../db/schema/index.js';
import type { Db } from '../db/types.js';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function insertUser(db: Db, values: NewUserRow): Promise<UserRow> {
  const rows = await db.insert(users).values(values).returning();
  const row = rows[0];
  if (row === undefined) {
    throw new Error('insert into users returned no row');
  }
  return row;
}

export async function updateUserRow(db: Db, id: string, patch: Partial<NewUserRow>): Promise<UserRow | undefined> {
  const rows = await db.update(users).set(patch).where(eq(users.id, id)).returning();
  return rows[0];
}

export function listStaffUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).where(isNull(users.registrantId)).orderBy(asc(users.loginName));
}

/** Scoped by registrant: a member list never crosses registrants. */
export function listRegistrantUsers(db: Db, registrantId: string): Promise<UserRow[]> {
  return db.select().from(users).where(eq(users.registrantId, registrantId)).orderBy(asc(users.loginName));
}

export async function countAdmins(db: Db): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'agency_admin'), eq(users.status, 'active')));
  return rows[0]?.n ?? 0;
}

export async function countUsers(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return rows[0]?.n ?? 0;
}

/** The user with its registrant's status, for the login check. */
export async function findUserForLogin(db: Db, loginName: string): Promise<{ user: UserRow; registrantStatus: 'active' | 'suspended' | null } | undefined> {
  const rows = await db
    .select({ user: users, registrantStatus: registrants.status })
    .from(users)
    .leftJoin(registrants, eq(registrants.id, users.registrantId))
    .where(eq(users.loginName, loginName.toLowerCase()))
    .limit(1);
  return rows[0];
}
