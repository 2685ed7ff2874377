import net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberSession, type MemberSession } from '../helpers/catalog.js';
import { realClock, useTestApp } from '../helpers/setup.js';

/**
 * HTTP/1.1 lets a client name the whole URL in the request line (`GET http://host/path HTTP/1.1`,
 * the absolute form). The router still finds the route; the session, CSRF and role checks must run
 * for it exactly as for `GET /path`.
 */

const env = useTestApp(realClock);
let port = 0;
let member: MemberSession;

beforeAll(async () => {
  member = await memberSession(env, 'company');
  const address = await env.app.listen({ port: 0, host: '127.0.0.1' });
  port = Number(new URL(address).port);
});

function raw(requestLine: string, headers: string[], body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`${requestLine}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${headers.map((h) => `${h}\r\n`).join('')}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
  });
}

describe('a request line naming the whole URL', () => {
  it('is signed in by its session cookie like the short form', async () => {
    const cookie = `Cookie: ${member.api.cookie}`;
    expect(await raw('GET /api/v1/auth/me HTTP/1.1', [cookie])).toMatch(/^HTTP\/1\.1 200 /);
    expect(await raw(`GET http://127.0.0.1:${port}/api/v1/auth/me HTTP/1.1`, [cookie])).toMatch(/^HTTP\/1\.1 200 /);
    expect(await raw(`GET http://127.0.0.1:${port}/api/v1/auth/me HTTP/1.1`, [])).toMatch(/^HTTP\/1\.1 401 /);
  });

  it('is held to the cross-site check like the short form', async () => {
    const headers = [`Cookie: ${member.api.cookie}`, 'Origin: https://evil.example', 'Sec-Fetch-Site: cross-site', 'Content-Type: application/json'];
    for (const target of ['/api/v1/albums', `http://127.0.0.1:${port}/api/v1/albums`]) {
      const answer = await raw(`POST ${target} HTTP/1.1`, headers, '{}');
      expect(answer, target).toMatch(/^HTTP\/1\.1 403 /);
      expect(answer, target).toContain('CROSS_SITE_REQUEST');
    }
  });
});
