import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/accounts/password.js';
import { MAX_FAILURES_PER_ACCOUNT } from '../../src/accounts/login-throttle.js';
import { updateUserRow } from '../../src/accounts/users.repo.js';
import { SESSION_COOKIE } from '../../src/http/auth.js';
import type { ChangeRequestResponse } from '../../src/change-requests/change-requests.schemas.js';
import { loginCookie } from '../helpers/app.js';
import { createToken } from '../helpers/api-tokens.js';
import { API, auditRows, client, createAlbum, failed, memberSession, ok, staffSession, type Reply } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { newRegistrant, newStaff, TEST_PASSWORD, uniqueName } from '../helpers/factories.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { multipartBody, pdfDocument } from './change-requests-fixtures.js';

const env = useTestApp(realClock);

const cookieOf = (res: Reply): string => `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? ''}`;
const me = (cookie: string) => env.app.inject({ method: 'GET', url: `${API}/auth/me`, headers: { cookie } });
const login = (loginName: string, password: string, cookie?: string, remoteAddress = '127.0.0.1') =>
  env.app.inject({ method: 'POST', url: `${API}/auth/login`, remoteAddress, payload: { loginName, password }, ...(cookie === undefined ? {} : { headers: { cookie } }) });

describe('session ids', () => {
  it('a login always opens a new session and ends the one the browser brought along', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    const before = await loginCookie(env.app, member.loginName, TEST_PASSWORD);
    const res = await login(member.loginName, TEST_PASSWORD, before);
    expect(res.statusCode).toBe(200);
    const after = cookieOf(res);
    expect(after).not.toBe(before);
    expect((await me(before)).statusCode).toBe(401);
    expect((await me(after)).statusCode).toBe(200);
  });

  it('logout ends every session of the user', async () => {
    const member = await newRegistrant(env.ctx, 'individual');
    const laptop = await loginCookie(env.app, member.loginName, TEST_PASSWORD);
    const phone = await loginCookie(env.app, member.loginName, TEST_PASSWORD);
    expect((await env.app.inject({ method: 'POST', url: `${API}/auth/logout`, headers: { cookie: laptop } })).statusCode).toBe(204);
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(phone)).statusCode).toBe(401);
  });

  it('a password change ends the other sessions and renews this one under a new id', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    const here = await loginCookie(env.app, member.loginName, TEST_PASSWORD);
    const elsewhere = await loginCookie(env.app, member.loginName, TEST_PASSWORD);
    const changed = await env.app.inject({
      method: 'POST',
      url: `${API}/auth/password`,
      headers: { cookie: here },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a river at dawn' },
    });
    expect(changed.statusCode).toBe(204);
    const renewed = cookieOf(changed);
    expect(renewed).not.toBe(here);
    expect(changed.cookies.find((c) => c.name === SESSION_COOKIE)?.httpOnly).toBe(true);
    expect((await me(here)).statusCode).toBe(401);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await me(renewed)).statusCode).toBe(200);
  });
});

describe('passwords', () => {
  it('refuses a common password and one containing the login name, with messages in both languages', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    const api = client(env, await loginCookie(env.app, member.loginName, TEST_PASSWORD));
    const change = (newPassword: string, lang: string) => api.call('POST', '/auth/password', { currentPassword: TEST_PASSWORD, newPassword }, lang);
    expect(failed(await change('qwertyuiop123', 'zh-TW'), 400, 'PASSWORD_TOO_COMMON').message).toBe('這個密碼太常見，容易被猜中，請換一個。');
    expect(failed(await change('Qwertyuiop123', 'en'), 400, 'PASSWORD_TOO_COMMON').message).toMatch(/too common/);
    expect(failed(await change(`My ${member.loginName.toUpperCase()} pass`, 'zh-TW'), 400, 'PASSWORD_CONTAINS_LOGIN_NAME').message).toBe('密碼不可包含帳號名稱，請換一個。');
    const short = failed(await change('eleven chrs', 'en'), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(short.details)).toContain('newPassword');
  });

  it('an administrator cannot create a user with a weak password either', async () => {
    const admin = await newStaff(env.ctx, 'agency_admin');
    const api = client(env, await loginCookie(env.app, admin.loginName, TEST_PASSWORD));
    const loginName = uniqueName('weak').toLowerCase();
    const body = { loginName, displayName: '同仁', role: 'agency_officer' };
    failed(await api.call('POST', '/users', { ...body, password: '1q2w3e4r5t6y' }), 400, 'PASSWORD_TOO_COMMON');
    failed(await api.call('POST', '/users', { ...body, password: `I am ${loginName}` }), 400, 'PASSWORD_CONTAINS_LOGIN_NAME');
    ok(await api.call('POST', '/users', { ...body, password: 'a long quiet evening' }), 201);
  });

  it('a stored hash of an older, shorter password still logs in', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    await updateUserRow(env.handle.db, member.userId, { passwordHash: await hashPassword('short-pw') });
    expect((await login(member.loginName, 'short-pw')).statusCode).toBe(200);
  });
});

