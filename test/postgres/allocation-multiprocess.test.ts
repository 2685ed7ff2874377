import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { systemClock } from '../../src/shared/clock.js';
import { calendarYearAt } from '../../src/isrc/year.js';
import type { ServiceContext } from '../../src/db/context.js';
import { testContext } from '../helpers/context.js';
import { adminQuery, withDatabase } from '../helpers/db.js';
import { newRegistrant, TEST_PASSWORD, type TestMember } from '../helpers/factories.js';
import { checkAllocations, CLEAN_REPORT, countersOffRequested, countRows, readAllocationState, type Assigned, type Handout } from '../helpers/allocation-invariants.js';
import { MIGRATION_LOCK_KEY } from '../../src/db/client.js';
import { rowsOf } from '../helpers/db.js';
import { closeMigrationGate, type MigrationGate } from './migration-gate.js';
import { freePort, startServer, stopServer, waitHealthy, type ServerProcess } from './server-process.js';

// Three real server processes against one PostgreSQL database: started together on an empty
// database (migrations must run once), then hundreds of allocations spread over all three.

const BASE_URL = process.env.DATABASE_URL;
if (BASE_URL === undefined || !/^postgres(ql)?:\/\//.test(BASE_URL)) {
  throw new Error('test/postgres needs a PostgreSQL server: set DATABASE_URL=postgres://user@host:port/db (these tests never run on PGlite).');
}

const SERVERS = 3;
const ALLOCATIONS = 660;
const IN_FLIGHT = 50;
const CLAIMER_EVERY = 10;
const CLAIMS_PER_SERVER = 2;
const CLAIMED_DESIGNATION = 60_000;
const MIGRATIONS_JOURNAL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/db/migrations/meta/_journal.json');

interface Requester {
  member: TestMember;
  code: string;
  /** One session per server process. */
  cookies: string[];
}
interface Outcome {
  kind: 'allocate' | 'claim';
  requester: Requester;
  count: number;
  status: number;
  body: { isrcs?: Assigned[]; error?: { code: string } };
}

