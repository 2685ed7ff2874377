import { beforeAll, describe, expect, it } from 'vitest';
import { loginCookie } from '../helpers/app.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { newRegistrant, TEST_PASSWORD, type TestMember } from '../helpers/factories.js';
import { createAlbum } from '../../src/catalog/albums.service.js';
import { addTrack } from '../../src/catalog/tracks.service.js';
import { listRegistrantCodes } from '../../src/registrants/registrant-codes.service.js';

/**
 * Every API route with an object id, called by registrant A's member with registrant B's ids,
 * must answer 404 — never B's data, never "forbidden" (which would confirm B's object exists).
 * The routes come from the OpenAPI document, so a new route fails here until it is covered.
 */

const env = useTestApp(realClock);
let a: TestMember;
let b: TestMember;
let cookieA: string;

/** A valid body per route, so the call reaches the handler (else validation answers 400 first). */
const SAMPLE_BODIES: Readonly<Record<string, unknown>> = {
  'PATCH /api/v1/registrants/{id}': { name: 'renamed' },
  'POST /api/v1/registrants/{id}/codes': {},
  'POST /api/v1/registrants/{id}/users': { loginName: 'intruder-user', displayName: 'x', password: 'long enough password' },
  'PATCH /api/v1/users/{id}': { displayName: 'renamed' },
  'PATCH /api/v1/albums/{id}': { title: 'taken over' },
  'POST /api/v1/albums/{id}/tracks': { recording: { title: 'intruder' } },
  'POST /api/v1/albums/{id}/tracks/cite': { recordingId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/v1/albums/{id}/return': { reason: 'no' },
  'PATCH /api/v1/albums/{id}/tracks/{trackId}': { title: 'renamed' },
  'PUT /api/v1/albums/{id}/tracks/{trackId}/isrc': { isrc: { mode: 'next' } },
  'PATCH /api/v1/registrant-codes/{id}': { allocatedYear: 2020 },
};

/** B's album with one track, for the album and track routes. */
let albumB: { id: string; trackId: string };
/** The id of B's registrant code. */
let codeB: string;

/** The URL with B's ids in place of `{id}` (and `{trackId}`). */
function urlFor(path: string, owner: TestMember): string {
  if (path.startsWith('/api/v1/registrants/{id}')) {
    return path.replace('{id}', owner.registrantId);
  }
  if (path.startsWith('/api/v1/users/{id}')) {
    return path.replace('{id}', owner.userId);
  }
  if (path.startsWith('/api/v1/albums/{id}')) {
    return path.replace('{id}', albumB.id).replace('{trackId}', albumB.trackId);
  }
  if (path.startsWith('/api/v1/registrant-codes/{id}')) {
    return path.replace('{id}', codeB);
  }
  throw new Error(`isolation test: say which ids ${path} takes (urlFor) and add a sample body if it has one`);
}

interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: unknown }>>;
}

beforeAll(async () => {
  a = await newRegistrant(env.ctx, 'company');
  b = await newRegistrant(env.ctx, 'company');
  cookieA = await loginCookie(env.app, a.loginName, TEST_PASSWORD);
  const album = await createAlbum(env.ctx, b.actor, { releaseType: 'digital' });
  const track = await addTrack(env.ctx, b.actor, album.id, { isrc: { mode: 'next' }, recording: { title: 'B 的歌' } });
  albumB = { id: album.id, trackId: track.id };
  codeB = (await listRegistrantCodes(env.ctx, b.actor, b.registrantId))[0]!.id;
});

function routesWithId(): { method: string; path: string }[] {
  const doc = env.app.swagger() as unknown as OpenApi;
  return Object.entries(doc.paths).flatMap(([path, methods]) => (path.includes('{id}') ? Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })) : []));
}

describe('registrant isolation', () => {
  it('covers at least the registrant and user routes', () => {
    const routes = routesWithId().map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/v1/registrants/{id}',
        'GET /api/v1/registrants/{id}/codes',
        'GET /api/v1/registrants/{id}/users',
        'PATCH /api/v1/users/{id}',
        'GET /api/v1/albums/{id}',
        'DELETE /api/v1/albums/{id}',
        'POST /api/v1/albums/{id}/submit',
        'GET /api/v1/albums/{id}/tracks/{trackId}',
        'DELETE /api/v1/albums/{id}/tracks/{trackId}',
      ]),
    );
  });

  it("answers 404 on every id route for another registrant's objects", async () => {
    const results: string[] = [];
    for (const { method, path } of routesWithId()) {
      const key = `${method} ${path}`;
      const url = urlFor(path, b);
      const hasBody = method === 'POST' || method === 'PATCH' || method === 'PUT';
      const res = await env.app.inject({
        method: method as 'GET',
        url,
        headers: { cookie: cookieA },
        ...(hasBody ? { payload: (SAMPLE_BODIES[key] ?? {}) as Record<string, unknown> } : {}),
      });
      results.push(`${key} → ${res.statusCode}`);
      expect(res.body).not.toContain(b.loginName);
      expect(res.body).not.toContain(b.codes[0] ?? '#none#');
    }
    expect(results.filter((line) => !line.endsWith('→ 404'))).toEqual([]);
  });

  it('still lets A read its own registrant, codes and users', async () => {
    const own = await env.app.inject({ method: 'GET', url: `/api/v1/registrants/${a.registrantId}`, headers: { cookie: cookieA } });
    expect(own.statusCode).toBe(200);
    expect(own.json<{ codes: string[] }>().codes).toEqual(a.codes);
    const users = await env.app.inject({ method: 'GET', url: `/api/v1/registrants/${a.registrantId}/users`, headers: { cookie: cookieA } });
    expect(users.json<{ loginName: string }[]>().map((u) => u.loginName)).toEqual([a.loginName]);
  });

  it('keeps members out of staff lists and allocation for others', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/registrants', headers: { cookie: cookieA } })).statusCode).toBe(403);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: cookieA } })).statusCode).toBe(403);
    const other = await env.app.inject({ method: 'POST', url: '/api/v1/allocations', headers: { cookie: cookieA }, payload: { count: 1, registrantId: b.registrantId } });
    expect(other.statusCode).toBe(404);
    const next = await env.app.inject({ method: 'GET', url: `/api/v1/allocations/next?registrantId=${b.registrantId}`, headers: { cookie: cookieA } });
    expect(next.statusCode).toBe(404);
  });

  it('needs a session for every non-public API route', async () => {
    const doc = env.app.swagger() as unknown as OpenApi;
    const open = new Set(['POST /api/v1/auth/login', 'GET /api/v1/isrc/validate', 'GET /healthz', 'GET /api/v1/vocabularies', 'GET /api/v1/agency']);
    const failures: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        if (open.has(`${method} ${path}`)) {
          continue;
        }
        const res = await env.app.inject({ method: method as 'GET', url: path.replace('{id}', a.registrantId).replace('{trackId}', a.userId), ...(method === 'GET' ? {} : { payload: {} }) });
        if (res.statusCode !== 401) {
          failures.push(`${method} ${path} → ${res.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
