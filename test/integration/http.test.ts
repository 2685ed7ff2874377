import { beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../src/http/app.js';
import { loginCookie } from '../helpers/app.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { newStaff, TEST_PASSWORD } from '../helpers/factories.js';

const env = useTestApp(realClock);
let cookie: string;

interface ErrorJson {
  error: { code: string; message: string; details?: { fields?: { field: string; code: string; message: string }[] } };
}

beforeAll(async () => {
  const staff = await newStaff(env.ctx, 'agency_officer');
  cookie = await loginCookie(env.app, staff.loginName, TEST_PASSWORD);
});

describe('errors', () => {
  it('names every invalid field, with messages in the asked language', async () => {
    const body = { kind: 'label', name: '', email: 'not-an-email', colour: 'red' };
    const zh = await env.app.inject({ method: 'POST', url: '/api/v1/registrants', headers: { cookie }, payload: body });
    expect(zh.statusCode).toBe(400);
    const err = zh.json<ErrorJson>().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toBe('資料有誤，請依各欄位的說明修正。');
    const byField = Object.fromEntries((err.details?.fields ?? []).map((f) => [f.field, f]));
    expect(Object.keys(byField).sort()).toEqual(['colour', 'email', 'kind', 'name']);
    expect(byField.colour).toMatchObject({ code: 'unknownField', message: '不認得的欄位「colour」。' });
    expect(byField.name?.message).toBe('至少需 1 個字元。');
    const en = await env.app.inject({ method: 'POST', url: '/api/v1/registrants', headers: { cookie, 'accept-language': 'en-US' }, payload: body });
    const enFields = en.json<ErrorJson>().error.details?.fields ?? [];
    expect(enFields.find((f) => f.field === 'colour')?.message).toBe('Unknown field "colour".');
  });

  it('reports a missing required field by name', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/registrants', headers: { cookie }, payload: { kind: 'company' } });
    expect(res.json<ErrorJson>().error.details?.fields).toEqual([{ field: 'name', code: 'required', message: '此欄位為必填。' }]);
  });

  it('limits the body size', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/registrants',
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ kind: 'company', name: 'x'.repeat(BODY_LIMIT_BYTES + 10) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json<ErrorJson>().error).toMatchObject({ code: 'BODY_TOO_LARGE', message: '送出的資料過大（上限 1 MB）。' });
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/registrants', headers: { cookie, 'content-type': 'application/json' }, payload: '{"kind": "company",' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorJson>().error.code).toBe('MALFORMED_REQUEST');
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('answers unknown API routes and bad ids with JSON 404/400', async () => {
    const missing = await env.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/json/);
    expect(missing.json<ErrorJson>().error.code).toBe('ROUTE_NOT_FOUND');
    const badId = await env.app.inject({ method: 'GET', url: '/api/v1/registrants/not-a-uuid', headers: { cookie } });
    expect(badId.statusCode).toBe(400);
    expect(badId.json<ErrorJson>().error.details?.fields?.[0]?.field).toBe('id');
    const unknownId = await env.app.inject({ method: 'GET', url: '/api/v1/registrants/00000000-0000-4000-8000-000000000000', headers: { cookie } });
    expect(unknownId.statusCode).toBe(404);
    expect(unknownId.json<ErrorJson>().error).toEqual({ code: 'NOT_FOUND', message: '找不到這筆資料。', requestId: expect.any(String) as unknown });
  });
});

describe('operations', () => {
  it('answers /healthz without the database and checks it in /readyz', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toEqual({ status: 'ok' });
    const ready = await env.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toMatchObject({ status: 'ready', database: 'ok' });
  });

  it('serves the controlled vocabularies with both languages, without a session', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/vocabularies' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ creditRoles: { code: string; zh: string; goldenMelodyRequired: boolean }[]; releaseTypes: { code: string; zh: string; en: string }[] }>();
    expect(body.creditRoles.filter((r) => r.goldenMelodyRequired).map((r) => r.zh)).toEqual(['表演者', '作詞者', '作曲者', '編曲者', '製作人']);
    expect(body.releaseTypes).toEqual([
      { code: 'digital', zh: '數位發行', en: 'Digital release' },
      { code: 'physical', zh: '實體發行', en: 'Physical release' },
    ]);
  });

  it('serves the OpenAPI document and the API reference', async () => {
    const doc = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const json = doc.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(json.openapi).toBe('3.1.0');
    expect(Object.keys(json.paths)).toEqual(expect.arrayContaining(['/api/v1/isrc/validate', '/api/v1/registrants', '/api/v1/allocations']));
    const ui = await env.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });
});
