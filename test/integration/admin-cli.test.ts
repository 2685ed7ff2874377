/**
 * `npm run admin -- reset-password <login>` as a child process against a real data directory (or,
 * with DATABASE_URL, a PostgreSQL database of its own): the password it prints or takes works, the
 * user must change it, old sessions and a login throttle are gone, and it is audited.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordLoginAttempt } from '../../src/accounts/login-attempts.repo.js';
import { MAX_FAILURES_PER_ACCOUNT } from '../../src/accounts/login-throttle.js';
import { ensureFirstAdmin, FIRST_ADMIN_LOGIN } from '../../src/bootstrap/first-admin.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { buildApp } from '../../src/http/app.js';
import type { AppInstance } from '../../src/http/types.js';
import { loginCookie } from '../helpers/app.js';
import { testContext } from '../helpers/context.js';
import { queryRows } from '../helpers/db.js';
import { newRegistrant, TEST_PASSWORD, type TestMember } from '../helpers/factories.js';
import { realClock } from '../helpers/setup.js';
import { runProgram, scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.js';

const CLI = 'src/bootstrap/admin-cli.ts';
const STDIN_PASSWORD = 'piped in password 1';
const ENV_PASSWORD = 'from the environment 2';

let db: ScratchDatabase;
let member: TestMember;
let oldAdminCookie: string;

interface Open {
  handle: DatabaseHandle;
  app: AppInstance;
  close: () => Promise<void>;
}

async function open(): Promise<Open> {
  const handle = await db.open();
  const app = await buildApp({ ctx: testContext(handle, realClock) });
  await app.ready();
  return {
    handle,
    app,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

async function login(app: AppInstance, loginName: string, password: string) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { loginName, password } });
}

beforeAll(async () => {
  db = await scratchDatabase();
  const { handle, app, close } = await open();
  try {
    const ctx = testContext(handle, realClock);
    const first = await ensureFirstAdmin(ctx, 'the first chief password');
    expect(first.created).toBe(true);
    member = await newRegistrant(ctx, 'company');
    oldAdminCookie = await loginCookie(app, FIRST_ADMIN_LOGIN, 'the first chief password');
    // A forgotten password, tried too often: the account is throttled.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await recordLoginAttempt(handle.db, FIRST_ADMIN_LOGIN, '10.9.8.7', false);
    }
    expect((await login(app, FIRST_ADMIN_LOGIN, 'the first chief password')).statusCode).toBe(429);

    if (db.kind === 'pglite') {
      // A server (here: this process) holds the data directory: the command refuses, saying so.
      const refused = await runProgram(CLI, ['reset-password', FIRST_ADMIN_LOGIN], db.env);
      expect(refused.code, refused.stderr).toBe(1);
      expect(refused.stderr).toContain(`is in use by process ${process.pid}`);
      expect(refused.stderr).toContain('Stop that server first');
      expect(refused.stdout).not.toMatch(/New password/);
    }
  } finally {
    await close();
  }
}, 240_000);

afterAll(async () => {
  await db?.remove();
});

describe('npm run admin -- reset-password', { timeout: 240_000 }, () => {
  let generated = '';

  it('prints a new random password once, and takes one from --password-stdin; refuses unknown logins and bad usage', async () => {
    const reset = await runProgram(CLI, ['reset-password', FIRST_ADMIN_LOGIN], db.env);
    expect(reset.code, reset.stderr).toBe(0);
    const match = /New password, shown only this once: (\S+)/.exec(reset.stdout);
    generated = match?.[1] ?? '';
    expect(generated.length).toBeGreaterThanOrEqual(12);
    expect(reset.stdout.split(generated).length - 1, 'the password appears exactly once').toBe(1);
    expect(reset.stdout).toContain('must change it at the next login');

    const piped = await runProgram(CLI, ['reset-password', member.loginName.toUpperCase(), '--password-stdin'], db.env, `${STDIN_PASSWORD}\n`);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toContain('to the one from standard input');
    expect(piped.stdout).not.toContain(STDIN_PASSWORD);

    const unknown = await runProgram(CLI, ['reset-password', 'nobody-here'], db.env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is no user with the login name "nobody-here"');

    const weak = await runProgram(CLI, ['reset-password', FIRST_ADMIN_LOGIN, '--password-stdin'], db.env, 'short');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('at least 12 characters');
    const common = await runProgram(CLI, ['reset-password', FIRST_ADMIN_LOGIN, '--password-stdin'], db.env, 'password1234');
    expect(common.stderr).toContain('too common');

    const usage = await runProgram(CLI, ['reset-password'], db.env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run admin -- reset-password <login>');
  });

  it('the new passwords work, must be changed first, ended the old sessions and the throttle, and are audited', async () => {
    const { handle, app, close } = await open();
    try {
      const stale = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: oldAdminCookie } });
      expect(stale.statusCode, 'sessions from before the reset are gone').toBe(401);
      expect((await login(app, FIRST_ADMIN_LOGIN, 'the first chief password')).statusCode).toBe(401);

      const adminCookie = await loginCookie(app, FIRST_ADMIN_LOGIN, generated);
      const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: adminCookie } });
      expect(me.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
      const blocked = await app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: adminCookie } });
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json<{ error: { code: string } }>().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

      const memberCookie = await loginCookie(app, member.loginName, STDIN_PASSWORD);
      const memberMe = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: memberCookie } });
      expect(memberMe.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
      expect((await login(app, member.loginName, TEST_PASSWORD)).statusCode).toBe(401);

      const audit = await queryRows(handle, sql`select actor_user_id, after from audit_log where action = 'user.password.reset' order by id`);
      expect(audit).toHaveLength(2);
      for (const row of audit) {
        expect(row.actor_user_id).toBeNull();
        expect(row.after).toMatchObject({ via: 'admin-cli', mustChangePassword: true });
        expect(JSON.stringify(row.after)).not.toContain('passwordHash');
      }
    } finally {
      await close();
    }
  });

  it('takes the password from ISRC_ADMIN_PASSWORD when set', async () => {
    const reset = await runProgram(CLI, ['reset-password', FIRST_ADMIN_LOGIN], { ...db.env, ISRC_ADMIN_PASSWORD: ENV_PASSWORD });
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toContain('to the one from ISRC_ADMIN_PASSWORD');
    expect(reset.stdout).not.toContain(ENV_PASSWORD);
    const { app, close } = await open();
    try {
      expect((await login(app, FIRST_ADMIN_LOGIN, generated)).statusCode).toBe(401);
      const ok = await login(app, FIRST_ADMIN_LOGIN, ENV_PASSWORD);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
    } finally {
      await close();
    }
  });
});
