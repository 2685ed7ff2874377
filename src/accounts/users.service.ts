import { withTransaction, pgErrorCode, PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION } from '../db/tx.js';
import { recordAudit } from '../audit/audit.service.js';
import { revokeTokensOnPasswordEvent } from '../api-tokens/revoke-on-password.js';
import type { ServiceContext } from '../db/context.js';
import { AppError } from '../shared/errors.js';
import { cleanText } from '../shared/text.js';
import type { CreateMemberUserBody, CreateStaffUserBody, Role, UpdateUserBody, UserResponse } from './accounts.schemas.js';
import { canManageRegistrants, canManageStaff, canSeeRegistrant } from './accounts.policy.js';
import type { Actor } from './actor.js';
import { assertPasswordPolicy } from './password-policy.js';
import { deleteFailedLogins } from './login-attempts.repo.js';
import { hashPassword } from './password.js';
import { deleteSessionsOfRegistrant, deleteSessionsOfUser } from './sessions.repo.js';
import { countAdmins, countUsers, findUserById, findUserForLogin, insertUser, listRegistrantUsers, listStaffUsers, updateUserRow } from './users.repo.js';
import { toUserResponse } from './user-view.js';

interface NewUser {
  loginName: string;
  displayName: string;
  email?: string | undefined;
  password: string;
  role: Role;
  registrantId: string | null;
  mustChangePassword?: boolean;
}

/** Creates any user; the unique index on login_name settles races. */
export async function createUser(ctx: ServiceContext, actor: Actor | null, input: NewUser): Promise<UserResponse> {
  const loginName = input.loginName.trim().toLowerCase();
  assertPasswordPolicy(loginName, input.password);
  const passwordHash = await hashPassword(input.password);
  try {
    return await withTransaction(ctx, async (tx) => {
      const row = await insertUser(tx.db, {
        loginName,
        displayName: cleanText(input.displayName),
        email: cleanText(input.email ?? ''),
        passwordHash,
        role: input.role,
        registrantId: input.registrantId,
        mustChangePassword: input.mustChangePassword ?? false,
      });
      await recordAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: row.id, after: toUserResponse(row) });
      return toUserResponse(row);
    });
  } catch (err) {
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
      throw new AppError('LOGIN_NAME_TAKEN', { loginName });
    }
    if (pgErrorCode(err) === PG_FOREIGN_KEY_VIOLATION) {
      throw new AppError('NOT_FOUND');
    }
    throw err;
  }
}

export async function createStaffUser(ctx: ServiceContext, actor: Actor, body: CreateStaffUserBody): Promise<UserResponse> {
  if (!canManageStaff(actor)) {
    throw new AppError('FORBIDDEN');
  }
  return createUser(ctx, actor, { ...body, registrantId: null });
}

/** Adds a login for a registrant (an unknown registrant is NOT_FOUND via its foreign key). */
export async function createMemberUser(ctx: ServiceContext, actor: Actor, registrantId: string, body: CreateMemberUserBody): Promise<UserResponse> {
  if (!canSeeRegistrant(actor, registrantId)) {
    throw new AppError('NOT_FOUND');
  }
  if (!canManageRegistrants(actor)) {
    throw new AppError('FORBIDDEN');
  }
  return createUser(ctx, actor, { ...body, role: 'registrant_member', registrantId });
}

export async function listStaff(ctx: ServiceContext, actor: Actor): Promise<UserResponse[]> {
  if (!canManageStaff(actor)) {
    throw new AppError('FORBIDDEN');
  }
  return (await listStaffUsers(ctx.db)).map(toUserResponse);
}

export async function listMembers(ctx: ServiceContext, actor: Actor, registrantId: string): Promise<UserResponse[]> {
  if (!canSeeRegistrant(actor, registrantId)) {
    throw new AppError('NOT_FOUND');
  }
  return (await listRegistrantUsers(ctx.db, registrantId)).map(toUserResponse);
}

/**
 * Staff edit a user: name, e-mail, status, or a password reset (the user must then change it).
 * Suspending ends the user's sessions at once; a reset ends them too and revokes the user's API
 * tokens. The last active administrator cannot be suspended.
 */
