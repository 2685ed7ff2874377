import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import type { AppInstance } from '../../src/http/types.js';
import { API, createAlbum, failed, ok, memberSession, staffSession, type Client, type MemberSession } from '../helpers/catalog.js';
import { realClock, useTestApp } from '../helpers/setup.js';

// The edge of the HTTP server: what every answer carries and how bodies are read, whatever the route.

const env = useTestApp(realClock);
let s: MemberSession;
let staff: Client;

beforeAll(async () => {
  s = await memberSession(env);
  staff = await staffSession(env);
});

/** PATCH /albums/{id} with a raw body; `cookie` null: anonymous. */
function patchAlbum(id: string, body: string | Buffer, contentType: string, cookie: string | null = s.api.cookie) {
  return env.app.inject({ method: 'PATCH', url: `${API}/albums/${id}`, headers: { ...(cookie === null ? {} : { cookie }), 'content-type': contentType }, payload: body });
}

describe('the API reference', () => {
  let logged: { level: number; msg: string }[] = [];
  let app: AppInstance;

  beforeAll(async () => {
    app = await buildApp({ ctx: env.ctx, logger: { level: 'info', stream: { write: (line: string) => logged.push(JSON.parse(line) as { level: number; msg: string }) } } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves its pages and files to an anonymous reader without logging an error', async () => {
    logged = [];
    for (const url of ['/api/docs', '/api/docs/static/index.html', '/api/docs/static/swagger-ui.css', '/api/docs/static/swagger-ui-bundle.js', '/api/openapi.json']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeLessThan(400);
    }
    expect(logged.filter((l) => l.level >= 40)).toEqual([]);
  });
});

describe('Cache-Control', () => {
  it('is no-store on private answers, JSON and files alike', async () => {
    const album = await createAlbum(s.api);
    for (const path of ['/auth/me', '/api-tokens', `/albums/${album.id}`, `/albums/${album.id}/export.xlsx`, '/used-designations.csv?year=2026']) {
      const res = ok(await s.api.call('GET', path));
      expect(res.headers['cache-control'], path).toBe('no-store');
    }
    for (const path of ['/audit', '/audit.csv', '/stats.xlsx?year=2026']) {
      const res = ok(await staff.call('GET', path));
      expect(res.headers['cache-control'], path).toBe('no-store');
    }
  });

  it('is no-store on error answers and public API answers that choose none', async () => {
    const anonymous = await env.app.inject({ method: 'GET', url: `${API}/auth/me` });
    failed(anonymous, 401, 'UNAUTHENTICATED');
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const agency = ok(await env.app.inject({ method: 'GET', url: `${API}/agency` }));
    expect(agency.headers['cache-control']).toBe('no-store');
    const missing = await env.app.inject({ method: 'GET', url: `${API}/no-such-thing` });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('leaves a route’s own choice alone (the API reference’s static files revalidate with their ETag)', async () => {
    const res = ok(await env.app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui.css' }));
    expect(res.headers['cache-control']).not.toBe('no-store');
    const etag = res.headers.etag;
    expect(etag).toBeDefined();
    const again = await env.app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui.css', headers: { 'if-none-match': String(etag) } });
    expect(again.statusCode).toBe(304);
  });
});

describe('anonymous callers of private routes', () => {
  it('are refused before their body is read: 401, not a complaint about the body, and the connection closes', async () => {
    const res = await patchAlbum('00000000-0000-4000-8000-000000000000', '{"title": "not json', 'application/json', null);
    failed(res, 401, 'UNAUTHENTICATED');
    expect(res.headers.connection).toBe('close');
    const huge = await env.app.inject({
      method: 'POST',
      url: `${API}/albums`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) }),
    });
    failed(huge, 401, 'UNAUTHENTICATED');
  });

  it('a revoked or unknown session cookie is still UNAUTHENTICATED, a GET keeps its connection', async () => {
    const res = await env.app.inject({ method: 'GET', url: `${API}/auth/me`, headers: { cookie: 'isrc_session=nosuchsession' } });
    failed(res, 401, 'UNAUTHENTICATED');
    expect(res.headers.connection).not.toBe('close');
  });
});

describe('JSON bodies', () => {
  it('stores UTF-8 text as sent, with or without charset and BOM', async () => {
    const album = await createAlbum(s.api);
    ok(await patchAlbum(album.id, Buffer.from('{"publisher":"Café Records"}', 'utf8'), 'application/json; charset=UTF-8'));
    ok(await patchAlbum(album.id, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"publisher":"Café Records"}', 'utf8')]), 'application/json'));
    const res = ok(await s.api.call('GET', `/albums/${album.id}`));
    expect(res.json<{ publisher: string }>().publisher).toBe('Café Records');
  });

  it('refuses bytes that are not UTF-8 instead of storing U+FFFD', async () => {
    const album = await createAlbum(s.api);
    failed(await patchAlbum(album.id, Buffer.from('{"publisher":"Caf\xe9 Records"}', 'latin1'), 'application/json'), 400, 'MALFORMED_REQUEST');
    const res = ok(await s.api.call('GET', `/albums/${album.id}`));
    expect(JSON.stringify(res.json())).not.toContain('\ufffd');
  });

  it('refuses another declared charset with 415', async () => {
    const album = await createAlbum(s.api);
    failed(await patchAlbum(album.id, Buffer.from('{"publisher":"Caf\xe9 Records"}', 'latin1'), 'application/json; charset=iso-8859-1'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    failed(await patchAlbum(album.id, '{"publisher":"x"}', 'application/json; charset="utf-16"'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('keeps the old protections: prototype keys, empty and broken bodies', async () => {
    const album = await createAlbum(s.api);
    failed(await patchAlbum(album.id, '{"__proto__":{"x":1}}', 'application/json'), 400, 'MALFORMED_REQUEST');
    failed(await patchAlbum(album.id, '{"constructor":{"prototype":{"x":1}}}', 'application/json'), 400, 'MALFORMED_REQUEST');
    failed(await patchAlbum(album.id, '', 'application/json'), 400, 'MALFORMED_REQUEST');
    failed(await patchAlbum(album.id, '{"publisher":', 'application/json'), 400, 'MALFORMED_REQUEST');
    const big = await patchAlbum(album.id, JSON.stringify({ publisher: 'x'.repeat(1024 * 1024) }), 'application/json');
    failed(big, 413, 'BODY_TOO_LARGE');
  });

  it('answers a text/plain body with 415, not a schema complaint', async () => {
    const album = await createAlbum(s.api);
    failed(await patchAlbum(album.id, '{"publisher":"x"}', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});
