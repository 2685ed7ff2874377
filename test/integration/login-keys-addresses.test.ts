import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from '../../src/accounts/login-throttle.js';
import { SESSION_COOKIE } from '../../src/http/auth.js';
import { loginCookie } from '../helpers/app.js';
import { API, failed, ok, type Reply } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { newRegistrant, TEST_PASSWORD, uniqueName } from '../helpers/factories.js';
import { realClock, useTestApp } from '../helpers/setup.js';

/**
 * The keys and addresses the login throttle records: a login cannot spend another budget
 * (password-change guesses), a public application is not refused by its address's failed logins,
 * and a client address with an IPv6 zone (`fe80::1%eth0`, as Node reports a link-local client) is
 * stored as the inet column takes it.
 */
const env = useTestApp(realClock);

const login = (loginName: string, password: string, remoteAddress = '198.51.100.7'): Promise<Reply> =>
  env.app.inject({ method: 'POST', url: `${API}/auth/login`, remoteAddress, payload: { loginName, password } });
const cookieOf = (res: Reply): string => `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? ''}`;
const me = (cookie: string, remoteAddress?: string): Promise<Reply> =>
  env.app.inject({ method: 'GET', url: `${API}/auth/me`, headers: { cookie }, ...(remoteAddress === undefined ? {} : { remoteAddress }) });

function applicationBody(loginName: string) {
  return {
    kind: 'individual',
    name: uniqueName('申請人'),
    address: '臺北市中正區貴陽街一段 2 號',
    phone: '(02)2361-9132',
    email: 'apply@example.org',
    loginName,
    password: 'applicant-pass-1',
  };
}
const apply = (loginName: string, remoteAddress: string): Promise<Reply> =>
  env.app.inject({ method: 'POST', url: `${API}/applications`, remoteAddress, payload: applicationBody(loginName) });

async function attemptRows(loginName: string): Promise<Record<string, unknown>[]> {
  return queryRows(env.handle, sql`select login_name, host(ip) as ip, succeeded from login_attempts where login_name = ${loginName}`);
}

describe('a login cannot spend the password-change budget', () => {
  it('logins named password-change:<victim> are plain failures, and the victim still changes their password', async () => {
    const victim = await newRegistrant(env.ctx, 'company');
    const cookie = await loginCookie(env.app, victim.loginName, TEST_PASSWORD);
    // Any case or padding of the key: each is refused before it is counted.
    const names = [`password-change:${victim.loginName}`, `PASSWORD-CHANGE:${victim.loginName.toUpperCase()}`, ` password-change:${victim.loginName} `];
    for (let i = 0; i <= MAX_FAILURES_PER_ACCOUNT; i++) {
      failed(await login(names[i % names.length] ?? '', 'x'), 401, 'LOGIN_FAILED');
    }
    expect(await attemptRows(`password-change:${victim.loginName}`)).toEqual([]);
    const changed = await env.app.inject({
      method: 'POST',
      url: `${API}/auth/password`,
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'another good passphrase 9' },
    });
    expect(changed.statusCode).toBe(204);
  });

  it('a name no account can have is refused as LOGIN_FAILED, and a real one still logs in', async () => {
    const member = await newRegistrant(env.ctx, 'individual');
    failed(await login(`${member.loginName}:x`, TEST_PASSWORD), 401, 'LOGIN_FAILED');
    failed(await login('a b', TEST_PASSWORD), 401, 'LOGIN_FAILED');
    ok(await login(` ${member.loginName.toUpperCase()} `, TEST_PASSWORD));
  });
});

describe('a public application and its address’s failed logins', () => {
  it('is answered 201 with a session although the /64 has used up its login failures', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      failed(await login(uniqueName('nobody').toLowerCase(), 'x', `2001:db8:77:2::${i + 1}`), 401, 'LOGIN_FAILED');
    }
    failed(await login(uniqueName('nobody').toLowerCase(), 'x', '2001:db8:77:2::99'), 429, 'LOGIN_THROTTLED');
    const loginName = uniqueName('neighbour').toLowerCase();
    const res = await apply(loginName, '2001:db8:77:2::99');
    expect(res.statusCode, res.body).toBe(201);
    const who = ok(await me(cookieOf(res))).json<{ user: { loginName: string; role: string } }>();
    expect(who.user).toMatchObject({ loginName, role: 'applicant' });
    const audit = await queryRows(env.handle, sql`select action from audit_log where actor_user_id = (select id from users where login_name = ${loginName}) order by created_at, action`);
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['application.submit', 'auth.login']));
  });
});

describe('a client address with an IPv6 zone', () => {
  const zoned = 'fe80::1%eth0';

  it('logs in (and fails to) with the address stored without its zone', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    failed(await login(member.loginName, 'wrong password', zoned), 401, 'LOGIN_FAILED');
    const res = ok(await login(member.loginName, TEST_PASSWORD, zoned));
    expect(await attemptRows(member.loginName)).toEqual([expect.objectContaining({ ip: 'fe80::1' }), expect.objectContaining({ ip: 'fe80::1' })]);
    expect((await me(cookieOf(res), zoned)).statusCode).toBe(200);
    // Counted against the address, whatever zone it came through.
    const rows = await queryRows(env.handle, sql`select count(*)::int as n from login_attempts where ip = 'fe80::1'::inet and not succeeded`);
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it('files a public application', async () => {
    const loginName = uniqueName('zoned').toLowerCase();
    const res = await apply(loginName, 'fe80::2%eth0');
    expect(res.statusCode, res.body).toBe(201);
    expect((await me(cookieOf(res))).statusCode).toBe(200);
  });

  it('changes a password (audited, counted in login_attempts) and logs out', async () => {
    const member = await newRegistrant(env.ctx, 'individual');
    const cookie = cookieOf(ok(await login(member.loginName, TEST_PASSWORD, zoned)));
    const wrong = await env.app.inject({
      method: 'POST',
      url: `${API}/auth/password`,
      remoteAddress: zoned,
      headers: { cookie },
      payload: { currentPassword: 'not the password', newPassword: 'another good passphrase 9' },
    });
    failed(wrong, 400, 'PASSWORD_INCORRECT');
    const changed = await env.app.inject({
      method: 'POST',
      url: `${API}/auth/password`,
      remoteAddress: zoned,
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'another good passphrase 9' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const out = await env.app.inject({ method: 'POST', url: `${API}/auth/logout`, remoteAddress: zoned, headers: { cookie: cookieOf(changed) } });
    expect(out.statusCode).toBe(204);
    const audit = await queryRows(env.handle, sql`select action, ip from audit_log where actor_user_id = ${member.userId} order by created_at`);
    expect(audit.map((r) => r.action)).toEqual(['auth.login', 'user.password.changeFailed', 'user.password.change', 'auth.logout']);
  });
});
