import { beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from '../../src/accounts/login-throttle.js';
import { loginCookie } from '../helpers/app.js';
import { auditRows } from '../helpers/catalog.js';
import { newRegistrant, TEST_PASSWORD } from '../helpers/factories.js';
import { useTestApp } from '../helpers/setup.js';

// Attempts are stamped with the database's own time (created_at), so the app's clock follows real
// time (like realClock) and a test jumps it past the window only to see the throttle lapse; the next
// test starts at real time again, so its fresh attempts count.
let offsetMs = 0;
const env = useTestApp({ now: () => new Date(Date.now() + offsetMs) });
beforeEach(() => {
  offsetMs = 0;
});

const BURST = 40;
const WRONG = 'certainly not the password';

interface Outcome {
  status: number;
  code: string | undefined;
  retryAfter: string | undefined;
}

function login(loginName: string, password: string, remoteAddress: string) {
  return env.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { loginName, password } });
}

async function outcome(res: Promise<Awaited<ReturnType<typeof login>>>): Promise<Outcome> {
  const r = await res;
  return {
    status: r.statusCode,
    code: r.statusCode === 200 || r.statusCode === 204 ? undefined : r.json<{ error: { code: string } }>().error.code,
    retryAfter: r.headers['retry-after'],
  };
}

function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = `${o.status} ${o.code ?? ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function expectRetryAfter(outcomes: Outcome[]): void {
  for (const o of outcomes.filter((x) => x.code === 'LOGIN_THROTTLED')) {
    const seconds = Number(o.retryAfter);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(LOGIN_WINDOW_MS / 1000 + 60);
  }
}

function passLoginWindow(): void {
  offsetMs = LOGIN_WINDOW_MS + 60_000;
}

describe('login throttle under a concurrent burst', () => {
  it('lets exactly the account limit of wrong passwords through, then throttles even the right one until the window passes', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    // Every request from its own address, so only the account's limit can apply.
    const outcomes = await Promise.all(Array.from({ length: BURST }, (_, i) => outcome(login(member.loginName, WRONG, `10.61.0.${i + 1}`))));
    expect(tally(outcomes)).toEqual({ '401 LOGIN_FAILED': MAX_FAILURES_PER_ACCOUNT, '429 LOGIN_THROTTLED': BURST - MAX_FAILURES_PER_ACCOUNT });
    expectRetryAfter(outcomes);

    const rows = await auditRows(env, member.userId);
    expect(rows.filter((r) => r.action === 'auth.loginFailed')).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(rows.filter((r) => r.action === 'auth.lockout').map((r) => r.after)).toEqual([{ loginName: member.loginName, scope: 'account', minutes: 15 }]);

    const right = await outcome(login(member.loginName, TEST_PASSWORD, '10.61.1.1'));
    expect(right.status).toBe(429);
    expect(right.code).toBe('LOGIN_THROTTLED');

    passLoginWindow();
    expect((await outcome(login(member.loginName, TEST_PASSWORD, '10.61.1.1'))).status).toBe(200);
  });

  it('lets exactly the address limit of failures through for many names, then throttles the address only', async () => {
    const ip = '10.62.0.1';
    const member = await newRegistrant(env.ctx, 'company');
    const outcomes = await Promise.all(Array.from({ length: BURST }, (_, i) => outcome(login(`race-guess-${i}`, WRONG, ip))));
    expect(tally(outcomes)).toEqual({ '401 LOGIN_FAILED': MAX_FAILURES_PER_ADDRESS, '429 LOGIN_THROTTLED': BURST - MAX_FAILURES_PER_ADDRESS });
    expectRetryAfter(outcomes);

    // The right password of an account never tried is refused from that address, not from another.
    expect((await outcome(login(member.loginName, TEST_PASSWORD, ip))).code).toBe('LOGIN_THROTTLED');
    expect((await outcome(login(member.loginName, TEST_PASSWORD, '10.62.0.2'))).status).toBe(200);

    passLoginWindow();
    expect((await outcome(login(member.loginName, TEST_PASSWORD, ip))).status).toBe(200);
  });

  it('throttles checks of the current password on a password change, in a budget of its own', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    const cookie = await loginCookie(env.app, member.loginName, TEST_PASSWORD);
    const change = (currentPassword: string, i: number) =>
      env.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        remoteAddress: `10.63.0.${i + 1}`,
        headers: { cookie },
        payload: { currentPassword, newPassword: 'a brand new secret' },
      });
    const outcomes = await Promise.all(Array.from({ length: BURST }, (_, i) => outcome(change(WRONG, i))));
    expect(tally(outcomes)).toEqual({ '400 PASSWORD_INCORRECT': MAX_FAILURES_PER_ACCOUNT, '429 LOGIN_THROTTLED': BURST - MAX_FAILURES_PER_ACCOUNT });
    expectRetryAfter(outcomes);

    // The right current password is refused too; logging in is not (a stolen session guessing must
    // not lock the owner out), and the address was not counted.
    expect((await outcome(change(TEST_PASSWORD, 100))).code).toBe('LOGIN_THROTTLED');
    expect((await outcome(login(member.loginName, TEST_PASSWORD, '10.63.0.1'))).status).toBe(200);

    passLoginWindow();
    expect((await outcome(change(TEST_PASSWORD, 101))).status).toBe(204);
  });
});
