import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from '../../src/accounts/login-throttle.js';
import { resetPasswordFromConsole } from '../../src/accounts/users.service.js';
import { buildApp } from '../../src/http/app.js';
import { SESSION_COOKIE } from '../../src/http/auth.js';
import { loginCookie } from '../helpers/app.js';
import { createToken, listTokens, tokenClient } from '../helpers/api-tokens.js';
import { API, auditRows, client, failed, memberSession, ok, staffSession, type Reply } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { useTestApp } from '../helpers/setup.js';

// Real time plus an offset a test moves: login attempts are stamped with the database's clock, and
// sessions with the app's, so the app's clock follows real time and jumps only when a test says.
let offsetMs = 0;
const env = useTestApp({ now: () => new Date(Date.now() + offsetMs) });
beforeEach(() => {
  offsetMs = 0;
});

const WRONG = 'certainly not the password';
const NEW_PASSWORD = 'a river at dawn';

const cookieOf = (res: Reply): string => `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? ''}`;
const me = (cookie: string) => env.app.inject({ method: 'GET', url: `${API}/auth/me`, headers: { cookie } });
const login = (loginName: string, password: string, remoteAddress: string) => env.app.inject({ method: 'POST', url: `${API}/auth/login`, remoteAddress, payload: { loginName, password } });
const errorCode = (res: Reply): string | undefined => (res.statusCode < 300 ? undefined : res.json<{ error: { code: string } }>().error.code);

describe('login throttle by address', () => {
  it('counts an IPv6 /64 as one address, whichever of its addresses the attempts come from', async () => {
    const member = await newMemberLogin();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      // Fewer failures per name than the account limit, each from another address of one /64.
      const res = await login(`v6-guess-${i % 5}-${member}`, WRONG, `2001:db8:77:1:${(i + 1).toString(16)}::${i + 7}`);
      expect(errorCode(res)).toBe('LOGIN_FAILED');
    }
    // A new address of the same /64, in another spelling: throttled, even with the right password.
    expect(errorCode(await login(member, TEST_PASSWORD, '2001:DB8:77:1:FFFF:0:0:1'))).toBe('LOGIN_THROTTLED');
    // The next /64 is another client.
    expect((await login(member, TEST_PASSWORD, '2001:db8:77:2::1')).statusCode).toBe(200);
  });

  it('counts an IPv4 address and its IPv4-mapped IPv6 form as one; other IPv4 addresses stay apart', async () => {
    const member = await newMemberLogin();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      const res = await login(`v4-guess-${i % 5}-${member}`, WRONG, i % 2 === 0 ? '10.71.0.1' : '::ffff:10.71.0.1');
      expect(errorCode(res)).toBe('LOGIN_FAILED');
    }
    expect(errorCode(await login(member, TEST_PASSWORD, '10.71.0.1'))).toBe('LOGIN_THROTTLED');
    expect(errorCode(await login(member, TEST_PASSWORD, '::ffff:10.71.0.1'))).toBe('LOGIN_THROTTLED');
    expect((await login(member, TEST_PASSWORD, '10.71.0.2')).statusCode).toBe(200);
  });
});

async function newMemberLogin(): Promise<string> {
  return (await memberSession(env)).member.loginName;
}

