import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownPostgresAvailable, PG_BIN, startOwnPostgres, type OwnPostgres } from './own-postgres.js';
import { freePort, startServer, stopServer, waitHealthy, type ServerProcess } from './server-process.js';

// A server against a PostgreSQL of the test's own, which the test stops and starts again; then
// SIGTERM with a request in flight. Never the machine's shared server.

const ADMIN_PASSWORD = 'graceful-chief-password';
const LOGIN_BODY = JSON.stringify({ loginName: 'admin', password: ADMIN_PASSWORD });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let own: OwnPostgres;
let dataDir: string;
const servers: ServerProcess[] = [];

async function serverOn(extra: Record<string, string> = {}): Promise<ServerProcess> {
  const server = startServer({ PORT: String(await freePort()), DATABASE_URL: own.url, DATA_DIR: dataDir, ISRC_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'info', ...extra });
  servers.push(server);
  await waitHealthy(server, 150_000);
  return server;
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) {
      return;
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * A login whose body arrives in two parts: the request is in flight until `finish()` sends the
 * rest. `Expect: 100-continue` makes the server say when it has the request (its 100 Continue), so
 * the signal cannot overtake the request on its way in.
 */
function slowLogin(baseUrl: string): Promise<{ finish: () => void; response: Promise<string> }> {
  const { hostname, port } = new URL(baseUrl);
  const half = Math.floor(LOGIN_BODY.length / 2);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(
        `POST /api/v1/auth/login HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(LOGIN_BODY)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
      );
    });
    const response = new Promise<string>((done) => socket.on('close', () => done(Buffer.concat(chunks).toString())));
    socket.on('data', (b: Buffer) => {
      chunks.push(b);
      if (chunks.length === 1 && b.toString().startsWith('HTTP/1.1 100 ')) {
        socket.write(LOGIN_BODY.slice(0, half));
        resolve({ finish: () => socket.write(LOGIN_BODY.slice(half)), response });
      }
    });
    socket.once('error', reject);
  });
}

async function exitOf(server: ServerProcess, timeoutMs: number): Promise<string> {
  await waitFor('the server to exit', () => server.exit !== undefined, timeoutMs);
  return server.exit ?? '';
}

describe.skipIf(!ownPostgresAvailable())(`graceful failure (PostgreSQL binaries in ${PG_BIN})`, () => {
  beforeAll(async () => {
    own = await startOwnPostgres();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-graceful-'));
  });
  afterAll(async () => {
    for (const server of servers) {
      await stopServer(server, 2000);
    }
    await own?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 DATABASE_UNAVAILABLE while the database is down, and reconnects by itself', async () => {
    const server = await serverOn();
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: LOGIN_BODY });
    expect(login.status, await login.clone().text()).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = () => fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { cookie, 'accept-language': 'en' }, signal: AbortSignal.timeout(30_000) });
    expect((await me()).status).toBe(200);

    await own.stop();
    const down = await me();
    expect(down.status).toBe(503);
    const body: unknown = await down.json();
    expect(body).toEqual({
      error: { code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable for the moment; please try again shortly.', requestId: down.headers.get('x-request-id') },
    });
    expect(down.headers.get('retry-after')).toBe('5');
    const zh = await fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { cookie } });
    expect(await zh.json()).toMatchObject({ error: { message: '資料庫暫時無法連線，請稍後再試。' } });
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not ready', database: 'unreachable' });
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect(server.exit).toBeUndefined();

    await own.start();
    await waitFor('the server to reach the database again', async () => (await me()).status === 200, 60_000);
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
    expect(server.exit).toBeUndefined();
  });

  it('on SIGTERM stops accepting, finishes the request in flight and exits 0', async () => {
    const server = await serverOn();
    const request = await slowLogin(server.baseUrl);
    server.child.kill('SIGTERM');
    await waitFor('the shutdown to begin', () => server.output().includes('shutting down'), 30_000);
    // No new connections once shutdown has begun.
    await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();
    request.finish();
    const response = await request.response;
    expect(response).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
    expect(response).toContain('"loginName":"admin"');
    expect(await exitOf(server, 30_000)).toBe('0');
  });

  it('cuts a request that outlives SHUTDOWN_TIMEOUT_SECONDS and exits 1', async () => {
    const server = await serverOn({ SHUTDOWN_TIMEOUT_SECONDS: '2' });
    const request = await slowLogin(server.baseUrl);
    server.child.kill('SIGTERM');
    // The rest of the body never comes.
    expect(await exitOf(server, 60_000)).toBe('1');
    expect(server.output()).toContain('requests still running after the bound are cut');
    await request.response;
  });
});
