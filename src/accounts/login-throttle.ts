import type { Db } from '../db/types.js';
import { AppError } from '../shared/errors.js';
import { failuresForIp, failuresForLogin, lastSuccessfulLogin } from './login-attempts.repo.js';

/** Kept in the database, so the limit holds across server processes. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

function throttled(oldest: Date | null, now: Date): AppError {
  const until = (oldest?.getTime() ?? now.getTime()) + LOGIN_WINDOW_MS;
  const retryAfterSeconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  return new AppError('LOGIN_THROTTLED', { retryAfterSeconds, retryAfterMinutes: Math.ceil(retryAfterSeconds / 60) });
}

/** Throws LOGIN_THROTTLED when this account or address has failed too often recently. */
export async function assertLoginAllowed(db: Db, loginName: string, ip: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const lastSuccess = await lastSuccessfulLogin(db, loginName);
  const accountSince = lastSuccess !== null && lastSuccess > windowStart ? lastSuccess : windowStart;
  const account = await failuresForLogin(db, loginName, accountSince);
  if (account.count >= MAX_FAILURES_PER_ACCOUNT) {
    throw throttled(account.oldest, now);
  }
  if (ip !== '') {
    const address = await failuresForIp(db, ip, windowStart);
    if (address.count >= MAX_FAILURES_PER_ADDRESS) {
      throw throttled(address.oldest, now);
    }
  }
}
