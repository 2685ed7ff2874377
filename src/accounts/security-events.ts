import { auditRow, recordAudit } from '../audit/audit.service.js';
import type { TxContext } from '../db/context.js';
import { auditLog } from '../db/schema/index.js';
import type { Actor } from './actor.js';
import { LOGIN_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, type ReservedAttempt } from './login-throttle.js';

/**
 * Security events in the audit log (ASVS 7.2): failed logins and lock-outs have no acting user
 * (actor_user_id is null), so the caller's address is written here rather than taken from an actor.
 * The entity is the account tried (`user`, its id), or `-` when no such account exists.
 */
export interface FailedLogin {
  loginName: string;
  ip: string;
  /** The account's id when it exists (the password was wrong); undefined for an unknown name. */
  userId: string | undefined;
}

async function insertEvent(tx: TxContext, ip: string, action: string, entityId: string, after: Record<string, unknown>): Promise<void> {
  await tx.db.insert(auditLog).values({ ...auditRow(null, { action, entityType: 'user', entityId, after }), ip });
}

/**
 * Records `auth.loginFailed`, and `auth.lockout` when this failure is the one that reaches an
 * account's or an address's limit (once per lock-out, not once per refused attempt: an attacker
 * hammering a locked account must not flood the audit log). Which failure that is was settled when
 * the attempt was reserved, under the lock, so a concurrent burst writes one lock-out too.
 */
export async function recordFailedLogin(tx: TxContext, failure: FailedLogin, attempt: ReservedAttempt): Promise<void> {
  const entityId = failure.userId ?? '-';
  const reason = failure.userId === undefined ? 'unknown-account' : 'wrong-password';
  await insertEvent(tx, failure.ip, 'auth.loginFailed', entityId, { loginName: failure.loginName, reason });
  if (attempt.accountFailures === MAX_FAILURES_PER_ACCOUNT) {
    await insertEvent(tx, failure.ip, 'auth.lockout', entityId, { loginName: failure.loginName, scope: 'account', minutes: LOGIN_WINDOW_MS / 60_000 });
  }
  if (failure.ip !== '' && attempt.addressFailures === MAX_FAILURES_PER_ADDRESS) {
    await insertEvent(tx, failure.ip, 'auth.lockout', entityId, { loginName: failure.loginName, scope: 'address', minutes: LOGIN_WINDOW_MS / 60_000 });
  }
}

/**
 * Records `user.password.changeFailed`: a signed-in user gave a wrong current password (a stolen
 * session guessing it to take the account over), by that user and address, and `auth.lockout`
 * (scope `password-change`) once, when this failure reaches the limit of such guesses. Never the
 * password tried.
 */
export async function recordFailedPasswordChange(tx: TxContext, actor: Actor, loginName: string, attempt: ReservedAttempt): Promise<void> {
  await recordAudit(tx, actor, { action: 'user.password.changeFailed', entityType: 'user', entityId: actor.userId, after: { reason: 'wrong-password' } });
  if (attempt.accountFailures === MAX_FAILURES_PER_ACCOUNT) {
    const after = { loginName, scope: 'password-change', minutes: LOGIN_WINDOW_MS / 60_000 };
    await recordAudit(tx, actor, { action: 'auth.lockout', entityType: 'user', entityId: actor.userId, after });
  }
}
