import { randomBytes } from 'node:crypto';
import type { ActingToken, Actor } from '../accounts/actor.js';
import { hashToken, type UserRow } from '../accounts/auth.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ServiceContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { calendarDateAt, isCalendarDate } from '../review/deposit-state.js';
import { AppError } from '../shared/errors.js';
import { canManageApiTokens } from './api-tokens.policy.js';
import { countUserTokens, findTokenByHash, lockUserForTokens, insertApiToken, listUserTokens, revokeUserToken, touchToken, type ApiTokenRow } from './api-tokens.repo.js';
import { API_TOKENS_MAX_PER_USER, type ApiTokenResponse, type CreateApiTokenBody, type CreatedApiTokenResponse } from './api-tokens.schemas.js';

/** Every token starts so: secret scanners and people can tell what leaked. */
export const API_TOKEN_PREFIX = 'isrc_';
/** `isrc_` and 32 random bytes in base64url (43 characters). */
export const API_TOKEN_PATTERN = /^isrc_[A-Za-z0-9_-]{43}$/;
/** Characters kept in clear so the owner can tell tokens apart: the prefix and 8 of 43 random ones. */
const SHOWN_CHARS = API_TOKEN_PREFIX.length + 8;
/** last_used_at is written at most this often per token. */
const TOUCH_INTERVAL_MS = 60_000;

function assertCanManage(actor: Actor): asserts actor is Extract<Actor, { kind: 'member' }> {
  if (actor.apiToken !== undefined) {
    throw new AppError('SESSION_REQUIRED');
  }
  if (!canManageApiTokens(actor)) {
    throw new AppError('FORBIDDEN');
  }
}

function toResponse(row: ApiTokenRow, now: Date): ApiTokenResponse {
  return {
    id: row.id,
    name: row.name,
    prefix: row.tokenPrefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expired: row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime(),
  };
}

/** 新增 API 權杖: a new personal token for the signed-in member; the only time the whole token is returned. */
export async function createApiToken(ctx: ServiceContext, actor: Actor, body: CreateApiTokenBody): Promise<CreatedApiTokenResponse> {
  assertCanManage(actor);
  const now = ctx.clock.now();
  if (body.expiresOn !== undefined) {
    const today = calendarDateAt(now, ctx.timeZone);
    if (!isCalendarDate(body.expiresOn) || body.expiresOn < today) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'expiresOn', code: 'minimum', params: { limit: today } }] });
    }
  }
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const row = await withTransaction(ctx, async (tx) => {
    // Counted under the user's lock: concurrent creations cannot all see room for one more.
    await lockUserForTokens(tx.db, actor.userId);
    if ((await countUserTokens(tx.db, actor.userId)) >= API_TOKENS_MAX_PER_USER) {
      throw new AppError('API_TOKEN_LIMIT', { max: API_TOKENS_MAX_PER_USER });
    }
    const inserted = await insertApiToken(tx.db, {
      userId: actor.userId,
      registrantId: actor.registrantId,
      name: body.name.trim(),
      tokenHash: hashToken(token),
      tokenPrefix: token.slice(0, SHOWN_CHARS),
      expiresOn: body.expiresOn,
      timeZone: ctx.timeZone,
      createdAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: inserted.id,
      after: { name: inserted.name, prefix: inserted.tokenPrefix, expiresAt: inserted.expiresAt, registrantId: inserted.registrantId },
    });
    return inserted;
  });
  return { ...toResponse(row, now), token };
}

/** The signed-in member's tokens (not revoked), newest first. */
export async function listApiTokens(ctx: ServiceContext, actor: Actor): Promise<ApiTokenResponse[]> {
  assertCanManage(actor);
  const now = ctx.clock.now();
  return (await listUserTokens(ctx.db, actor.userId)).map((row) => toResponse(row, now));
}

/** 撤銷: the token stops working with the next request. Another user's token is NOT_FOUND. */
export async function revokeApiToken(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  assertCanManage(actor);
  await withTransaction(ctx, async (tx) => {
    const row = await revokeUserToken(tx.db, actor.userId, id, ctx.clock.now());
    if (row === undefined) {
      throw new AppError('NOT_FOUND');
    }
    await recordAudit(tx, actor, { action: 'api_token.revoke', entityType: 'api_token', entityId: row.id, before: { name: row.name, prefix: row.tokenPrefix } });
  });
}

export type TokenAuthentication =
  { ok: true; user: UserRow; token: ActingToken } | { ok: false; code: 'API_TOKEN_INVALID' | 'API_TOKEN_REVOKED' | 'API_TOKEN_EXPIRED' | 'ACCOUNT_SUSPENDED' };

/**
 * The user behind `Authorization: Bearer <token>`, checked on every request (no cache, so a
 * revocation or suspension takes effect at once): the token is known, not revoked, not expired,
 * still its member's registrant's, and user and registrant are active.
 */
export async function authenticateApiToken(ctx: ServiceContext, token: string): Promise<TokenAuthentication> {
  if (!API_TOKEN_PATTERN.test(token)) {
    return { ok: false, code: 'API_TOKEN_INVALID' };
  }
  const found = await findTokenByHash(ctx.db, hashToken(token));
  // A member moved to another registrant (or no longer a member) no longer speaks for the old one.
  if (found === undefined || found.user.role !== 'registrant_member' || found.user.registrantId !== found.token.registrantId) {
    return { ok: false, code: 'API_TOKEN_INVALID' };
  }
  const now = ctx.clock.now();
  if (found.token.revokedAt !== null) {
    return { ok: false, code: 'API_TOKEN_REVOKED' };
  }
  if (found.token.expiresAt !== null && found.token.expiresAt.getTime() <= now.getTime()) {
    return { ok: false, code: 'API_TOKEN_EXPIRED' };
  }
  if (found.user.status === 'suspended' || found.registrantStatus === 'suspended') {
    return { ok: false, code: 'ACCOUNT_SUSPENDED' };
  }
  const lastUsed = found.token.lastUsedAt?.getTime() ?? 0;
  if (now.getTime() - lastUsed >= TOUCH_INTERVAL_MS) {
    await touchToken(ctx.db, found.token.id, now, new Date(now.getTime() - TOUCH_INTERVAL_MS));
  }
  return { ok: true, user: found.user, token: { id: found.token.id, name: found.token.name } };
}
