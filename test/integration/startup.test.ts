import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS, seedDemo } from '../../src/bootstrap/demo-seed.js';
import { ensureFirstAdmin, FIRST_ADMIN_LOGIN } from '../../src/bootstrap/first-admin.js';
import { DataDirLockedError, lockDataDir } from '../../src/db/pglite-lock.js';
import { loginCookie } from '../helpers/app.js';
import { realClock, useTestApp } from '../helpers/setup.js';

const env = useTestApp(realClock);

describe('first start', () => {
  it('creates the administrator once, with a generated password that works', async () => {
    const first = await ensureFirstAdmin(env.ctx, undefined);
    expect(first.created).toBe(true);
    expect(first.generatedPassword?.length).toBeGreaterThanOrEqual(12);
    await loginCookie(env.app, FIRST_ADMIN_LOGIN, first.generatedPassword ?? '');
    const second = await ensureFirstAdmin(env.ctx, undefined);
    expect(second).toEqual({ created: false });
  });

  it('seeds demo registrants once, marked as demo, whose users can log in', async () => {
    expect(await seedDemo(env.ctx)).toBe(true);
    expect(await seedDemo(env.ctx)).toBe(false);
    const cookie = await loginCookie(env.app, DEMO_USERS.company.loginName, DEMO_USERS.company.password);
    const me = await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json<{ registrant: { isDemo: boolean; kind: string; name: string } }>().registrant).toMatchObject({ isDemo: true, kind: 'company' });
    const person = await loginCookie(env.app, DEMO_USERS.individual.loginName, DEMO_USERS.individual.password);
    const personMe = await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: person } });
    expect(personMe.json<{ registrant: { kind: string } }>().registrant.kind).toBe('individual');
    const alloc = await env.app.inject({ method: 'POST', url: '/api/v1/allocations', headers: { cookie }, payload: { count: 1 } });
    expect(alloc.statusCode).toBe(201);
  });
});

describe('embedded database lock', () => {
  it('refuses a second holder and takes over a stale lock', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-lock-'));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    fs.writeFileSync(path.join(dir, 'pglite.lock'), '999999999');
    const again = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'pglite.lock'), 'utf8')).toBe(String(process.pid));
    again();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a second server on the same data directory exits with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-lock-'));
    fs.writeFileSync(path.join(dir, 'pglite.lock'), String(process.pid));
    const childEnv = { ...process.env, DATA_DIR: dir, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'silent' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(`is in use by process ${process.pid}`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
