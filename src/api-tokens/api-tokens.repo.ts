import { and, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { apiTokens, registrants, users } from '../db/schema/index.js';
import type { Db } from '../db/types.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export interface NewApiToken {
  userId: string;
  registrantId: string;
  name: string;
  tokenHash: string;
  tokenPrefix: string;
  /** Last day it works, in the agency's calendar; it ends at the following midnight in `timeZone`. */
  expiresOn: string | undefined;
  timeZone: string;
  createdAt: Date;
}

export async function insertApiToken(db: Db, values: NewApiToken): Promise<ApiTokenRow> {
  const expiresAt = values.expiresOn === undefined ? null : sql`((${values.expiresOn}::date + 1)::timestamp at time zone ${values.timeZone})`;
  const rows = await db
    .insert(apiTokens)
    .values({
      userId: values.userId,
      registrantId: values.registrantId,
      name: values.name,
      tokenHash: values.tokenHash,
      tokenPrefix: values.tokenPrefix,
      expiresAt,
      createdAt: values.createdAt,
    })
    .returning();
  const row = rows[0];
  if (row === undefined) {
    throw new Error('insert into api_tokens returned no row');
  }
  return row;
}

/** Tokens the user still holds (not revoked; expired ones too, until revoked), newest first. */
export function listUserTokens(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/**
 * Locks the user's row for the rest of the transaction: creations for one user then run one after
 * another, so the count they check cannot be passed by requests sent at the same moment.
 */
export async function lockUserForTokens(db: Db, userId: string): Promise<void> {
  await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1).for('update');
}

export async function countUserTokens(db: Db, userId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  return rows[0]?.n ?? 0;
}

/** Revokes one of the user's own tokens; undefined when it is not theirs or revoked already. */
export async function revokeUserToken(db: Db, userId: string, id: string, at: Date): Promise<ApiTokenRow | undefined> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning();
  return rows[0];
}

export interface TokenWithUser {
  token: ApiTokenRow;
  user: typeof users.$inferSelect;
  registrantStatus: 'active' | 'suspended' | null;
}

/** The token with this hash, with its user and the user's registrant's status (any state: the caller decides). */
export async function findTokenByHash(db: Db, tokenHash: string): Promise<TokenWithUser | undefined> {
  const rows = await db
    .select({ token: apiTokens, user: users, registrantStatus: registrants.status })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(registrants, eq(registrants.id, users.registrantId))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  return rows[0];
}

/** Records a use, unless one was recorded since `staleBefore` (so a busy integration writes once a minute, not per request). */
export async function touchToken(db: Db, id: string, at: Date, staleBefore: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))));
}

/** Revokes every token the user still holds; the rows revoked (none when there were none). */
export function revokeAllUserTokens(db: Db, userId: string, at: Date): Promise<ApiTokenRow[]> {
  return db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning();
}
