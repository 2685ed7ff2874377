/**
 * `npm run loadtest`: a bounded load test on loopback. It builds the server and starts two compiled
 * app instances (plain `node dist/server/main.js`, as production runs) on a fresh
 * PostgreSQL database (DATABASE_URL's server, default postgres://postgres@127.0.0.1:5432) and nginx
 * with the shipped proxy settings, then drives, in the same run, first one instance directly and then
 * both through nginx with the same mix per connection: log in, list albums, search them, validate an
 * ISRC, create an album, fill it, add two tracks with the next available ISRCs and submit it. It
 * prints throughput, latency p50 / p95 / p99 and errors per phase, the instances' RSS, and then
 * checks that no ISRC was handed out twice and every counter matches the ledger (exit 1 if not).
 * LOADTEST_SECONDS (default 20) per phase, LOADTEST_CONNECTIONS (default 16), LOADTEST_MEMBERS (default 8).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, startServer, stopServer, waitHealthy, type ServerProcess } from '../test/postgres/server-process.js';
import { startNginx } from '../test/postgres/nginx-process.js';
import { adminQuery, withDatabase } from '../test/helpers/db.js';
import { allocationProblems, Tally } from './loadtest-checks.js';

const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.LOADTEST_CONNECTIONS ?? 16);
const MEMBERS = Number(process.env.LOADTEST_MEMBERS ?? 8);
const PG_BASE = process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '' ? process.env.DATABASE_URL : 'postgres://postgres@127.0.0.1:5432/postgres';
const ADMIN_PASSWORD = 'load-test-officer-pass-26';
const MEMBER_PASSWORD = 'load-test-member-phrase-26';

interface LoadContext {
  member: number;
  cookie: string;
  albumId: string;
  /** When the connection's current request was built (one request in flight per connection). */
  sentAt: number;
}

const json = { 'content-type': 'application/json' };
const credits = [{ role: 'performer', names: ['壓力測試樂團'] }];

async function api(base: string, cookie: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: unknown; cookie: string }> {
  const res = await fetch(`${base}/api/v1${url}`, { method, headers: { cookie, ...(body === undefined ? {} : json) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  if (res.status >= 300) {
    throw new Error(`${method} ${url}: ${res.status} ${text}`);
  }
  return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown), cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

/** Companies with a registrant code and one member each, created by the agency through the API. */
async function seedMembers(base: string): Promise<string[]> {
  const admin = (await api(base, '', 'POST', '/auth/login', { loginName: 'admin', password: ADMIN_PASSWORD })).cookie;
  const logins: string[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const r = (await api(base, admin, 'POST', '/registrants', { kind: 'company', name: `壓測唱片 ${i}`, contactPerson: '測試' })).body as { id: string };
    await api(base, admin, 'POST', `/registrants/${r.id}/codes`, {});
    const loginName = `load.member${i}`;
    await api(base, admin, 'POST', `/registrants/${r.id}/users`, { loginName, password: MEMBER_PASSWORD, displayName: `壓測 ${i}` });
    logins.push(loginName);
  }
  return logins;
}

/** A JSON body as bytes: autocannon counts Content-Length in string length, wrong for Chinese text. */
const bodyOf = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

/** Times each request from when it is built to its answer (autocannon reports no p95 of its own). */
function timed(requests: autocannon.Request[], tally: Tally): autocannon.Request[] {
  return requests.map((r) => ({
    ...r,
    setupRequest: (req: autocannon.Request, c: object) => {
      (c as LoadContext).sentAt = performance.now();
      return typeof r.setupRequest === 'function' ? r.setupRequest(req, c) : req;
    },
    onResponse: (status: number, body: string, c: object, headers: autocannon.Request['headers']) => {
      tally.latency(performance.now() - (c as LoadContext).sentAt);
      if (typeof r.onResponse === 'function') {
        r.onResponse(status, body, c, headers);
      }
    },
  }));
}

/** One cycle of a registrant's work; every connection repeats it. */
function mix(logins: readonly string[], tally: Tally): autocannon.Request[] {
  const ctx = (c: object) => c as LoadContext;
  const counted = (kind: string) => (status: number, body: string) => tally.count(kind, status, body);
  const withCookie = (build: (c: LoadContext) => autocannon.Request) => (req: autocannon.Request, c: object) => {
    const next = { ...req, ...build(ctx(c)) };
    return { ...next, headers: { ...(next.body === undefined ? {} : json), cookie: ctx(c).cookie } };
  };
  return [
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      setupRequest: (req, c) => {
        const context = ctx(c);
        context.member = (context.member + 1) % logins.length;
        return { ...req, headers: json, body: Buffer.from(JSON.stringify({ loginName: logins[context.member], password: MEMBER_PASSWORD })) };
      },
      onResponse: (status, body, c, headers) => {
        const setCookie = headers?.['set-cookie'];
        ctx(c).cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0] ?? '';
        tally.count('login', status, body);
      },
    },
    { method: 'GET', setupRequest: withCookie(() => ({ path: '/api/v1/albums?page=1' })), onResponse: counted('album list') },
    { method: 'GET', setupRequest: withCookie(() => ({ path: `/api/v1/albums?page=1&q=${encodeURIComponent('壓力')}` })), onResponse: counted('album search') },
    { method: 'GET', setupRequest: withCookie(() => ({ path: '/api/v1/isrc/validate?code=TW-A01-26-00001' })), onResponse: counted('ISRC validation') },
    {
      method: 'POST',
      setupRequest: withCookie(() => ({ path: '/api/v1/albums', body: bodyOf({ releaseType: 'digital' }) })),
      onResponse: (status, body, c) => {
        ctx(c).albumId = status === 201 ? (JSON.parse(body) as { id: string }).id : '';
        tally.count('album create', status, body);
      },
    },
    {
      method: 'PATCH',
      setupRequest: withCookie((c) => ({
        path: `/api/v1/albums/${c.albumId}`,
        body: bodyOf({ title: '壓力測試專輯', credits, publisher: '測試唱片', releaseDate: '2026.05.01', productionCompany: '測試製作', albumType: 'single' }),
      })),
      onResponse: counted('album fill'),
    },
    ...['一', '二'].map((n): autocannon.Request => ({
      method: 'POST',
      setupRequest: withCookie((c) => ({
        path: `/api/v1/albums/${c.albumId}/tracks`,
        body: bodyOf({ isrc: { mode: 'next' }, recording: { title: `第${n}首`, credits, productionCompany: '測試製作', duration: '0:03:00' } }),
      })),
      onResponse: counted('track with next ISRC'),
    })),
    { method: 'POST', setupRequest: withCookie((c) => ({ path: `/api/v1/albums/${c.albumId}/submit` })), onResponse: counted('submit') },
  ];
}

function rssMb(server: ServerProcess): number {
  const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function phase(label: string, url: string, logins: readonly string[]): Promise<void> {
  const tally = new Tally();
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: timed(mix(logins, tally), tally),
    initialContext: { member: 0, cookie: '', albumId: '', sentAt: 0 },
  });
  const p = tally.percentiles();
  const errors = result.errors + result.timeouts;
  console.log(
    `${label.padEnd(28)} ${(result.requests.total / SECONDS).toFixed(1).padStart(7)} req/s   p50 ${p.p50.padStart(6)} ms   p95 ${p.p95.padStart(6)} ms   p99 ${p.p99.padStart(6)} ms   errors ${errors}, non-2xx ${result.non2xx}`,
  );
  console.log(tally.report('  '));
}

