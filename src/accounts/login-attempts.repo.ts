import { and, eq, gt, sql } from 'drizzle-orm';
import { loginAttempts } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import { inetAddress } from '../shared/client-address.js';

/** `ip` as the client reported it: stored without a zone, or null when it is no address (the column is inet). */
export async function recordLoginAttempt(db: Db, loginName: string, ip: string, succeeded: boolean): Promise<void> {
  await db.insert(loginAttempts).values({ loginName, ip: inetAddress(ip), succeeded });
}

/** A failed attempt written before the password is checked (see reserveLoginAttempt); its id. */
export async function reserveAttemptRow(db: Db, loginName: string, ip: string): Promise<string> {
  const rows = await db
    .insert(loginAttempts)
    .values({ loginName, ip: inetAddress(ip), succeeded: false })
    .returning({ id: loginAttempts.id });
  const id = rows[0]?.id;
  if (id === undefined) {
    throw new Error('login attempt not recorded');
  }
  return id;
}

/** The password was right: the reserved attempt stops counting as a failure and resets the account's count. */
export async function markAttemptSucceeded(db: Db, id: string): Promise<void> {
  await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, id));
}

/** Withdraws a reserved attempt that was neither a failure nor a login (a suspended account with the right password). */
export async function withdrawAttempt(db: Db, id: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.id, id));
}

export interface FailureWindow {
  count: number;
  oldest: Date | null;
}

async function failures(db: Db, where: ReturnType<typeof and>): Promise<FailureWindow> {
  const rows = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${loginAttempts.createdAt})` })
    .from(loginAttempts)
    .where(where);
  const row = rows[0];
  return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

export function failuresForLogin(db: Db, loginName: string, since: Date): Promise<FailureWindow> {
  return failures(db, and(eq(loginAttempts.loginName, loginName), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since)));
}

/**
 * Failures from the addresses under `addressKey` (src/shared/client-address.ts): an IPv4 address,
 * matched also as the IPv4-mapped IPv6 address a dual-stack listener reports; or an IPv6 /64, every
 * address in it (mapped IPv4 ones excepted: they count under their IPv4 key). The column is inet, so
 * any spelling of an address matches.
 */
export function failuresForIp(db: Db, addressKey: string, since: Date): Promise<FailureWindow> {
  const ip = loginAttempts.ip;
  const matches = addressKey.includes('/')
    ? sql`(${ip} <<= ${addressKey}::cidr and not ${ip} <<= '::ffff:0:0/96'::cidr)`
    : sql`${ip} in (${addressKey}::inet, ('::ffff:' || ${addressKey})::inet)`;
  return failures(db, and(matches, eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since)));
}

/** Forgets the account's failed logins (a password reset from the console lifts its throttle). */
export async function deleteFailedLogins(db: Db, loginName: string): Promise<void> {
  await db.delete(loginAttempts).where(and(eq(loginAttempts.loginName, loginName), eq(loginAttempts.succeeded, false)));
}

/** Failures before the last successful login no longer count against the account. */
export async function lastSuccessfulLogin(db: Db, loginName: string): Promise<Date | null> {
  const rows = await db
    .select({ at: sql<string | null>`max(${loginAttempts.createdAt})` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.loginName, loginName), eq(loginAttempts.succeeded, true)));
  const at = rows[0]?.at;
  return at ? new Date(at) : null;
}
