import { and, eq, gt, inArray } from 'drizzle-orm';
import { registrants, sessions, users } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import type { UserRow } from './users.repo.js';

/** `createdAt` from the service's clock: the absolute lifetime counts from it (session-lifetime.ts). */
export async function insertSession(db: Db, values: { tokenHash: string; userId: string; expiresAt: Date; ip: string; userAgent: string; createdAt: Date }): Promise<void> {
  await db.insert(sessions).values(values);
}

export interface SessionWithUser {
  expiresAt: Date;
  createdAt: Date;
  user: UserRow;
  registrantStatus: 'active' | 'suspended' | null;
}

export async function findLiveSession(db: Db, tokenHash: string, now: Date): Promise<SessionWithUser | undefined> {
  const rows = await db
    .select({ expiresAt: sessions.expiresAt, createdAt: sessions.createdAt, user: users, registrantStatus: registrants.status })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(registrants, eq(registrants.id, users.registrantId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  return rows[0];
}

export async function extendSession(db: Db, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteSessionsOfRegistrant(db: Db, registrantId: string): Promise<void> {
  const members = db.select({ id: users.id }).from(users).where(eq(users.registrantId, registrantId));
  await db.delete(sessions).where(inArray(sessions.userId, members));
}