export async function updateUser(ctx: ServiceContext, actor: Actor, id: string, body: UpdateUserBody): Promise<UserResponse> {
  const target = await findUserById(ctx.db, id);
  // Another registrant's user is "not found" to a member, whatever the role rules say.
  if (target === undefined || (actor.kind === 'member' && target.registrantId !== actor.registrantId)) {
    throw new AppError('NOT_FOUND');
  }
  if (!canManageRegistrants(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const passwordHash = body.resetPassword === undefined ? undefined : await hashPassword(body.resetPassword);
  return withTransaction(ctx, async (tx) => {
    const before = await findUserById(tx.db, id);
    if (before === undefined) {
      throw new AppError('NOT_FOUND');
    }
    // Staff accounts are the administrator's to manage.
    if (before.registrantId === null && !canManageStaff(actor)) {
      throw new AppError('FORBIDDEN');
    }
    if (body.resetPassword !== undefined) {
      assertPasswordPolicy(before.loginName, body.resetPassword);
    }
    if (body.status === 'suspended' && before.role === 'agency_admin' && before.status === 'active' && (await countAdmins(tx.db)) <= 1) {
      throw new AppError('FORBIDDEN', { reason: 'last-admin' });
    }
    const after = await updateUserRow(tx.db, id, {
      ...(body.displayName === undefined ? {} : { displayName: cleanText(body.displayName) }),
      ...(body.email === undefined ? {} : { email: cleanText(body.email) }),
      ...(body.status === undefined ? {} : { status: body.status }),
      ...(passwordHash === undefined ? {} : { passwordHash, mustChangePassword: true }),
    });
    if (after === undefined) {
      throw new AppError('NOT_FOUND');
    }
    if (after.status === 'suspended' || passwordHash !== undefined) {
      await deleteSessionsOfUser(tx.db, id);
    }
    if (passwordHash !== undefined) {
      await revokeTokensOnPasswordEvent(tx, actor, id, 'password.reset');
    }
    await recordAudit(tx, actor, { action: 'user.update', entityType: 'user', entityId: id, before: toUserResponse(before), after: toUserResponse(after) });
    return toUserResponse(after);
  });
}

/**
 * `npm run admin -- reset-password <login>`: whoever runs the server's console (no actor) gives a user a
 * new password. The user must change it at the next login, every session of the user ends, its API
 * tokens are revoked, and the account's failed logins are forgotten so a throttled account can sign
 * in at once. Audited.
 */
export async function resetPasswordFromConsole(ctx: ServiceContext, loginName: string, password: string): Promise<UserResponse> {
  const login = loginName.trim().toLowerCase();
  const found = await findUserForLogin(ctx.db, login);
  if (found === undefined) {
    throw new AppError('NOT_FOUND', { loginName: login });
  }
  assertPasswordPolicy(login, password);
  const passwordHash = await hashPassword(password);
  return withTransaction(ctx, async (tx) => {
    const after = await updateUserRow(tx.db, found.user.id, { passwordHash, mustChangePassword: true });
    if (after === undefined) {
      throw new AppError('NOT_FOUND', { loginName: login });
    }
    await deleteSessionsOfUser(tx.db, after.id);
    await revokeTokensOnPasswordEvent(tx, null, after.id, 'password.reset');
    await deleteFailedLogins(tx.db, login);
    await recordAudit(tx, null, {
      action: 'user.password.reset',
      entityType: 'user',
      entityId: after.id,
      before: toUserResponse(found.user),
      after: { ...toUserResponse(after), via: 'admin-cli' },
    });
    return toUserResponse(after);
  });
}

/** Called when a registrant is suspended: its users are logged out everywhere. */
export async function endSessionsOfRegistrant(ctx: ServiceContext, registrantId: string): Promise<void> {
  await deleteSessionsOfRegistrant(ctx.db, registrantId);
}

export async function hasAnyUser(ctx: ServiceContext): Promise<boolean> {
  return (await countUsers(ctx.db)) > 0;
}
