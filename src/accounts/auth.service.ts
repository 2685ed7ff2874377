import { createHash, randomBytes } from 'node:crypto';
import type { ServiceContext, TxContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { recordAudit } from '../audit/audit.service.js';
import { revokeTokensOnPasswordEvent } from '../api-tokens/revoke-on-password.js';
import { AppError } from '../shared/errors.js';
import { couldBeLoginName, type ChangePasswordBody, type LoginBody } from './accounts.schemas.js';
import { actorFor, type Actor } from './actor.js';
import { markAttemptSucceeded, withdrawAttempt } from './login-attempts.repo.js';
import { reserveLoginAttempt } from './login-throttle.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.js';
import { assertPasswordPolicy } from './password-policy.js';
import { recordFailedLogin, recordFailedPasswordChange } from './security-events.js';
import { sessionAbsoluteMs, sessionTooOld } from './session-lifetime.js';
import { deleteSession, deleteSessionsOfUser, extendSession, findLiveSession, insertSession } from './sessions.repo.js';
import { findUserById, findUserForLogin, updateUserRow, type UserRow } from './users.repo.js';

export type { UserRow } from './users.repo.js';

/**
 * Password-change attempts are counted under this prefix and the login name. No login reaches this
 * key: a login name has no ':', and login() refuses, uncounted, a name that could not be one.
 */
const PASSWORD_CHANGE_KEY = 'password-change:';

export interface RequestOrigin {
  ip: string;
  userAgent: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 256 random bits, base64url: the cookie value; the database keeps only its hash. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Checks the password, throttled per account and per address, and opens a session.
 * Returns the cookie token; the database keeps only its hash.
 */
export async function login(ctx: ServiceContext, body: LoginBody, origin: RequestOrigin, previousToken?: string): Promise<{ token: string; user: UserRow }> {
  const { db, clock } = ctx;
  const loginName = body.loginName.trim().toLowerCase();
  const now = clock.now();
  if (!couldBeLoginName(loginName)) {
    // No account has such a name, and its key could be another budget's (PASSWORD_CHANGE_KEY):
    // refused like an unknown name, after a hash of the same cost, but neither counted nor audited.
    await verifyPassword(await dummyPasswordHash(), body.password);
    throw new AppError('LOGIN_FAILED');
  }
  // Counted before the password is checked (and the hash takes a while), so a concurrent burst
  // cannot all pass the check at once; no transaction is open while the hash is computed.
  const attempt = await reserveLoginAttempt(ctx, loginName, origin.ip, now);
  const found = await findUserForLogin(db, loginName);
  const ok = await verifyPassword(found?.user.passwordHash ?? (await dummyPasswordHash()), body.password);
  if (found === undefined || !ok) {
    await withTransaction(ctx, (tx) => recordFailedLogin(tx, { loginName, ip: origin.ip, userId: found?.user.id }, attempt));
    throw new AppError('LOGIN_FAILED');
  }
  const { user } = found;
  // Only after the password is right, so suspension does not reveal that an account exists.
  if (user.status === 'suspended' || found.registrantStatus === 'suspended') {
    await withdrawAttempt(db, attempt.id);
    throw new AppError('ACCOUNT_SUSPENDED');
  }
  // Always a new session id (no fixation): a session the browser brought along, whoever's, ends here.
  const token = await withTransaction(ctx, async (tx) => {
    await markAttemptSucceeded(tx.db, attempt.id);
    if (previousToken !== undefined) {
      await deleteSession(tx.db, hashToken(previousToken));
    }
    return openSession(tx, user, origin);
  });
  return { token, user };
}

/**
 * Opens a session for a user whose password was checked, or just set by them (a public
 * application signs its applicant in: no password to check, so no login throttle to pass), in
 * the caller's transaction, audited as `auth.login`. Returns the cookie token.
 */
export async function openSession(tx: TxContext, user: { id: string; role: UserRow['role']; registrantId: string | null }, origin: RequestOrigin): Promise<string> {
  const token = newSessionToken();
  const now = tx.clock.now();
  await insertSession(tx.db, {
    tokenHash: hashToken(token),
    userId: user.id,
    expiresAt: firstExpiry(tx, now),
    ip: origin.ip,
    userAgent: origin.userAgent.slice(0, 300),
    createdAt: now,
  });
  await recordAudit(tx, actorFor(user, origin.ip), { action: 'auth.login', entityType: 'user', entityId: user.id });
  return token;
}

/** A new session's expiry: the idle time from now, never past its absolute lifetime. */
function firstExpiry(ctx: ServiceContext, now: Date): Date {
  return new Date(now.getTime() + Math.min(ctx.sessionIdleMinutes * 60_000, sessionAbsoluteMs(ctx)));
}

/**
 * The user behind a session token, or undefined when it is unknown, expired (idle too long, or
 * older than its absolute lifetime however active) or suspended.
 */
export async function authenticate(ctx: ServiceContext, token: string): Promise<UserRow | undefined> {
  const now = ctx.clock.now();
  const tokenHash = hashToken(token);
  const found = await findLiveSession(ctx.db, tokenHash, now);
  if (found === undefined || sessionTooOld(ctx, found.createdAt, now) || found.user.status === 'suspended' || found.registrantStatus === 'suspended') {
    return undefined;
  }
  // Sliding expiry, written at most once per quarter of the idle time to spare the database, and
  // never past the absolute lifetime (so the row is swept with the session, not after).
  const idleMs = ctx.sessionIdleMinutes * 60_000;
  if (found.expiresAt.getTime() - now.getTime() < idleMs * 0.75) {
    const end = Math.min(now.getTime() + idleMs, found.createdAt.getTime() + sessionAbsoluteMs(ctx));
    if (end > found.expiresAt.getTime()) {
      await extendSession(ctx.db, tokenHash, new Date(end));
    }
  }
  return found.user;
}

/** Ends this session and every other session of the user (a logout on one device signs out all of them). */
export async function logout(ctx: ServiceContext, actor: Actor, token: string): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    await deleteSession(tx.db, hashToken(token));
    await deleteSessionsOfUser(tx.db, actor.userId);
    await recordAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

/**
 * Changes the actor's own password, ends its other sessions and revokes its API tokens; this session
 * goes on under a new id, returned for the cookie (the old id stops working). A wrong current
 * password is audited (`user.password.changeFailed`).
 */
export async function changePassword(ctx: ServiceContext, actor: Actor, body: ChangePasswordBody, userAgent: string): Promise<{ token: string }> {
  const user = await findUserById(ctx.db, actor.userId);
  if (user === undefined) {
    throw new AppError('UNAUTHENTICATED');
  }
  // Guesses of the current password (a stolen session trying to take the account over) get the
  // account's limit, in a budget of their own: they must not lock the owner out of logging in,
  // nor count against the address, which a whole office behind one NAT may share.
  const attempt = await reserveLoginAttempt(ctx, `${PASSWORD_CHANGE_KEY}${user.loginName.toLowerCase()}`, '', ctx.clock.now());
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
    await withTransaction(ctx, (tx) => recordFailedPasswordChange(tx, actor, user.loginName, attempt));
    throw new AppError('PASSWORD_INCORRECT');
  }
  await markAttemptSucceeded(ctx.db, attempt.id);
  assertPasswordPolicy(user.loginName, body.newPassword);
  const passwordHash = await hashPassword(body.newPassword);
  const token = newSessionToken();
  const now = ctx.clock.now();
  await withTransaction(ctx, async (tx) => {
    await updateUserRow(tx.db, user.id, { passwordHash, mustChangePassword: false });
    await deleteSessionsOfUser(tx.db, user.id);
    await insertSession(tx.db, {
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt: firstExpiry(ctx, now),
      ip: actor.ip,
      userAgent: userAgent.slice(0, 300),
      createdAt: now,
    });
    const apiTokensRevoked = await revokeTokensOnPasswordEvent(tx, actor, user.id, 'password.change');
    await recordAudit(tx, actor, { action: 'user.password.change', entityType: 'user', entityId: user.id, after: { apiTokensRevoked } });
  });
  return { token };
}
