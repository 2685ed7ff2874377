import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { buildApp } from '../../src/http/app.js';
import { BODY_DEADLINE_MS } from '../../src/http/body-deadline.js';
import type { AppInstance } from '../../src/http/types.js';
import { testContext } from '../helpers/context.js';
import { openTestDatabase } from '../helpers/db.js';

// Bodies that trickle in (slowloris on bodies), anonymous callers that announce a body, Expect:
// 100-continue, and requests Node itself cannot read. Limits shortened: the body deadline to
// DEADLINE_MS, the idle limit kept long so that only the deadline can end a trickling client.

const DEADLINE_MS = 1000;
const IDLE_MS = 20_000;
let handle: DatabaseHandle;
let app: AppInstance;
let port = 0;

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildApp({ ctx: testContext(handle), connectionIdleMs: IDLE_MS, bodyDeadlineMs: DEADLINE_MS });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  port = Number(new URL(address).port);
});

afterAll(async () => {
  await app.close();
  await handle.close();
});

interface Exchange {
  answer: string;
  closedAfterMs: number;
  /** Milliseconds until the first byte of the answer, or -1. */
  firstByteAfterMs: number;
}

/**
 * Opens a raw connection, writes `first`, then one piece of `trickle` every `everyMs` (while the
 * socket is open), and resolves with what the server sent once it closed (or after `giveUpMs`).
 * `onData` may write more (an answer to 100 Continue).
 */
function exchange(
  first: string | Buffer,
  options: { trickle?: string[]; everyMs?: number; giveUpMs?: number; onData?: (answer: string, socket: net.Socket) => void } = {},
): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let firstByteAfterMs = -1;
    const socket = net.connect(port, '127.0.0.1', () => socket.write(first));
    let answer = '';
    const rest = [...(options.trickle ?? [])];
    const timer = setInterval(() => {
      const next = rest.shift();
      if (next !== undefined && !socket.destroyed) {
        socket.write(next);
      }
    }, options.everyMs ?? 100);
    const giveUp = setTimeout(() => socket.destroy(), options.giveUpMs ?? IDLE_MS / 2);
    socket.on('data', (chunk: Buffer) => {
      if (firstByteAfterMs < 0) {
        firstByteAfterMs = Date.now() - started;
      }
      answer += chunk.toString('latin1');
      options.onData?.(answer, socket);
    });
    socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' || err.code === 'EPIPE' ? undefined : reject(err)));
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ answer, closedAfterMs: Date.now() - started, firstByteAfterMs });
    });
  });
}

/** `count` one-character writes of `char`. */
const bytes = (char: string, count: number): string[] => Array.from({ length: count }, () => char);

const login = (extra = '', length = 200) => `POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n${extra}\r\n`;

function errorOf(answer: string): { code: string; message: string } {
  const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
  return (JSON.parse(body) as { error: { code: string; message: string } }).error;
}

describe('the body deadline', () => {
  it('is 30 seconds in production', () => {
    expect(BODY_DEADLINE_MS).toBe(30_000);
  });

  it('answers 408 and closes a JSON body that trickles past it, though the client never goes idle', async () => {
    const { answer, closedAfterMs } = await exchange(`${login()}{"loginName":"`, { trickle: bytes('a', 100), everyMs: 100 });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(errorOf(answer).code).toBe('REQUEST_TIMEOUT');
    expect(closedAfterMs).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(closedAfterMs).toBeLessThan(DEADLINE_MS + 2000);
  });

  it('serves a body that arrives in time', async () => {
    const body = '{"loginName":"nobody-here","password":"wrong password"}';
    const { answer } = await exchange(`${login('Connection: close\r\n', body.length)}${body.slice(0, 10)}`, { trickle: body.slice(10).match(/.{1,4}/g) ?? [], everyMs: 5 });
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(errorOf(answer).code).toBe('LOGIN_FAILED');
  });

  it('closes the connection of a refused request whose body keeps trickling (a type no route reads)', async () => {
    const head = 'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: 100000\r\n\r\n<a>';
    const { answer, closedAfterMs } = await exchange(head, { trickle: bytes('b', 200), everyMs: 100 });
    expect(answer).toMatch(/^HTTP\/1\.1 415 /);
    expect(closedAfterMs).toBeLessThan(DEADLINE_MS + 2000);
  });

  it('discards a refused body sent in full, and the connection serves the next request', async () => {
    const refused = `POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: 200000\r\n\r\n${'x'.repeat(200_000)}`;
    const next = 'GET /api/v1/agency HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';
    const { answer, closedAfterMs } = await exchange(refused + next);
    expect(answer).toMatch(/^HTTP\/1\.1 415 /);
    expect(answer).toContain('HTTP/1.1 200 OK');
    expect(closedAfterMs).toBeLessThan(DEADLINE_MS);
  });
});

describe('an anonymous caller of a private route', () => {
  it('is refused at once, before its body, and the connection closes', async () => {
    const head = 'POST /api/v1/albums HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500000\r\n\r\n{"title":"';
    const { answer, firstByteAfterMs, closedAfterMs } = await exchange(head, { trickle: bytes('c', 200), everyMs: 100 });
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(errorOf(answer).code).toBe('UNAUTHENTICATED');
    expect(firstByteAfterMs).toBeLessThan(DEADLINE_MS / 2);
    expect(closedAfterMs).toBeLessThan(DEADLINE_MS + 2000);
  });

  it('is not told 100 Continue: the refusal comes first', async () => {
    const head = 'POST /api/v1/albums HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 50\r\nExpect: 100-continue\r\n\r\n';
    const { answer } = await exchange(head);
    expect(answer).not.toContain('100 Continue');
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
  });

  it('while a public route still answers 100 Continue and reads the body', async () => {
    const body = '{"loginName":"nobody-here","password":"wrong password"}';
    let sent = false;
    const { answer } = await exchange(login('Expect: 100-continue\r\nConnection: close\r\n', body.length), {
      onData: (got, socket) => {
        if (!sent && got.startsWith('HTTP/1.1 100 Continue\r\n\r\n')) {
          sent = true;
          socket.write(body);
        }
      },
    });
    expect(answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 401 /);
    expect(answer).toContain('LOGIN_FAILED');
  });
});

describe('requests Node cannot read', () => {
  it('are answered in the API error shape, with security headers, and closed', async () => {
    const requests = [
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n',
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      'GET /api/v1/agency HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: one\r\n two\r\n\r\n',
      'GET /api/v1/agency HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: a\0b\r\n\r\n',
    ];
    for (const request of requests) {
      const { answer } = await exchange(request);
      expect(answer, request).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer.toLowerCase()).toContain('x-content-type-options: nosniff');
      expect(answer.toLowerCase()).toContain('connection: close');
      expect(errorOf(answer)).toMatchObject({ code: 'MALFORMED_REQUEST', message: 'The request body could not be read.' });
    }
  });

  it('answers headers over Node’s limit with 431 HEADERS_TOO_LARGE', async () => {
    const { answer } = await exchange(`GET /api/v1/agency HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(errorOf(answer).code).toBe('HEADERS_TOO_LARGE');
  });
});
