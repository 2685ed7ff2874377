import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { buildApp, CONNECTION_IDLE_MS } from '../../src/http/app.js';
import type { AppInstance } from '../../src/http/types.js';
import { testContext } from '../helpers/context.js';
import { openTestDatabase } from '../helpers/db.js';

// A hostile or stalled client that opens a request and then sends nothing (slowloris) must not hold
// its connection forever: the server closes a connection idle for CONNECTION_IDLE_MS (here shortened),
// while a client that keeps sending is served however long it takes.

// Long enough that a loaded CI machine (two cores, suites in parallel) never stalls a slow sender past it.
const IDLE_MS = 1000;
let handle: DatabaseHandle;
let app: AppInstance;
let port = 0;

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildApp({ ctx: testContext(handle), connectionIdleMs: IDLE_MS });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  port = Number(new URL(address).port);
});

afterAll(async () => {
  await app.close();
  await handle.close();
});

/** Opens a raw connection, writes `first`, and resolves with what the server sent and how long until it closed. */
function rawRequest(first: string, trickle?: { bytes: string[]; everyMs: number }): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1', () => socket.write(first));
    let answer = '';
    let timer: NodeJS.Timeout | undefined;
    if (trickle !== undefined) {
      const rest = [...trickle.bytes];
      timer = setInterval(() => {
        const next = rest.shift();
        if (next !== undefined) {
          socket.write(next);
        }
      }, trickle.everyMs);
    }
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
      // Served: close our side, as a client would once it has the answer.
      if (answer.includes('\r\n\r\n') && answer.includes('"')) {
        socket.end();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, closedAfterMs: Date.now() - started });
    });
  });
}

describe('slow clients', () => {
  it('has a production idle limit of two minutes', () => {
    expect(CONNECTION_IDLE_MS).toBe(120_000);
  });

  it('closes a connection whose headers never finish', async () => {
    const { answer, closedAfterMs } = await rawRequest('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    expect(answer).toBe('');
    expect(closedAfterMs).toBeGreaterThanOrEqual(IDLE_MS - 50);
    expect(closedAfterMs).toBeLessThan(IDLE_MS + 3000);
  });

  it('closes a connection whose body stops coming', async () => {
    const body = '{"loginName":"someone","password":"x"}';
    const { closedAfterMs } = await rawRequest(
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 100}\r\n\r\n${body}`,
    );
    expect(closedAfterMs).toBeGreaterThanOrEqual(IDLE_MS - 50);
    expect(closedAfterMs).toBeLessThan(IDLE_MS + 3000);
  });

  it('serves a client that keeps sending, slowly, for longer than the idle limit', async () => {
    const body = '{"loginName":"nobody-here","password":"wrong password"}';
    const pieces = body.match(/.{1,8}/g) ?? [];
    const { answer, closedAfterMs } = await rawRequest(
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n`,
      {
        bytes: pieces,
        everyMs: IDLE_MS / 5,
      },
    );
    expect(closedAfterMs).toBeGreaterThan(IDLE_MS);
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer).toContain('LOGIN_FAILED');
  });
});
