import { SESSION_COOKIE } from '../../src/http/auth.js';
import { describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ACCOUNT } from '../../src/accounts/login-throttle.js';
import { loginCookie } from '../helpers/app.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { newRegistrant, newStaff, TEST_PASSWORD } from '../helpers/factories.js';

const env = useTestApp(realClock);

describe('login', () => {
  it('opens an httpOnly SameSite session and answers /auth/me', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { loginName: member.loginName.toUpperCase(), password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    expect(res.json<{ user: { loginName: string }; registrant: { id: string } }>()).toMatchObject({ user: { loginName: member.loginName }, registrant: { id: member.registrantId } });

    const cookie = await loginCookie(env.app, member.loginName, TEST_PASSWORD);
    const me = await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ user: { role: string } }>().user.role).toBe('registrant_member');
  });

  it('refuses a wrong password with a translated message and no hint which part was wrong', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    const zh = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { loginName: member.loginName, password: 'wrong password!' } });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toEqual({ error: { code: 'LOGIN_FAILED', message: '帳號或密碼錯誤，請再試一次。', requestId: zh.headers['x-request-id'] } });
    const en = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'en-GB,en;q=0.8' }, payload: { loginName: 'nobody-here', password: 'x' } });
    expect(en.json<{ error: { code: string; message: string } }>().error).toEqual({
      code: 'LOGIN_FAILED',
      message: 'Wrong login name or password; please try again.',
      requestId: expect.any(String) as unknown,
    });
  });

  it('throttles an account after repeated failures, even with the right password', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: `10.9.0.${i + 1}`, payload: { loginName: member.loginName, password: 'not it at all' } });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { loginName: member.loginName, password: TEST_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<{ error: { code: string; message: string } }>().error.code).toBe('LOGIN_THROTTLED');
    expect(blocked.json<{ error: { message: string } }>().error.message).toMatch(/分鐘後再試/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('throttles an address that tries many accounts', async () => {
    const ip = '10.77.0.1';
    let last = 0;
    for (let i = 0; i < 25; i++) {
      const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { loginName: `guess-${i}`, password: 'x' } });
      last = res.statusCode;
    }
    expect(last).toBe(429);
    const other = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.77.0.2', payload: { loginName: 'guess-0', password: 'x' } });
    expect(other.statusCode).toBe(401);
  });

  it('logs out: the cookie no longer works', async () => {
    const member = await newRegistrant(env.ctx, 'individual');
    const cookie = await loginCookie(env.app, member.loginName, TEST_PASSWORD);
    const out = await env.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json<{ error: { code: string } }>().error.code).toBe('UNAUTHENTICATED');
  });

  it('changes the password: the old one stops working, the new one works', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    const cookie = await loginCookie(env.app, member.loginName, TEST_PASSWORD);
    const wrong = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'nope nope nope', newPassword: 'a brand new secret' },
    });
    expect(wrong.json<{ error: { code: string } }>().error.code).toBe('PASSWORD_INCORRECT');
    const short = await env.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json<{ error: { details: { fields: { field: string }[] } } }>().error.details.fields[0]?.field).toBe('newPassword');
    const ok = await env.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new secret' } });
    expect(ok.statusCode).toBe(204);
    // The session goes on under a new id (session-rotation.test.ts checks the old one ends).
    const renewed = ok.cookies.find((c) => c.name === SESSION_COOKIE);
    const me = await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `${SESSION_COOKIE}=${renewed?.value ?? ''}` } });
    expect(me.statusCode).toBe(200);
    const old = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { loginName: member.loginName, password: TEST_PASSWORD } });
    expect(old.statusCode).toBe(401);
    await loginCookie(env.app, member.loginName, 'a brand new secret');
  });

  it('ends sessions when a user or its registrant is suspended', async () => {
    const staff = await newStaff(env.ctx, 'agency_officer');
    const staffCookie = await loginCookie(env.app, staff.loginName, TEST_PASSWORD);
    const member = await newRegistrant(env.ctx, 'company');
    const cookie = await loginCookie(env.app, member.loginName, TEST_PASSWORD);
    const suspend = await env.app.inject({ method: 'PATCH', url: `/api/v1/users/${member.userId}`, headers: { cookie: staffCookie }, payload: { status: 'suspended' } });
    expect(suspend.statusCode).toBe(200);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const again = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { loginName: member.loginName, password: TEST_PASSWORD } });
    expect(again.json<{ error: { code: string } }>().error.code).toBe('ACCOUNT_SUSPENDED');

    const other = await newRegistrant(env.ctx, 'company');
    const otherCookie = await loginCookie(env.app, other.loginName, TEST_PASSWORD);
    const off = await env.app.inject({ method: 'PATCH', url: `/api/v1/registrants/${other.registrantId}`, headers: { cookie: staffCookie }, payload: { status: 'suspended' } });
    expect(off.statusCode).toBe(200);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: otherCookie } })).statusCode).toBe(401);
  });
});
