import { beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { loginCookie } from '../helpers/app.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { newRegistrant, newStaff, TEST_PASSWORD, type TestMember } from '../helpers/factories.js';
import { SESSION_COOKIE } from '../../src/http/auth.js';
import { MAX_PAGE } from '../../src/shared/common.schemas.js';

/**
 * Regression tests for the input rules at the HTTP edge (src/http/text-guard.ts, the paging
 * bounds, the router's own errors) and for the OpenAPI document's security requirements.
 */

const env = useTestApp(realClock);
const API = '/api/v1';
let member: TestMember;
let memberCookie: string;
let staffCookie: string;
let album: { id: string; trackId: string };

interface FieldJson {
  field: string;
  code: string;
  message: string;
}
interface ErrorJson {
  error: { code: string; message: string; details?: { fields?: FieldJson[]; location?: string } };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function call(method: Method, url: string, cookie: string | undefined, payload?: unknown, lang = 'zh-TW'): Promise<LightMyRequestResponse> {
  return env.app.inject({
    method,
    url,
    headers: { 'accept-language': lang, ...(cookie === undefined ? {} : { cookie }) },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** The answer is 400 VALIDATION_FAILED naming exactly `field` (and no 5xx). */
function expectFieldError(res: LightMyRequestResponse, field: string, code?: string): FieldJson {
  expect(res.statusCode, `${res.statusCode} ${res.body}`).toBe(400);
  const err = res.json<ErrorJson>().error;
  expect(err.code).toBe('VALIDATION_FAILED');
  const fields = err.details?.fields ?? [];
  const found = fields.find((f) => f.field === field);
  expect(found, `fields: ${JSON.stringify(fields)}`).toBeDefined();
  if (code !== undefined) {
    expect(found?.code).toBe(code);
  }
  return found as FieldJson;
}

beforeAll(async () => {
  member = await newRegistrant(env.ctx, 'company');
  memberCookie = await loginCookie(env.app, member.loginName, TEST_PASSWORD);
  const staff = await newStaff(env.ctx, 'agency_admin');
  staffCookie = await loginCookie(env.app, staff.loginName, TEST_PASSWORD);
  const created = await call('POST', `${API}/albums`, memberCookie, { releaseType: 'digital' });
  expect(created.statusCode).toBe(201);
  const albumId = created.json<{ id: string }>().id;
  const track = await call('POST', `${API}/albums/${albumId}/tracks`, memberCookie, { isrc: { mode: 'none' }, recording: { title: '歌' } });
  expect(track.statusCode).toBe(201);
  album = { id: albumId, trackId: track.json<{ id: string }>().id };
});

describe('NUL and unpaired surrogates', () => {
  it('refuses them in search queries, naming the field, in both languages', async () => {
    const zh = expectFieldError(await call('GET', `${API}/albums?q=%00`, memberCookie), 'q', 'invalidCharacter');
    expect(zh.message).toBe('含有不允許的字元（U+0000）。');
    const en = expectFieldError(await call('GET', `${API}/albums?q=a%00b`, memberCookie, undefined, 'en'), 'q', 'invalidCharacter');
    expect(en.message).toBe('Contains a character that is not allowed (U+0000).');
    expectFieldError(await call('GET', `${API}/albums?q=%00`, staffCookie), 'q', 'invalidCharacter');
    expectFieldError(await call('GET', `${API}/registrants?q=%00`, staffCookie), 'q', 'invalidCharacter');
    expectFieldError(await call('GET', `${API}/recordings/citable?q=%00`, memberCookie), 'q', 'invalidCharacter');
    expectFieldError(await call('GET', `${API}/isrc/validate?code=TW%00`, undefined), 'code', 'invalidCharacter');
  });

  it('still answers 401 first to an anonymous caller of a non-public route', async () => {
    const res = await call('GET', `${API}/albums?q=%00`, undefined);
    expect(res.statusCode).toBe(401);
    expect(res.json<ErrorJson>().error.code).toBe('UNAUTHENTICATED');
    const body = await call('PATCH', `${API}/albums/${album.id}`, undefined, { title: '\u0000' });
    expect(body.statusCode).toBe(401);
  });

  it('refuses them in the login form (a public route)', async () => {
    expectFieldError(await call('POST', `${API}/auth/login`, undefined, { loginName: '\u0000', password: 'whatever password' }), 'loginName', 'invalidCharacter');
    expectFieldError(await call('POST', `${API}/auth/login`, undefined, { loginName: 'someone', password: 'pass\ud800word' }), 'password', 'invalidCharacter');
  });

  it('refuses a NUL in every text field of the album form', async () => {
    const fields = ['title', 'publisher', 'productionCompany', 'introduction', 'releaseDate', 'totalDuration'];
    for (const field of fields) {
      expectFieldError(await call('PATCH', `${API}/albums/${album.id}`, memberCookie, { [field]: `x\u0000y` }), field, 'invalidCharacter');
    }
    expectFieldError(await call('PATCH', `${API}/albums/${album.id}`, memberCookie, { credits: [{ role: 'performer', names: ['ok', 'a\u0000'] }] }), 'credits.0.names.1', 'invalidCharacter');
    const unchanged = await call('GET', `${API}/albums/${album.id}`, memberCookie);
    expect(unchanged.statusCode).toBe(200);
  });

  it('refuses them in new and edited tracks, with the nested path', async () => {
    const res = expectFieldError(
      await call('POST', `${API}/albums/${album.id}/tracks`, memberCookie, { recording: { title: 'ok', credits: [{ role: 'performer', names: ['甲', '\ud800'] }] } }),
      'recording.credits.0.names.1',
      'invalidCharacter',
    );
    expect(res.message).toBe('含有不允許的字元（U+D800）。');
    expectFieldError(await call('POST', `${API}/albums/${album.id}/tracks`, memberCookie, { recording: { title: '\u0000' } }), 'recording.title', 'invalidCharacter');
    expectFieldError(await call('POST', `${API}/albums/${album.id}/tracks`, memberCookie, { recording: { title: 'low \udc00 alone' } }), 'recording.title', 'invalidCharacter');
    expectFieldError(await call('PATCH', `${API}/albums/${album.id}/tracks/${album.trackId}`, memberCookie, { title: 'a\u0000' }), 'title', 'invalidCharacter');
    expectFieldError(await call('PATCH', `${API}/albums/${album.id}/tracks/${album.trackId}`, memberCookie, { description: '\u0000' }), 'description', 'invalidCharacter');
    expectFieldError(
      await call('PUT', `${API}/albums/${album.id}/tracks/${album.trackId}/isrc`, memberCookie, { isrc: { mode: 'foreign', isrc: 'US\u0000' } }),
      'isrc.isrc',
      'invalidCharacter',
    );
  });

  it('accepts well-formed text outside the Basic Multilingual Plane (surrogate pairs)', async () => {
    const res = await call('PATCH', `${API}/albums/${album.id}/tracks/${album.trackId}`, memberCookie, { title: '𠀀 🎵 歌' });
    expect(res.statusCode).toBe(200);
  });

  it('refuses them in users and registrants', async () => {
    expectFieldError(
      await call('POST', `${API}/users`, staffCookie, { loginName: 'nul-user', displayName: 'a\u0000b', role: 'agency_officer', password: 'long enough password' }),
      'displayName',
      'invalidCharacter',
    );
    expectFieldError(await call('POST', `${API}/registrants`, staffCookie, { kind: 'company', name: '\u0000' }), 'name', 'invalidCharacter');
    expectFieldError(await call('POST', `${API}/registrants`, staffCookie, { kind: 'company', name: 'ok', address: '\ud83d' }), 'address', 'invalidCharacter');
    expectFieldError(await call('PATCH', `${API}/registrants/${member.registrantId}`, staffCookie, { contactPerson: '\u0000' }), 'contactPerson', 'invalidCharacter');
  });

  it('checks object keys and path parameters too', async () => {
    const key = expectFieldError(await call('PATCH', `${API}/albums/${album.id}`, memberCookie, { 'ti\u0000tle': 'x' }), 'ti\ufffdtle', 'invalidCharacter');
    expect(key.message).toContain('U+0000');
    expectFieldError(await call('GET', `${API}/albums/%00`, memberCookie), 'id', 'invalidCharacter');
    expectFieldError(await call('GET', `${API}/albums/${album.id}/tracks/${album.trackId}%00`, memberCookie), 'trackId', 'invalidCharacter');
  });

  it('treats a session cookie with NUL or other odd characters as no session', async () => {
    for (const value of ['%00', 'abc%00def', '%ED%A0%80', 'x'.repeat(101), 'a b', '"quoted"']) {
      const cookie = `${SESSION_COOKIE}=${value}`;
      const me = await call('GET', `${API}/auth/me`, cookie);
      expect(me.statusCode, `${value}: ${me.body}`).toBe(401);
      const open = await call('GET', `${API}/vocabularies`, cookie);
      expect(open.statusCode).toBe(200);
    }
  });
});

describe('paging bounds', () => {
  const lists = [
    { url: `${API}/albums`, cookie: () => memberCookie },
    { url: `${API}/albums`, cookie: () => staffCookie },
    { url: `${API}/registrants`, cookie: () => staffCookie },
  ];

  it('answers 400 naming the field for huge, infinite and non-numbers', async () => {
    for (const { url, cookie } of lists) {
      for (const value of ['Infinity', '-Infinity', '%2BInfinity', 'NaN', '1e308', '1e400', '-1e400', String(MAX_PAGE + 1), '9007199254740993', '0', '-1', '1.5', 'abc', '１']) {
        expectFieldError(await call('GET', `${url}?page=${value}`, cookie()), 'page');
      }
      for (const value of ['Infinity', 'NaN', '1e308', '101', '0']) {
        expectFieldError(await call('GET', `${url}?pageSize=${value}`, cookie()), 'pageSize');
      }
    }
  });

  it('names the bound that was broken, in the asked language', async () => {
    // Digits past what a double holds coerce to ±Infinity; Infinity and 1e308 themselves are not decimal (decimal-numbers.test.ts).
    const inf = expectFieldError(await call('GET', `${API}/albums?page=${'9'.repeat(400)}`, memberCookie, undefined, 'en'), 'page', 'maximum');
    expect(inf.message).toBe(`May not be more than ${MAX_PAGE}.`);
    expectFieldError(await call('GET', `${API}/albums?page=1${'0'.repeat(308)}`, memberCookie), 'page', 'maximum');
    expectFieldError(await call('GET', `${API}/registrants?page=-${'9'.repeat(400)}`, staffCookie), 'page', 'minimum');
    expectFieldError(await call('GET', `${API}/albums?page=Infinity`, memberCookie), 'page', 'type');
  });

  it('still serves the last allowed page', async () => {
    for (const { url, cookie } of lists) {
      const res = await call('GET', `${url}?page=${MAX_PAGE}&pageSize=100`, cookie());
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ items: unknown[]; page: number }>()).toMatchObject({ items: [], page: MAX_PAGE });
    }
  });

  it('bounds an infinite count in a body as well', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: `${API}/allocations`,
      headers: { cookie: memberCookie, 'content-type': 'application/json' },
      payload: '{"count": 1e400}',
    });
    expectFieldError(res, 'count');
  });
});

