import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse, TrackResponse } from '../../src/catalog/catalog.schemas.js';
import { updateUser } from '../../src/accounts/users.service.js';
import { createToken, listTokens, tokenClient } from '../helpers/api-tokens.js';
import { loginCookie } from '../helpers/app.js';
import { auditRows, client, completeRecording, createAlbum, failed, memberSession, ok, staffSession, steppingClock, type Client } from '../helpers/catalog.js';
import { TEST_NOW } from '../helpers/context.js';
import { queryRows } from '../helpers/db.js';
import { newStaff } from '../helpers/factories.js';
import { useTestApp } from '../helpers/setup.js';

// Personal API tokens: shown once, stored hashed, scoped to the member's registrant, refused at once
// when revoked or expired, never able to manage tokens, and named in the audit log.

const time = steppingClock(TEST_NOW);
const env = useTestApp(time.clock);

let staff: Client;
beforeAll(async () => {
  staff = await staffSession(env);
});

describe('creating and listing tokens', () => {
  it('shows the token once and keeps only its SHA-256', async () => {
    const { api, member } = await memberSession(env);
    const created = await createToken(api, 'ERP 上架');
    expect(created.token).toMatch(/^isrc_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 13));
    expect(created).toMatchObject({ name: 'ERP 上架', expiresAt: null, lastUsedAt: null, expired: false });
    const listed = await listTokens(api);
    expect(listed.map((t) => t.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const rows = await queryRows(env.handle, sql`select token_hash, registrant_id::text as registrant from api_tokens where id = ${created.id}`);
    expect(rows[0]?.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(rows[0]?.registrant).toBe(member.registrantId);
    const audit = await auditRows(env, created.id);
    expect(audit.map((a) => a.action)).toEqual(['api_token.create']);
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it('refuses staff (tokens are for registrant members) and an expiry day already past', async () => {
    failed(await staff.call('POST', '/api-tokens', { name: 'x' }), 403, 'FORBIDDEN');
    const { api } = await memberSession(env);
    const past = failed(await api.call('POST', '/api-tokens', { name: 'x', expiresOn: '2026-06-14' }), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(past.details)).toContain('expiresOn');
  });

  it('lists only my own tokens, and another member cannot revoke mine (404)', async () => {
    const mine = await memberSession(env);
    const other = await memberSession(env);
    const token = await createToken(mine.api);
    expect(await listTokens(other.api)).toEqual([]);
    failed(await other.api.call('DELETE', `/api-tokens/${token.id}`), 404, 'NOT_FOUND');
    expect((await listTokens(mine.api)).map((t) => t.id)).toEqual([token.id]);
  });
});

describe('authenticating with a token', () => {
  it('works on registrant routes without a cookie, as the member', async () => {
    const { api, member } = await memberSession(env);
    const bearer = tokenClient(env, (await createToken(api)).token);
    const me = ok(await bearer.call('GET', '/auth/me')).json<{ user: { id: string } }>();
    expect(me.user.id).toBe(member.userId);
    const album = ok(await bearer.call('POST', '/albums', { releaseType: 'digital' }), 201).json<AlbumResponse>();
    const track = ok(await bearer.call('POST', `/albums/${album.id}/tracks`, { isrc: { mode: 'next' }, recording: completeRecording('API 曲目') }), 201).json<TrackResponse>();
    expect(track.recording.isrc).toContain(member.codes[0]);
    expect(ok(await api.call('GET', `/albums/${album.id}`)).json<AlbumResponse>().id).toBe(album.id);
  });

  it("is scoped to the member's registrant: another registrant's album is 404", async () => {
    const a = await memberSession(env);
    const b = await memberSession(env);
    const albumB = await createAlbum(b.api);
    const bearerA = tokenClient(env, (await createToken(a.api)).token);
    failed(await bearerA.call('GET', `/albums/${albumB.id}`), 404, 'NOT_FOUND');
    failed(await bearerA.call('PATCH', `/albums/${albumB.id}`, { title: 'taken' }), 404, 'NOT_FOUND');
    failed(await bearerA.call('GET', '/registrants'), 403, 'FORBIDDEN');
  });

  it('names the token in the audit log, down to the allocation ledger', async () => {
    const { api } = await memberSession(env);
    const created = await createToken(api, '經銷商介接');
    const bearer = tokenClient(env, created.token);
    const album = ok(await bearer.call('POST', '/albums', { releaseType: 'digital' }), 201).json<AlbumResponse>();
    const [entry] = await auditRows(env, album.id);
    expect(entry?.action).toBe('album.create');
    expect(entry?.after).toMatchObject({ apiToken: { id: created.id, name: '經銷商介接' } });
    const allocated = ok(await bearer.call('POST', '/allocations', { count: 1 }), 201).json<{ isrcs: string[] }>();
    const rows = await queryRows(env.handle, sql`select after from audit_log where action like 'isrc.%' and after->'apiToken'->>'id' = ${created.id}`);
    expect(allocated.isrcs).toHaveLength(1);
    expect(rows.length).toBeGreaterThan(0);
    // The same change through the browser session names no token.
    const viaSession = await createAlbum(api);
    expect(JSON.stringify((await auditRows(env, viaSession.id))[0]?.after)).not.toContain('apiToken');
  });

  it('cannot create, list or revoke tokens, nor log out or change the password', async () => {
    const { api } = await memberSession(env);
    const created = await createToken(api);
    const bearer = tokenClient(env, created.token);
    failed(await bearer.call('POST', '/api-tokens', { name: 'minted' }), 403, 'SESSION_REQUIRED');
    failed(await bearer.call('GET', '/api-tokens'), 403, 'SESSION_REQUIRED');
    failed(await bearer.call('DELETE', `/api-tokens/${created.id}`), 403, 'SESSION_REQUIRED');
    const password = failed(await bearer.call('POST', '/auth/password', { currentPassword: 'x', newPassword: 'something long' }, { 'accept-language': 'en' }), 403, 'SESSION_REQUIRED');
    // Said of every session-only action, not only of managing tokens.
    expect(password.message).toBe('This needs a signed-in session; an API token cannot do it. Please sign in to the website instead.');
    expect(failed(await bearer.call('POST', '/auth/logout'), 403, 'SESSION_REQUIRED').message).toBe('這項操作須登入網站後進行，API 權杖無法執行。');
    expect(await listTokens(api)).toHaveLength(1);
  });

  it('refuses a revoked token from the very next request', async () => {
    const { api } = await memberSession(env);
    const created = await createToken(api);
    const bearer = tokenClient(env, created.token);
    ok(await bearer.call('GET', '/albums'));
    ok(await api.call('DELETE', `/api-tokens/${created.id}`), 204);
    const refused = failed(await bearer.call('GET', '/albums'), 401, 'API_TOKEN_REVOKED');
    expect(refused.message).toBe('這個 API 權杖已撤銷，請建立新的權杖。');
    expect(await listTokens(api)).toEqual([]);
    expect((await auditRows(env, created.id)).map((a) => a.action)).toEqual(['api_token.create', 'api_token.revoke']);
    failed(await api.call('DELETE', `/api-tokens/${created.id}`), 404, 'NOT_FOUND');
  });

  it('refuses an unknown or malformed token, and ignores other schemes', async () => {
    failed(await tokenClient(env, `isrc_${'A'.repeat(43)}`).call('GET', '/albums'), 401, 'API_TOKEN_INVALID');
    failed(await tokenClient(env, 'not-a-token').call('GET', '/albums'), 401, 'API_TOKEN_INVALID');
    const basic = await env.app.inject({ method: 'GET', url: '/api/v1/albums', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    failed(basic, 401, 'UNAUTHENTICATED');
    // Public routes answer whatever the token.
    ok(await tokenClient(env, 'not-a-token').call('GET', '/vocabularies'));
  });

  it("stops when its member or the member's registrant is suspended", async () => {
    const { api, member } = await memberSession(env);
    const bearer = tokenClient(env, (await createToken(api)).token);
    ok(await bearer.call('GET', '/albums'));
    const admin = await newStaff(env.ctx, 'agency_admin');
    await updateUser(env.ctx, admin.actor, member.userId, { status: 'suspended' });
    failed(await bearer.call('GET', '/albums'), 403, 'ACCOUNT_SUSPENDED');
  });
});

describe('expiry and last use', () => {
  it('works through its last day in the agency calendar, refused right after; last use written at most once a minute', async () => {
    const { api, member } = await memberSession(env);
    // TEST_NOW is 2026-06-15 16:00 in Taipei: the token ends at 2026-06-16 00:00 Taipei (16:00 UTC).
    const created = await createToken(api, '今天到期', '2026-06-15');
    expect(created.expiresAt).toBe('2026-06-15T16:00:00.000Z');
    const bearer = tokenClient(env, created.token);
    ok(await bearer.call('GET', '/albums'));
    const lastUsed = async () => (await queryRows(env.handle, sql`select last_used_at from api_tokens where id = ${created.id}`))[0]?.last_used_at;
    const first = await lastUsed();
    expect(first).not.toBeNull();
    time.advance(30_000);
    ok(await bearer.call('GET', '/albums'));
    expect(await lastUsed()).toEqual(first);
    time.advance(31_000);
    ok(await bearer.call('GET', '/albums'));
    expect(await lastUsed()).not.toEqual(first);
    time.advance(8 * 3600_000);
    const refused = failed(await bearer.call('GET', '/albums', undefined, { 'accept-language': 'en' }), 401, 'API_TOKEN_EXPIRED');
    expect(refused.message).toBe('This API token has expired; please create a new one.');
    // Its owner still sees it, marked expired, until revoking it (a new session: the old one idled out).
    const again = client(env, await loginCookie(env.app, member.loginName, member.password));
    expect((await listTokens(again)).map((t) => [t.id, t.expired])).toEqual([[created.id, true]]);
  });
});