const dbName = `isrc_mp_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const dbUrl = withDatabase(BASE_URL, dbName);
const servers: ServerProcess[] = [];
let handle: DatabaseHandle | undefined;
let ctx: ServiceContext;

/** Seen while the test held the migration lock: servers queued on it, database still empty. */
const atGate = { waiters: 0, migrated: true };

async function lineUpAtGate(gate: MigrationGate, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exited = servers.find((s) => s.exit !== undefined);
    if (exited !== undefined) {
      throw new Error(`server ${exited.baseUrl} exited (${exited.exit ?? ''}) while starting:\n${exited.output()}`);
    }
    atGate.waiters = await gate.waiters();
    if (atGate.waiters >= SERVERS) {
      atGate.migrated = await gate.migrated();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`only ${atGate.waiters} of ${SERVERS} starting servers waited on the migration advisory lock ${MIGRATION_LOCK_KEY}`);
}

beforeAll(async () => {
  await adminQuery(BASE_URL, `create database ${dbName}`);
  const ports = await Promise.all(Array.from({ length: SERVERS }, () => freePort()));
  // All at once against an unmigrated database, held at the migration lock until all three wait.
  const gate = await closeMigrationGate(dbUrl);
  try {
    for (const port of ports) {
      servers.push(startServer({ DATABASE_URL: dbUrl, PORT: String(port), ISRC_ADMIN_PASSWORD: 'multi-process-chief-pw', ISRC_COUNTRY_CODE: 'TW' }));
    }
    await lineUpAtGate(gate, 30_000);
  } finally {
    await gate.release();
  }
  await Promise.all(servers.map((s) => waitHealthy(s, 60_000)));
  handle = await openDatabase({ kind: 'postgres', url: dbUrl, poolSize: 4 });
  ctx = testContext(handle, systemClock); // the servers allocate for the real current year
});

afterAll(async () => {
  await Promise.allSettled(servers.map((s) => stopServer(s)));
  await handle?.close();
  await adminQuery(BASE_URL, `drop database if exists ${dbName} with (force)`);
});

function db(): DatabaseHandle['db'] {
  if (handle === undefined) {
    throw new Error('database not open');
  }
  return handle.db;
}

async function login(server: ServerProcess, loginName: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginName, password: TEST_PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('isrc_session='));
  if (res.status !== 200 || cookie === undefined) {
    throw new Error(`login of ${loginName} on ${server.baseUrl} failed: ${res.status} ${await res.text()}`);
  }
  return cookie;
}

async function requester(member: TestMember, code: string): Promise<Requester> {
  return { member, code, cookies: await Promise.all(servers.map((s) => login(s, member.loginName))) };
}

async function send(kind: Outcome['kind'], r: Requester, serverIndex: number, count: number, payload: Record<string, unknown>): Promise<Outcome> {
  const server = servers[serverIndex % servers.length];
  if (server === undefined) {
    throw new Error('no server');
  }
  const url = `${server.baseUrl}/api/v1/allocations${kind === 'claim' ? '/claim' : ''}`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: r.cookies[serverIndex % servers.length] ?? '' },
    body: JSON.stringify(payload),
  });
  const text = await res.text();
  let body: Outcome['body'];
  try {
    body = JSON.parse(text) as Outcome['body'];
  } catch {
    body = { error: { code: `not JSON: ${text.slice(0, 200)}` } };
  }
  return { kind, requester: r, count, status: res.status, body };
}

/** Runs the tasks with at most `limit` in flight, keeping their order in the result. */
async function runBounded<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < tasks.length; i = next++) {
      const task = tasks[i];
      if (task !== undefined) {
        results[i] = await task();
      }
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe('three server processes on one PostgreSQL database', () => {
  it('migrated the fresh database exactly once while starting together', async () => {
    expect(atGate).toEqual({ waiters: SERVERS, migrated: false });
    const journal = JSON.parse(fs.readFileSync(MIGRATIONS_JOURNAL, 'utf8')) as { entries: unknown[] };
    const applied = rowsOf(await db().execute(sql`select count(*)::int as n, count(distinct hash)::int as distinct_hashes from drizzle.__drizzle_migrations`));
    expect(applied).toEqual([{ n: journal.entries.length, distinct_hashes: journal.entries.length }]);
    const admins = rowsOf(await db().execute(sql`select count(*)::int as n from users where login_name = 'admin'`));
    expect(admins).toEqual([{ n: 1 }]);
    for (const s of servers) {
      expect(s.exit, s.output()).toBeUndefined();
      expect(s.output()).toMatch(new RegExp(`ISRC registry listening on http://[^ ]+:${new URL(s.baseUrl).port}`));
      expect(s.output()).not.toMatch(/error|cannot start/i);
    }
  });

  it('hands out every code once, gap-free, over hundreds of requests spread across the processes', async () => {
    const members: { member: TestMember; code: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const company = await newRegistrant(ctx, 'company'); // one at a time: code suggestion races
      members.push({ member: company, code: company.codes[0] ?? '' });
    }
    // Individuals take pool codes only through 送出審核 (tested in catalog-concurrency); government
    // bodies allocate under their own codes like companies.
    for (let i = 0; i < 2; i++) {
      const government = await newRegistrant(ctx, 'government');
      members.push({ member: government, code: government.codes[0] ?? '' });
    }
    const claimingCompany = await newRegistrant(ctx, 'company');
    const requesters = await Promise.all(members.map((m) => requester(m.member, m.code)));
    const claimer = await requester(claimingCompany, claimingCompany.codes[0] ?? '');

    const year = calendarYearAt(new Date(), 'Asia/Taipei') % 100; // the servers' default agency time zone
    const claimed = `TW-${claimer.code}-${String(year).padStart(2, '0')}-${CLAIMED_DESIGNATION}`;
    const tasks: (() => Promise<Outcome>)[] = [];
    const claimEvery = Math.floor(ALLOCATIONS / (SERVERS * CLAIMS_PER_SERVER));
    let claimsQueued = 0;
    for (let i = 0; i < ALLOCATIONS; i++) {
      const r = i % CLAIMER_EVERY === CLAIMER_EVERY - 1 ? claimer : (requesters[i % requesters.length] ?? claimer);
      const count = 1 + (i % 3);
      const serverIndex = Math.floor(i / requesters.length) % SERVERS;
      tasks.push(() => send('allocate', r, serverIndex, count, { count }));
      if (i % claimEvery === Math.floor(claimEvery / 2)) {
        const serverIndex = claimsQueued++ % SERVERS; // the same code claimed on every server
        tasks.push(() => send('claim', claimer, serverIndex, 1, { isrc: claimed, confirmJump: true }));
      }
    }
    const outcomes = await runBounded(tasks, IN_FLIGHT);

    expect(outcomes.filter((o) => o.status >= 500).map((o) => `${o.status} ${JSON.stringify(o.body)}`)).toEqual([]);
    const allocations = outcomes.filter((o) => o.kind === 'allocate');
    expect(allocations).toHaveLength(ALLOCATIONS);
    expect(allocations.filter((o) => o.status !== 201).map((o) => `${o.status} ${JSON.stringify(o.body)}`)).toEqual([]);
    const claims = outcomes.filter((o) => o.kind === 'claim');
    expect(claims).toHaveLength(SERVERS * CLAIMS_PER_SERVER);
    expect(claims.filter((o) => o.status === 201)).toHaveLength(1);
    expect(new Set(claims.filter((o) => o.status !== 201).map((o) => `${o.status} ${o.body.error?.code ?? ''}`))).toEqual(new Set(['409 ISRC_TAKEN']));

    const handouts: Handout[] = outcomes
      .filter((o) => o.status === 201)
      .map((o) => ({
        registrantId: o.requester.member.registrantId,
        registrantCode: o.requester.code,
        source: o.kind === 'allocate' ? 'system' : 'manual',
        count: o.count,
        isrcs: o.body.isrcs ?? [],
      }));
    const { ledger, counters } = await readAllocationState(db());
    expect(checkAllocations('TW', handouts, ledger, counters)).toEqual(CLEAN_REPORT);
    expect(await countRows(db(), 'isrc_assignments')).toBe(handouts.reduce((n, h) => n + h.isrcs.length, 0));

    // The claimer's counter jumped past its claimed code; every other counter equals what was requested.
    const requests = allocations.filter((o) => o.requester !== claimer).map((o) => ({ registrantCode: o.requester.code, count: o.count }));
    expect(countersOffRequested(requests, counters, year)).toEqual([]);
    const claimerCounter = counters.find((c) => c.registrantCode === claimer.code && c.yearOfReference === year);
    expect(claimerCounter?.lastDesignation).toBeGreaterThan(CLAIMED_DESIGNATION);
    for (const s of servers) {
      expect(s.exit, s.output()).toBeUndefined();
    }
  });
});
