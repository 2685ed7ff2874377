import { beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { addTrack, completeAlbumFields, completeRecording, createAlbum, memberSession, staffSession, type Client } from '../helpers/catalog.js';
import { realClock, useTestApp } from '../helpers/setup.js';

/**
 * HEAD, OPTIONS and methods no route has (TRACE, PROPFIND, …) on every path of the OpenAPI
 * document, anonymously, as a member and as staff, on the member's own objects and on another
 * registrant's. Never a 5xx; an answer with a body is our error shape; HEAD on another
 * registrant's album is 404 like GET, and HEAD of a readable route answers like its GET.
 */

const env = useTestApp(realClock);
const METHODS = ['HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'PURGE'] as const;

let paths: string[];
let readable: Set<string>;
let member: Client;
let other: Client;
let staff: Client;
let own: { albumId: string; trackId: string };
let foreign: { albumId: string; trackId: string };

async function albumWithTrack(api: Client, title: string) {
  const album = await createAlbum(api, completeAlbumFields(title));
  const track = await addTrack(api, album.id, completeRecording(`${title} 一`), { mode: 'next' });
  return { albumId: album.id, trackId: track.id };
}

function fill(path: string, ids: { albumId: string; trackId: string }): string {
  return path
    .replace('{id}', ids.albumId)
    .replace('{trackId}', ids.trackId)
    .replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
}

function problem(res: LightMyRequestResponse): string | undefined {
  if (res.statusCode >= 500) {
    return `status ${res.statusCode}`;
  }
  if (res.statusCode >= 400 && res.body !== '') {
    try {
      const body = res.json<{ error?: { code?: unknown; message?: unknown } }>();
      return typeof body.error?.code === 'string' && typeof body.error.message === 'string' ? undefined : 'not { error: { code, message } }';
    } catch {
      return 'body is not JSON';
    }
  }
  return undefined;
}

beforeAll(async () => {
  const doc = env.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  paths = Object.keys(doc.paths);
  readable = new Set(paths.filter((p) => doc.paths[p]?.get !== undefined));
  const a = await memberSession(env, 'company');
  const b = await memberSession(env, 'company');
  member = a.api;
  other = b.api;
  staff = await staffSession(env);
  own = await albumWithTrack(member, '自己的');
  foreign = await albumWithTrack(other, '別人的');
});

describe('methods a client may try on any path', () => {
  it('never answer 5xx, and every error body has our shape', async () => {
    expect(paths.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const path of paths) {
      for (const method of METHODS) {
        for (const [who, cookie, ids] of [
          ['anonymous', undefined, own],
          ['member', member.cookie, own],
          ['member on foreign', member.cookie, foreign],
          ['staff', staff.cookie, own],
        ] as const) {
          const url = fill(path, ids);
          const res = await env.app.inject({ method, url, headers: cookie === undefined ? {} : { cookie } });
          const found = problem(res);
          if (found !== undefined) {
            failures.push(`${who} ${method} ${url} → ${found}: ${res.body.slice(0, 200)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('HEAD answers like GET: 200 on own albums, 404 on another registrant’s, 401 anonymously', async () => {
    // Every readable album path but the ones that are 404 until a file exists (cover, audio).
    const albumPaths = [...readable].filter((p) => p.startsWith('/api/v1/albums/{id}') && !p.includes('cover') && !p.includes('audio'));
    expect(albumPaths.length).toBeGreaterThan(5);
    for (const path of albumPaths) {
      const get = await env.app.inject({ method: 'GET', url: fill(path, own), headers: { cookie: member.cookie } });
      const head = await env.app.inject({ method: 'HEAD', url: fill(path, own), headers: { cookie: member.cookie } });
      expect(head.statusCode, `HEAD ${path}`).toBe(get.statusCode);
      expect(head.body, `HEAD ${path}`).toBe('');
      const foreignHead = await env.app.inject({ method: 'HEAD', url: fill(path, foreign), headers: { cookie: member.cookie } });
      expect(foreignHead.statusCode, `HEAD foreign ${path}`).toBe(404);
      const anonymous = await env.app.inject({ method: 'HEAD', url: fill(path, own) });
      expect(anonymous.statusCode, `HEAD anonymous ${path}`).toBe(401);
    }
  });
});

describe('a right address with the wrong method', () => {
  it('answers 405 with the Allow header and our error shape, in the asker’s language', async () => {
    const url = `/api/v1/albums/${own.albumId}`;
    const get = await env.app.inject({ method: 'GET', url, headers: { cookie: member.cookie } });
    expect(get.statusCode).toBe(200);
    const put = await env.app.inject({ method: 'PUT', url, headers: { cookie: member.cookie, 'accept-language': 'en', origin: 'http://localhost' }, payload: {} });
    expect(put.statusCode).toBe(405);
    const allow = String(put.headers.allow).split(', ');
    expect(allow).toEqual(expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PATCH']));
    expect(allow).not.toContain('PUT');
    expect(put.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED', message: expect.stringContaining('Allow header') as unknown, details: { allowed: allow } } });
    const trace = await env.app.inject({ method: 'TRACE', url: '/api/v1/public/isrc-search' });
    expect(trace.statusCode).toBe(405);
    expect(trace.json<{ error: { message: string } }>().error.message).toContain('請求方式');
  });

  it('answers OPTIONS with 204 and the methods, and an unknown address still 404', async () => {
    const options = await env.app.inject({ method: 'OPTIONS', url: '/api/v1/public/isrc-search?q=x' });
    expect(options.statusCode).toBe(204);
    expect(options.body).toBe('');
    expect(String(options.headers.allow).split(', ')).toEqual(['GET', 'HEAD', 'OPTIONS']);
    const nowhere = await env.app.inject({ method: 'PUT', url: '/api/v1/no-such-thing' });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.headers.allow).toBeUndefined();
    expect(nowhere.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });

  it('answers 404, not 405, when a route of the asked method finds nothing (a missing file of the API reference)', async () => {
    for (const url of ['/api/docs/static/no-such-file.js', '/api/docs/static/..%2f..%2fpackage.json']) {
      const res = await env.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
    }
  });
});
