import { SESSION_COOKIE } from '../../src/http/auth.js';
/**
 * A password someone else chose or saw (generated at the first start, reset by staff or from the
 * console) must be changed before anything else: the server refuses every other route with 403
 * PASSWORD_CHANGE_REQUIRED, not only the web app's redirect.
 */
import { describe, expect, it } from 'vitest';
import { ensureFirstAdmin, FIRST_ADMIN_LOGIN } from '../../src/bootstrap/first-admin.js';
import { loginCookie } from '../helpers/app.js';
import { newRegistrant, TEST_PASSWORD } from '../helpers/factories.js';
import { realClock, useTestApp, type TestEnv } from '../helpers/setup.js';

interface ErrorJson {
  error: { code: string; message: string };
}

const generated = useTestApp(realClock);
const configured = useTestApp(realClock);

function get(env: TestEnv, url: string, cookie: string, lang = 'zh-TW') {
  return env.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });
}

describe('a generated first administrator password', () => {
  it('expires at the first login: everything but me, change password, logout and the public routes answers 403 until it is changed', async () => {
    const first = await ensureFirstAdmin(generated.ctx, undefined);
    const password = first.generatedPassword ?? '';
    const cookie = await loginCookie(generated.app, FIRST_ADMIN_LOGIN, password);

    const me = await get(generated, '/api/v1/auth/me', cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);

    for (const url of ['/api/v1/users', '/api/v1/registrants', '/api/v1/settings', '/api/v1/albums']) {
      const res = await get(generated, url, cookie);
      expect(res.statusCode, url).toBe(403);
      expect(res.json<ErrorJson>().error.code, url).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    const write = await generated.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie }, payload: { not: 'even valid' } });
    expect(write.statusCode, 'refused before the body is validated').toBe(403);
    expect(write.json<ErrorJson>().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await get(generated, '/api/v1/users', cookie, 'zh-TW')).json<ErrorJson>().error.message).toBe('請先修改密碼，再使用系統的其他功能。');
    expect((await get(generated, '/api/v1/users', cookie, 'en')).json<ErrorJson>().error.message).toBe('Please change your password before using anything else.');

    // Public routes stay public (the page footer reads /agency), and anonymous callers still get 401.
    expect((await get(generated, '/api/v1/agency', cookie)).statusCode).toBe(200);
    expect((await get(generated, '/api/v1/vocabularies', cookie)).statusCode).toBe(200);
    expect((await generated.app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);

    const wrong = await generated.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'not it at all', newPassword: 'my own chief passphrase' },
    });
    expect(wrong.json<ErrorJson>().error.code).toBe('PASSWORD_INCORRECT');
    const changed = await generated.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { currentPassword: password, newPassword: 'my own chief passphrase' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    // The session goes on under the new id the answer set.
    const renewed = `${SESSION_COOKIE}=${changed.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? ''}`;

    const users = await get(generated, '/api/v1/users', renewed);
    expect(users.statusCode, users.body).toBe(200);
    const logout = await generated.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: renewed } });
    expect(logout.statusCode).toBe(204);
  });

  it('a password reset by staff must be changed too, and logout stays open meanwhile', async () => {
    const admin = await loginCookie(generated.app, FIRST_ADMIN_LOGIN, 'my own chief passphrase');
    const member = await newRegistrant(generated.ctx, 'company');
    const reset = await generated.app.inject({ method: 'PATCH', url: `/api/v1/users/${member.userId}`, headers: { cookie: admin }, payload: { resetPassword: 'reset by the agency' } });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await generated.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { loginName: member.loginName, password: TEST_PASSWORD } })).statusCode).toBe(401);

    const cookie = await loginCookie(generated.app, member.loginName, 'reset by the agency');
    const albums = await get(generated, '/api/v1/albums', cookie);
    expect(albums.statusCode).toBe(403);
    expect(albums.json<ErrorJson>().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const logout = await generated.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(logout.statusCode).toBe(204);
  });
});

describe('a first administrator password set with ISRC_ADMIN_PASSWORD', () => {
  it('is the operator’s own choice: no forced change', async () => {
    const first = await ensureFirstAdmin(configured.ctx, 'chosen by the operator');
    expect(first).toEqual({ created: true });
    const cookie = await loginCookie(configured.app, FIRST_ADMIN_LOGIN, 'chosen by the operator');
    const me = await get(configured, '/api/v1/auth/me', cookie);
    expect(me.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(false);
    expect((await get(configured, '/api/v1/users', cookie)).statusCode).toBe(200);
  });
});
