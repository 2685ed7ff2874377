/**
 * The login throttle across server processes: a burst of wrong passwords spread over three servers
 * on one PostgreSQL database gets exactly the limit through, however the requests interleave.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from '../../src/accounts/login-throttle.js';
import { adminQuery, withDatabase } from '../helpers/db.js';
import { freePort, startServer, stopServer, waitHealthy, type ServerProcess } from './server-process.js';

const BASE_URL = process.env.DATABASE_URL;
if (BASE_URL === undefined || !/^postgres(ql)?:\/\//.test(BASE_URL)) {
  throw new Error('test/postgres needs a PostgreSQL server: set DATABASE_URL=postgres://user@host:port/db (these tests never run on PGlite).');
}

const SERVERS = 3;
const BURST = 40;
const ADMIN_PASSWORD = 'three-instance-keeper-pass-26';
const dbName = `isrc_lt_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-login-throttle-'));
const servers: ServerProcess[] = [];

/** One login through server `i % SERVERS`, from `address` (the servers trust the loopback proxy). */
async function login(i: number, loginName: string, password: string, address: string): Promise<string> {
  const server = servers[i % SERVERS];
  if (server === undefined) {
    throw new Error('servers not started');
  }
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ loginName, password }),
  });
  const body = (await res.json()) as { error?: { code: string } };
  return `${res.status} ${body.error?.code ?? ''}`;
}

function tally(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    counts[o] = (counts[o] ?? 0) + 1;
  }
  return counts;
}

beforeAll(async () => {
  await adminQuery(BASE_URL, `create database ${dbName}`);
  const shared = { DATABASE_URL: withDatabase(BASE_URL, dbName), DATA_DIR: dataDir, ISRC_ADMIN_PASSWORD: ADMIN_PASSWORD, TRUST_PROXY: '127.0.0.1' };
  for (let i = 0; i < SERVERS; i++) {
    // One after the other: the first migrates, the rest start on a migrated database.
    const server = startServer({ ...shared, PORT: String(await freePort()) });
    servers.push(server);
    await waitHealthy(server, 150_000);
  }
}, 330_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => stopServer(s)));
  await adminQuery(BASE_URL, `drop database if exists ${dbName} with (force)`);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('login throttle over several server processes', () => {
  it('lets exactly the account limit through a concurrent burst, then refuses the right password', async () => {
    const outcomes = await Promise.all(Array.from({ length: BURST }, (_, i) => login(i, 'admin', 'certainly not the password', `10.71.0.${i + 1}`)));
    expect(tally(outcomes)).toEqual({ '401 LOGIN_FAILED': MAX_FAILURES_PER_ACCOUNT, '429 LOGIN_THROTTLED': BURST - MAX_FAILURES_PER_ACCOUNT });
    expect(await login(0, 'admin', ADMIN_PASSWORD, '10.71.1.1')).toBe('429 LOGIN_THROTTLED');
  });

  it('lets exactly the address limit through a concurrent burst over many names', async () => {
    const outcomes = await Promise.all(Array.from({ length: BURST }, (_, i) => login(i, `race-guess-${i}`, 'x', '10.72.0.1')));
    expect(tally(outcomes)).toEqual({ '401 LOGIN_FAILED': MAX_FAILURES_PER_ADDRESS, '429 LOGIN_THROTTLED': BURST - MAX_FAILURES_PER_ADDRESS });
  });
});
