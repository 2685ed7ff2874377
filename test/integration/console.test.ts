/**
 * The server's console, from a real process: one human line per start-up fact first (the generated
 * administrator password among them), then requests logged at `debug` in development so nothing
 * scrolls those lines away, at `info` as JSON in production. Demo mode prints its logins and refuses
 * a database with real registrants. The agency's contact details reach GET /agency from ISRC_AGENCY_*.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistrant } from '../../src/registrants/registrants.service.js';
import { freePort, startServer, stopServer, waitHealthy, type ServerProcess } from '../postgres/server-process.js';
import { testContext } from '../helpers/context.js';
import { runProgram, scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.js';

const AGENCY = {
  ISRC_AGENCY_NAME: '測試國 ISRC 中心',
  ISRC_AGENCY_ADDRESS: '測試市測試路 1 號',
  ISRC_AGENCY_PHONE: '+886 2 0000-0000',
  ISRC_AGENCY_EMAIL: 'isrc@agency.example',
};

let db: ScratchDatabase;
let webDir: string;
const servers: ServerProcess[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function start(env: Record<string, string>): Promise<{ server: ServerProcess; port: number }> {
  const port = await freePort();
  const server = startServer({
    ...db.env,
    PORT: String(port),
    WEB_DIR: webDir,
    LOG_LEVEL: 'info',
    LOG_FORMAT: '',
    ISRC_ADMIN_PASSWORD: '',
    ...AGENCY,
    ...env,
  });
  servers.push(server);
  await waitHealthy(server, 200_000);
  // The start-up lines are printed as soon as the server listens; wait for the last one.
  for (let i = 0; i < 100 && !server.output().includes('Logs: '); i++) {
    await sleep(50);
  }
  return { server, port };
}

/** Waits until the output stops growing, so a late log line would show. */
async function settledOutput(server: ServerProcess): Promise<string> {
  let before = server.output();
  for (;;) {
    await sleep(700);
    const now = server.output();
    if (now === before) {
      return now;
    }
    before = now;
  }
}

beforeAll(async () => {
  db = await scratchDatabase();
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-web-'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>test</title>');
});

afterAll(async () => {
  for (const server of servers) {
    await stopServer(server);
  }
  await db?.remove();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('the console of a running server', { timeout: 300_000 }, () => {
  let adminPassword = '';

  it('development: one line per start-up fact, the password once, and no line per request', async () => {
    const { server, port } = await start({ NODE_ENV: 'development', DEMO: '1' });
    const lines = server.output().trimEnd().split('\n');
    expect(lines[0]).toBe(`ISRC registry listening on http://127.0.0.1:${port}`);
    expect(lines[1]).toBe(
      db.kind === 'pglite'
        ? `Database: embedded PostgreSQL (PGlite) in ${path.join(db.dataDir, 'pg')}; one server process at a time (DATABASE_URL selects a PostgreSQL server)`
        : `Database: PostgreSQL ${(db.env.DATABASE_URL ?? '').replace(/:[^:@/]*@/, '@')}`,
    );
    expect(lines[2]).toBe(`Data directory: ${db.dataDir}`);
    const admin = /^Administrator "admin" created with password (\S+) \(shown only this once; it must be changed at the first login\)$/.exec(lines[3] ?? '');
    expect(admin, lines[3]).not.toBeNull();
    adminPassword = admin?.[1] ?? '';
    expect(lines[4]).toBe(
      'Demo mode, data marked 【示範】 (seeded now): logins demo-company / starlight-demo-2026 (company), demo-individual / lin-xiaohua-demo-2026 (individual), demo-officer / review-desk-demo-2026 (agency officer)',
    );
    expect(lines[5]).toMatch(/^Logs: text at level info; requests at debug \(not shown;/);
    expect(lines, 'nothing else: no JSON, no "Server listening at"').toHaveLength(6);

    const agency = await fetch(`${server.baseUrl}/api/v1/agency`);
    expect(agency.status).toBe(200);
    expect(((await agency.json()) as { contact: unknown }).contact).toEqual({
      name: AGENCY.ISRC_AGENCY_NAME,
      address: AGENCY.ISRC_AGENCY_ADDRESS,
      phone: AGENCY.ISRC_AGENCY_PHONE,
      email: AGENCY.ISRC_AGENCY_EMAIL,
    });
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginName: 'admin', password: adminPassword }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
    const officer = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginName: 'demo-officer', password: 'review-desk-demo-2026' }),
    });
    expect(officer.status).toBe(200);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/api/v1/nothing-here`)).status).toBe(404);

    const after = (await settledOutput(server)).trimEnd().split('\n');
    expect(after, 'requests print nothing at LOG_LEVEL=info in development').toEqual(lines);
    expect(after.join('\n').split(adminPassword).length - 1, 'the password is printed once').toBe(1);
    await stopServer(server);
  });

  it('production: the start-up lines, then one JSON line per request at info', async () => {
    const { server } = await start({ NODE_ENV: 'production' });
    const human = server
      .output()
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('{'));
    expect(human[0]).toMatch(/^ISRC registry listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(human).toContain('Administrator: accounts already exist (a lost password: npm run admin -- reset-password <login>)');
    expect(human.some((l) => l.startsWith('Demo mode'))).toBe(false);
    expect(human[human.length - 1]).toBe('Logs: JSON lines at level info; requests at info');
    const res = await fetch(`${server.baseUrl}/api/v1/agency`);
    expect(res.status).toBe(200);
    const entries = (await settledOutput(server))
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries).toContainEqual(expect.objectContaining({ level: 30, msg: 'request', method: 'GET', url: '/api/v1/agency', statusCode: 200 }));
    expect(
      entries.some((e) => e.msg === 'incoming request' || e.msg === 'request completed'),
      "Fastify's own pair of request lines is off",
    ).toBe(false);
    await stopServer(server);
  });

  it('demo mode refuses a database that holds real registrants, with a clear message', async () => {
    const handle = await db.open();
    try {
      await createRegistrant(testContext(handle), null, { kind: 'company', name: '真實唱片有限公司' });
    } finally {
      await handle.close();
    }
    const refused = await runProgram('src/main.ts', ['--demo'], { ...db.env, PORT: String(await freePort()), HOST: '127.0.0.1', WEB_DIR: webDir, NODE_ENV: 'development' }, '', 200_000);
    expect(refused.code, refused.stdout + refused.stderr).toBe(1);
    expect(refused.stderr).toContain('Cannot start: demo mode refused: this database already holds 1 real (non-demo) registrant,');
    expect(refused.stderr).toContain('Start without --demo');
    expect(refused.stdout).not.toContain('listening on');
  });
});