describe('a new password revokes API tokens', () => {
  it('a password change revokes every token of the user: refused at once, gone from the list, audited', async () => {
    const s = await memberSession(env);
    const first = await createToken(s.api, '上架系統');
    const second = await createToken(s.api, '備份');
    expect((await tokenClient(env, first.token).call('GET', '/auth/me')).statusCode).toBe(200);

    const changed = ok(await s.api.call('POST', '/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }), 204);
    for (const t of [first, second]) {
      failed(await tokenClient(env, t.token).call('GET', '/auth/me'), 401, 'API_TOKEN_REVOKED');
      const rows = await auditRows(env, t.id);
      expect(rows.map((r) => r.action)).toEqual(['api_token.create', 'api_token.revoke']);
      expect(rows[1]).toMatchObject({ actorUserId: s.member.userId, after: { reason: 'password.change', userId: s.member.userId } });
    }
    const renewed = client(env, cookieOf(changed));
    expect(await listTokens(renewed)).toEqual([]);
    const change = (await auditRows(env, s.member.userId)).filter((r) => r.action === 'user.password.change');
    expect(change.map((r) => r.after)).toEqual([{ apiTokensRevoked: 2 }]);
    // New tokens work again.
    const fresh = await createToken(renewed, '新權杖');
    expect((await tokenClient(env, fresh.token).call('GET', '/auth/me')).statusCode).toBe(200);
  });

  it("an officer's password reset revokes the user's tokens, audited as the officer", async () => {
    const s = await memberSession(env);
    const token = await createToken(s.api);
    const officer = await staffSession(env);
    ok(await officer.call('PATCH', `/users/${s.member.userId}`, { resetPassword: NEW_PASSWORD }));
    failed(await tokenClient(env, token.token).call('GET', '/auth/me'), 401, 'API_TOKEN_REVOKED');
    const revoke = (await auditRows(env, token.id)).find((r) => r.action === 'api_token.revoke');
    expect(revoke?.after).toEqual({ reason: 'password.reset', userId: s.member.userId });
    expect(revoke?.actorUserId).not.toBeNull();
    expect(revoke?.actorUserId).not.toBe(s.member.userId);
  });

  it("an officer's edit without a new password leaves the tokens alone", async () => {
    const s = await memberSession(env);
    const token = await createToken(s.api);
    ok(await (await staffSession(env)).call('PATCH', `/users/${s.member.userId}`, { displayName: '新名字' }));
    expect((await tokenClient(env, token.token).call('GET', '/auth/me')).statusCode).toBe(200);
  });

  it('a password reset from the console revokes them too, with no acting user', async () => {
    const s = await memberSession(env);
    const token = await createToken(s.api);
    await resetPasswordFromConsole(env.ctx, s.member.loginName, NEW_PASSWORD);
    failed(await tokenClient(env, token.token).call('GET', '/auth/me'), 401, 'API_TOKEN_REVOKED');
    const revoke = (await auditRows(env, token.id)).find((r) => r.action === 'api_token.revoke');
    expect(revoke).toMatchObject({ actorUserId: null, after: { reason: 'password.reset' } });
  });
});

describe('absolute session lifetime', () => {
  it('ends a session 12 hours after its login however active it is; a new login starts afresh', async () => {
    const s = await memberSession(env);
    // The test context's idle time is 60 minutes: a request every 50 keeps the session alive…
    for (let minutes = 50; minutes < 720; minutes += 50) {
      offsetMs = minutes * 60_000;
      expect((await me(s.api.cookie)).statusCode, `at ${minutes} minutes`).toBe(200);
    }
    // …until 12 hours after the login, when it is refused like an expired one.
    offsetMs = 720 * 60_000;
    failed(await me(s.api.cookie), 401, 'UNAUTHENTICATED');
    offsetMs = 730 * 60_000;
    failed(await me(s.api.cookie), 401, 'UNAUTHENTICATED');
    const again = await loginCookie(env.app, s.member.loginName, TEST_PASSWORD);
    expect((await me(again)).statusCode).toBe(200);
  });

  it('never slides a session’s expiry past its absolute end', async () => {
    const s = await memberSession(env);
    for (let minutes = 50; minutes <= 700; minutes += 50) {
      offsetMs = minutes * 60_000;
      expect((await me(s.api.cookie)).statusCode).toBe(200);
    }
    const rows = await queryRows(env.handle, sql`select extract(epoch from expires_at - created_at)::int as seconds from sessions where user_id = ${s.member.userId}`);
    expect(rows.map((r) => Number(r.seconds))).toEqual([720 * 60]);
  });
});

describe('a failed password change', () => {
  it('is audited by the user, without the password tried; the lock-out once at the limit', async () => {
    const s = await memberSession(env);
    const tried = 'my guess at the password';
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT + 1; i++) {
      await s.api.call('POST', '/auth/password', { currentPassword: tried, newPassword: NEW_PASSWORD });
    }
    const rows = await auditRows(env, s.member.userId);
    const failures = rows.filter((r) => r.action === 'user.password.changeFailed');
    expect(failures).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(failures[0]).toEqual({ action: 'user.password.changeFailed', actorUserId: s.member.userId, before: null, after: { reason: 'wrong-password' } });
    const lockouts = rows.filter((r) => r.action === 'auth.lockout');
    expect(lockouts.map((r) => r.after)).toEqual([{ loginName: s.member.loginName, scope: 'password-change', minutes: 15 }]);
    const all = await queryRows(env.handle, sql`select count(*)::int as n from audit_log where before::text like ${`%${tried}%`} or after::text like ${`%${tried}%`}`);
    expect(all[0]?.n).toBe(0);
  });
});

describe('the session cookie’s Secure flag', () => {
  const cookieFrom = async (publicUrl: string | undefined, headers: Record<string, string> = {}) => {
    const app = await buildApp({ ctx: env.ctx, publicUrl });
    try {
      const s = await memberSession(env);
      const res = ok(await app.inject({ method: 'POST', url: `${API}/auth/login`, headers, payload: { loginName: s.member.loginName, password: TEST_PASSWORD } }));
      return res.cookies.find((c) => c.name === SESSION_COOKIE);
    } finally {
      await app.close();
    }
  };

  it('is always set when PUBLIC_URL is https://, even when the request reached us over plain http', async () => {
    // A TLS proxy not named in TRUST_PROXY: its X-Forwarded-Proto is not believed.
    expect((await cookieFrom('https://isrc.example.org', { 'x-forwarded-proto': 'https' }))?.secure).toBe(true);
    expect((await cookieFrom('HTTPS://isrc.example.org'))?.secure).toBe(true);
  });

  it('follows the request otherwise', async () => {
    expect((await cookieFrom(undefined))?.secure).toBeFalsy();
    expect((await cookieFrom('http://192.168.1.20:3000'))?.secure).toBeFalsy();
  });
});