describe('security events in the audit log', () => {
  it('records failed logins with the address, and one lock-out when the limit is reached', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT + 2; i++) {
      await login(member.loginName, 'not the password', undefined, '10.44.0.9');
    }
    const rows = await auditRows(env, member.userId);
    expect(rows.filter((r) => r.action === 'auth.loginFailed')).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    const lockouts = rows.filter((r) => r.action === 'auth.lockout');
    expect(lockouts.map((r) => ({ actor: r.actorUserId, after: r.after }))).toEqual([{ actor: null, after: { loginName: member.loginName, scope: 'account', minutes: 15 } }]);
    const ips = await queryRows(env.handle, sql`select distinct ip from audit_log where entity_id = ${member.userId} and action like 'auth.%'`);
    expect(ips.map((r) => r.ip)).toEqual(['10.44.0.9']);

    await login('nobody.at.all', 'not the password', undefined, '10.44.0.10');
    const unknown = await queryRows(env.handle, sql`select entity_type, entity_id, after from audit_log where action = 'auth.loginFailed' and ip = '10.44.0.10'`);
    expect(unknown).toEqual([{ entity_type: 'user', entity_id: '-', after: { loginName: 'nobody.at.all', reason: 'unknown-account' } }]);
  });

  it('records API token creation and revocation', async () => {
    const s = await memberSession(env);
    const token = await createToken(s.api);
    ok(await s.api.call('DELETE', `/api-tokens/${token.id}`), 204);
    expect((await auditRows(env, token.id)).map((r) => r.action)).toEqual(['api_token.create', 'api_token.revoke']);
  });
});

describe('stored files are attachments, never pages', () => {
  it('refuses an HTML payload named .pdf, and serves a real attachment with its checked type as an attachment', async () => {
    const s = await memberSession(env);
    const staff = await staffSession(env);
    const request = ok(await s.api.call('POST', '/change-requests', { changes: [{ field: 'address', after: `新址 ${Math.random()}` }], reason: '搬遷' }), 201).json<ChangeRequestResponse>();
    const upload = (name: string, bytes: Buffer, type: string) => {
      const { payload, headers } = multipartBody(name, bytes, type);
      return env.app.inject({ method: 'POST', url: `${API}/change-requests/${request.id}/attachment`, payload, headers: { ...headers, cookie: s.api.cookie } });
    };
    const html = Buffer.from('<!doctype html><html><body><script>fetch("/api/v1/auth/me")</script></body></html>');
    const refused = await upload('scan.pdf', html, 'text/html');
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.statusCode).toBeLessThan(500);

    ok(await upload('scan.html', pdfDocument(), 'text/html'));
    const res = ok(await env.app.inject({ method: 'GET', url: `${API}/change-requests/${request.id}/attachment`, headers: { cookie: staff.cookie } }));
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
  });

  it('a cover is only ever an image: HTML bytes are refused', async () => {
    const s = await memberSession(env);
    const album = await createAlbum(s.api);
    const { payload, headers } = multipartBody('cover.png', Buffer.from('<html><script>alert(1)</script></html>'), 'image/png');
    const res = await env.app.inject({ method: 'PUT', url: `${API}/albums/${album.id}/cover`, payload, headers: { ...headers, cookie: s.api.cookie } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect((await env.app.inject({ method: 'GET', url: `${API}/albums/${album.id}/cover`, headers: { cookie: s.api.cookie } })).statusCode).toBe(404);
  });
});