async function main(): Promise<number> {
  const dbName = `isrc_load_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-load-'));
  await adminQuery(PG_BASE, `create database ${dbName}`);
  const dbUrl = withDatabase(PG_BASE, dbName);
  const [pa, pb, pn] = await Promise.all([freePort(), freePort(), freePort()]);
  const shared = { DATABASE_URL: dbUrl, DATA_DIR: dataDir, ISRC_ADMIN_PASSWORD: ADMIN_PASSWORD, TRUST_PROXY: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  const a = startServer({ ...shared, PORT: String(pa) }, { compiled: true });
  const servers = [a];
  try {
    await waitHealthy(a, 180_000);
    const b = startServer({ ...shared, PORT: String(pb) }, { compiled: true });
    servers.push(b);
    await waitHealthy(b, 180_000);
    const nginx = await startNginx(pn, [`127.0.0.1:${pa}`, `127.0.0.1:${pb}`]);
    try {
      console.log(`RSS after start: ${servers.map((s) => `${rssMb(s)} MB`).join(', ')}`);
      const logins = await seedMembers(a.baseUrl);
      console.log(`${CONNECTIONS} connections, ${MEMBERS} registrants, ${SECONDS} s per phase (throughput, latency over every request of the mix)`);
      await phase('one instance', a.baseUrl, logins);
      await phase('two instances behind nginx', nginx.baseUrl, logins);
      console.log(`RSS after the load: ${servers.map((s) => `${rssMb(s)} MB`).join(', ')}`);
    } finally {
      await nginx.stop();
    }
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    try {
      const problems = await allocationProblems(client);
      console.log(problems.length === 0 ? 'ISRCs: none handed out twice; every counter matches the ledger.' : `PROBLEMS:\n  ${problems.join('\n  ')}`);
      return problems.length === 0 ? 0 : 1;
    } finally {
      await client.end();
    }
  } finally {
    await Promise.all(servers.map((s) => stopServer(s)));
    await adminQuery(PG_BASE, `drop database if exists ${dbName} with (force)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
