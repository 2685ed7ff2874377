import { beforeAll, describe, expect, it } from 'vitest';
import { loginCookie } from '../helpers/app.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { newRegistrant, TEST_PASSWORD, type TestMember } from '../helpers/factories.js';
import { createAlbum } from '../../src/catalog/albums.service.js';
import { addTrack } from '../../src/catalog/tracks.service.js';
import { listRegistrantCodes } from '../../src/registrants/registrant-codes.service.js';
import { createChangeRequest } from '../../src/change-requests/change-requests.service.js';
import { withTransaction } from '../../src/db/tx.js';
import { notify } from '../../src/notifications/notify.service.js';
import { listMyNotifications } from '../../src/notifications/notifications.service.js';
import { createApiToken } from '../../src/api-tokens/api-tokens.service.js';
import { insertImportPreview } from '../../src/import/import.repo.js';

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
  'POST /api/v1/applications/{id}/approve': {},
  'POST /api/v1/applications/{id}/reject': { reason: 'no' },
  'POST /api/v1/albums/{id}/deposits/sent': { copies: 1, date: '2026-01-01' },
  'POST /api/v1/albums/{id}/deposits/received': { copies: 1, date: '2026-01-01' },
  'POST /api/v1/albums/{id}/deposits/corrections': { eventId: '00000000-0000-4000-8000-000000000000', reason: 'x' },
  'POST /api/v1/change-requests/{id}/reject': { reason: 'no' },
};

/** Upload routes get a real multipart body (a PNG), so the answer is about the object, not the content type. */
const MULTIPART_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/v1/change-requests/{id}/attachment',
  'PUT /api/v1/albums/{id}/cover',
  'PUT /api/v1/albums/{id}/tracks/{trackId}/audio',
  'POST /api/v1/albums/{id}/audio/batch',
]);
const BOUNDARY = 'isolation-boundary';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SAMPLE_PNG_UPLOAD = Buffer.concat([
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="scan.png"\r\nContent-Type: image/png\r\n\r\n`),
  PNG_SIGNATURE,
  Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
]);

/** B's album with one track, for the album and track routes. */
let albumB: { id: string; trackId: string };
/** The id of B's registrant code. */
let codeB: string;
/** An application that made a registrant (its id is no member's business). */
let applicationB: string;
/** B's pending 出版者資料異動申請. */
let changeRequestB: string;
/** One of B's member's notifications. */
let notificationB: string;
/** B's member's API token (revoking it is its owner's business only). */
let apiTokenB: string;

/** B's member's 專輯匯入 preview. */
let importPreviewB: string;

/** The URL with B's ids in place of `{id}` (and `{trackId}`). */
function urlFor(path: string, owner: TestMember): string {
  if (path.startsWith('/api/v1/registrants/{id}')) {
    return path.replace('{id}', owner.registrantId);
  }
  if (path.startsWith('/api/v1/users/{id}')) {
    return path.replace('{id}', owner.userId);
  }
  if (path.startsWith('/api/v1/albums/{id}') || path === '/api/v1/review/albums/{id}') {
    return path.replace('{id}', albumB.id).replace('{trackId}', albumB.trackId);
  }
  if (path.startsWith('/api/v1/registrant-codes/{id}')) {
    return path.replace('{id}', codeB);
  }
  if (path.startsWith('/api/v1/applications/{id}')) {
    return path.replace('{id}', applicationB);
  }
  if (path.startsWith('/api/v1/change-requests/{id}')) {
    return path.replace('{id}', changeRequestB);
  }
  if (path.startsWith('/api/v1/api-tokens/{id}')) {
    return path.replace('{id}', apiTokenB);
  }
  if (path.startsWith('/api/v1/import/previews/{id}')) {
    return path.replace('{id}', importPreviewB);
  }
  if (path.startsWith('/api/v1/notifications/{id}')) {
    return path.replace('{id}', notificationB);
  }
  if (path.startsWith('/api/v1/uploads/{id}')) {
    // A resumable upload's id (this app has no staging, so none of B's can exist; track-audio-tus.test.ts has B's).
    return path.replace('{id}', '0123456789abcdef0123456789abcdef');
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
  changeRequestB = (await createChangeRequest(env.ctx, b.actor, { changes: [{ field: 'address', after: 'B 的新地址' }], reason: 'B 搬遷' })).id;
  const applied = await env.app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    payload: { kind: 'individual', name: 'B 申請', address: '臺北市', phone: '02-1234-5678', email: 'b@example.org', loginName: 'isolation-applicant', password: 'applicant-pass-1' },
  });
  applicationB = applied.json<{ id: string }>().id;
  await withTransaction(env.ctx, (tx) =>
    notify(tx, { kind: 'album.approved', audience: { registrantId: b.registrantId }, albumId: album.id, params: { albumNumber: 1, title: 'B 的專輯' } }),
  );
  notificationB = (await listMyNotifications(env.ctx, b.actor, {}, 'zh-TW')).items[0]!.id;
  apiTokenB = (await createApiToken(env.ctx, b.actor, { name: 'B 的權杖' })).id;
  const emptyPreview = { version: 1, nextAvailable: false, drafts: { album: null, tracks: [], albumHeadings: {}, trackHeadings: {} }, problems: [], written: [] };
  importPreviewB = (
    await insertImportPreview(env.ctx.db, {
      registrantId: b.registrantId,
      userId: b.userId,
      kind: 'album',
      fileName: 'b.xlsx',
      payload: emptyPreview,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
  ).id;
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
      const upload = MULTIPART_ROUTES.has(key);
      const res = await env.app.inject({
        method: method as 'GET',
        url,
        headers: { cookie: cookieA, ...(upload ? { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } : {}) },
        ...(upload ? { payload: SAMPLE_PNG_UPLOAD } : hasBody ? { payload: (SAMPLE_BODIES[key] ?? {}) as Record<string, unknown> } : {}),
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
    const open = new Set([
      'POST /api/v1/auth/login',
      'POST /api/v1/applications',
      'GET /api/v1/isrc/validate',
      'GET /healthz',
      'GET /readyz',
      'GET /api/v1/vocabularies',
      'GET /api/v1/agency',
      'GET /api/v1/public/isrc-search',
    ]);
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