describe('router errors', () => {
  it('answers bad percent-encoding and over-long path parameters in the error shape', async () => {
    for (const url of [`${API}/albums/%E0%A4%A`, `${API}/albums/%ED%A0%80`, `${API}/albums/${'x'.repeat(1000)}`, `${API}/albums/%zz/tracks/%`]) {
      const res = await call('GET', url, memberCookie);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      const err = res.json<ErrorJson>().error;
      expect(typeof err.code).toBe('string');
      expect(typeof err.message).toBe('string');
      expect(['MALFORMED_REQUEST', 'VALIDATION_FAILED']).toContain(err.code);
    }
  });
});

describe('OpenAPI document', () => {
  interface Operation {
    security?: unknown[];
    parameters?: { name: string; in: string; schema: { maximum?: number; minimum?: number } }[];
  }
  interface Doc {
    security?: unknown[];
    paths: Record<string, Record<string, Operation>>;
  }

  it('documents security [] exactly on the public routes, and the session (or an API token) everywhere else', async () => {
    const doc = env.app.swagger() as unknown as Doc;
    const sessionOrToken = JSON.stringify([{ session: [] }, { bearer: [] }]);
    // Managing API tokens, logging out and changing the password take the session only.
    const sessionOnly = new Set(['GET /api/v1/api-tokens', 'POST /api/v1/api-tokens', 'DELETE /api/v1/api-tokens/{id}', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/password']);
    expect(JSON.stringify(doc.security)).toBe(sessionOrToken);
    const open: string[] = [];
    const wrong: string[] = [];
    const mismatched: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        const documentedOpen = op.security !== undefined && op.security.length === 0;
        if (documentedOpen) {
          open.push(key);
        } else if (JSON.stringify(op.security ?? doc.security) !== (sessionOnly.has(key) ? JSON.stringify([{ session: [] }]) : sessionOrToken)) {
          wrong.push(key);
        }
        // The document and the authentication hook read the same flag: an anonymous call gets 401
        // exactly where the document asks for the session.
        const url = path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await env.app.inject({ method: method.toUpperCase() as Method, url, ...(method === 'get' ? {} : { payload: {} }) });
        if ((res.statusCode === 401 && res.json<ErrorJson>().error.code === 'UNAUTHENTICATED') === documentedOpen) {
          mismatched.push(`${key}: documented ${documentedOpen ? 'public' : 'session'}, answered ${res.statusCode}`);
        }
      }
    }
    expect(open).toEqual(expect.arrayContaining(['GET /api/v1/isrc/validate', 'GET /api/v1/vocabularies', 'GET /healthz', 'POST /api/v1/auth/login']));
    expect(open.filter((key) => !key.startsWith('GET ') && key !== 'POST /api/v1/auth/login' && key !== 'POST /api/v1/applications')).toEqual([]);
    expect(wrong).toEqual([]);
    expect(mismatched).toEqual([]);
  });

  it('documents the paging bounds', () => {
    const doc = env.app.swagger() as unknown as Doc;
    for (const path of ['/api/v1/albums', '/api/v1/registrants']) {
      const params = doc.paths[path]?.get?.parameters ?? [];
      expect(params.find((p) => p.name === 'page')?.schema).toMatchObject({ minimum: 1, maximum: MAX_PAGE });
      expect(params.find((p) => p.name === 'pageSize')?.schema).toMatchObject({ minimum: 1, maximum: 100 });
    }
  });
});
