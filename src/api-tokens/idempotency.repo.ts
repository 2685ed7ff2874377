import { and, eq, isNull, lt } from 'drizzle-orm';
import { idempotencyKeys } from '../db/schema/index.js';
import type { Db } from '../db/types.js';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

export interface IdempotencyRef {
  userId: string;
  key: string;
}

/** Takes the key for a first request; false when the user already used it (the primary key decides, so two racing requests cannot both win). */
export async function claimKey(db: Db, values: IdempotencyRef & { operation: string; requestHash: string; createdAt: Date }): Promise<boolean> {
  const rows = await db.insert(idempotencyKeys).values(values).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

export async function findKey(db: Db, ref: IdempotencyRef): Promise<IdempotencyRow | undefined> {
  const rows = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, ref.userId), eq(idempotencyKeys.key, ref.key)))
    .limit(1);
  return rows[0];
}

export async function storeResponse(db: Db, ref: IdempotencyRef, status: number, body: unknown): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: status, responseBody: body })
    .where(and(eq(idempotencyKeys.userId, ref.userId), eq(idempotencyKeys.key, ref.key)));
}

/** Gives an unanswered claim back (the request failed, so a retry may run again). */
export async function releaseKey(db: Db, ref: IdempotencyRef): Promise<void> {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, ref.userId), eq(idempotencyKeys.key, ref.key), isNull(idempotencyKeys.responseStatus)));
}

/** Forgets the user's keys created before `before`. */
export async function pruneKeys(db: Db, userId: string, before: Date): Promise<void> {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), lt(idempotencyKeys.createdAt, before)));
}
