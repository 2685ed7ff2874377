import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import type { Db, Transaction } from '../db/types.js';
import { clientAddressKey, inetAddress } from '../shared/client-address.js';
import { AppError } from '../shared/errors.js';
import { failuresForIp, failuresForLogin, lastSuccessfulLogin, reserveAttemptRow } from './login-attempts.repo.js';

/** Kept in the database, so the limit holds across server processes. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/**
 * A password check allowed to go ahead: its row in login_attempts, written as a failure before the
 * password is verified, so concurrent attempts see it and the limit holds under a burst.
 */
export interface ReservedAttempt {
  id: string;
  /** Counted failures of the account, this one included (the one equal to the limit is the lock-out). */
  accountFailures: number;
  /** Likewise for the address; undefined when the address is unknown. */
  addressFailures: number | undefined;
}

function throttled(oldest: Date | null, now: Date): AppError {
  const until = (oldest?.getTime() ?? now.getTime()) + LOGIN_WINDOW_MS;
  const retryAfterSeconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  return new AppError('LOGIN_THROTTLED', { retryAfterSeconds, retryAfterMinutes: Math.ceil(retryAfterSeconds / 60) });
}

/**
 * Serialises reservations for one account and one address across every process until the
 * transaction ends. Held only for the count and the insert (milliseconds), never while a password
 * hash is computed, so a burst waiting here does not keep pool connections busy for long.
 * Always the account first, then the address: one order, no deadlock between two reservations.
 */
async function lockAttemptKeys(tx: Transaction, loginName: string, ip: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login:${loginName}`}, 0))`);
  if (ip !== '') {
    // By the address's key (an IPv6 /64 is one key, whatever its spelling), the key its failures are counted under.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login-ip:${clientAddressKey(ip)}`}, 0))`);
  }
}

async function countFailures(db: Db, loginName: string, ip: string, now: Date): Promise<{ account: number; address: number | undefined }> {
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const lastSuccess = await lastSuccessfulLogin(db, loginName);
  const accountSince = lastSuccess !== null && lastSuccess > windowStart ? lastSuccess : windowStart;
  const account = await failuresForLogin(db, loginName, accountSince);
  if (account.count >= MAX_FAILURES_PER_ACCOUNT) {
    throw throttled(account.oldest, now);
  }
  if (ip === '') {
    return { account: account.count, address: undefined };
  }
  const address = await failuresForIp(db, clientAddressKey(ip), windowStart);
  if (address.count >= MAX_FAILURES_PER_ADDRESS) {
    throw throttled(address.oldest, now);
  }
  return { account: account.count, address: address.count };
}

/**
 * Throws LOGIN_THROTTLED when this account or address has failed too often recently; otherwise
 * records the attempt as failed before the password is checked. The caller verifies the password
 * outside any transaction, then marks the attempt succeeded (or withdraws it); a crash in between
 * leaves it counted as a failure, the safe side.
 */
export async function reserveLoginAttempt(ctx: ServiceContext, loginName: string, clientIp: string, now: Date): Promise<ReservedAttempt> {
  // The address as stored (inet: no zone) and counted; text that is no address counts as unknown,
  // as its row's null address could never be counted against it (and would break the inet casts).
  const ip = inetAddress(clientIp) ?? '';
  return withTransaction(ctx, async (tx) => {
    await lockAttemptKeys(tx.db, loginName, ip);
    const before = await countFailures(tx.db, loginName, ip, now);
    const id = await reserveAttemptRow(tx.db, loginName, ip);
    return { id, accountFailures: before.account + 1, addressFailures: before.address === undefined ? undefined : before.address + 1 };
  });
}
