import { beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { loginCookie } from '../helpers/app.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { newStaff, TEST_PASSWORD } from '../helpers/factories.js';

/**
 * Days that have the YYYY-MM-DD shape but no calendar holds (2026-02-30, month 13, year 0000)
 * reached the database in the audit log, the MARC range export and the review queue, which
 * answered 500. Every day field of the OpenAPI document (found by its shape, so a new one is
 * covered too) must refuse them as VALIDATION_FAILED naming the field, in both languages, and
 * still take a real leap day.
 */

const env = useTestApp(realClock);
const UUID = '00000000-0000-4000-8000-000000000000';
const IMPOSSIBLE_DAYS = ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '9999-99-99', '0000-01-01'];

interface Schema {
  type?: string;
  pattern?: string;
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  $ref?: string;
}
interface Operation {
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface DayField {
  method: string;
  path: string;
  location: 'querystring' | 'body';
  name: string;
}

let doc: OpenApi;
let cookie: string;

function resolve(schema: Schema): Schema {
  return schema.$ref === undefined ? schema : resolve(doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] ?? {});
}

/** A string field whose pattern takes YYYY-MM-DD (whatever else it says about the day). */
function isDay(schema: Schema): boolean {
  const s = resolve(schema);
  if (s.anyOf !== undefined) {
    return s.anyOf.some(isDay);
  }
  return s.type === 'string' && s.pattern !== undefined && new RegExp(s.pattern, 'u').test('2026-01-15') && !new RegExp(s.pattern, 'u').test('2026-01');
}

function dayFields(): DayField[] {
  const found: DayField[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      for (const p of op.parameters ?? []) {
        if (p.in === 'query' && isDay(p.schema)) {
          found.push({ method: method.toUpperCase(), path, location: 'querystring', name: p.name });
        }
      }
      const body = op.requestBody?.content['application/json']?.schema;
      for (const option of body === undefined ? [] : [resolve(body), ...(resolve(body).anyOf ?? []).map(resolve)]) {
        for (const [name, property] of Object.entries(option.properties ?? {})) {
          if (isDay(property)) {
            found.push({ method: method.toUpperCase(), path, location: 'body', name });
          }
        }
      }
    }
  }
  return found;
}

function send(field: DayField, day: string, lang: string): Promise<LightMyRequestResponse> {
  const path = field.path.replace(/\{\w+\}/g, UUID);
  const url = field.location === 'querystring' ? `${path}?${field.name}=${day}` : path;
  return env.app.inject({
    method: field.method as 'GET',
    url,
    headers: { cookie, 'accept-language': lang },
    ...(field.location === 'body' ? { payload: { [field.name]: day } } : {}),
  });
}

interface ErrorJson {
  error: { code: string; message: string; details?: { fields?: { field: string; code: string; message: string }[]; location?: string } };
}

function fieldError(res: LightMyRequestResponse, name: string) {
  const error = res.json<ErrorJson>().error;
  return { code: error.code, field: error.details?.fields?.find((f) => f.field === name) };
}

beforeAll(async () => {
  doc = env.app.swagger() as unknown as OpenApi;
  const admin = await newStaff(env.ctx, 'agency_admin');
  cookie = await loginCookie(env.app, admin.loginName, TEST_PASSWORD);
});

describe('days that do not exist', () => {
  it('finds the day fields of the API (audit, MARC range, review queue, deposits, API tokens)', () => {
    const keys = dayFields().map((f) => `${f.method} ${f.path} ${f.name}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/v1/audit from',
        'GET /api/v1/audit.csv to',
        'GET /api/v1/marc from',
        'GET /api/v1/marc to',
        'GET /api/v1/review/queue submittedFrom',
        'POST /api/v1/albums/{id}/deposits/sent date',
        'POST /api/v1/api-tokens expiresOn',
      ]),
    );
  });

  it('are refused as VALIDATION_FAILED naming the field, never a 5xx', async () => {
    const failures: string[] = [];
    for (const field of dayFields()) {
      for (const day of IMPOSSIBLE_DAYS) {
        const res = await send(field, day, 'zh-TW');
        const { code, field: named } = res.statusCode === 400 ? fieldError(res, field.name) : { code: undefined, field: undefined };
        if (res.statusCode !== 400 || code !== 'VALIDATION_FAILED' || named === undefined) {
          failures.push(`${field.method} ${field.path} ${field.name}=${day} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('say so in both languages', async () => {
    const marcFrom: DayField = { method: 'GET', path: '/api/v1/marc', location: 'querystring', name: 'from' };
    const zh = fieldError(await send(marcFrom, '2026-02-30', 'zh-TW'), 'from').field;
    const en = fieldError(await send(marcFrom, '2026-02-30', 'en'), 'from').field;
    expect(zh).toMatchObject({ code: 'calendarDay', message: '日期不存在，請填寫 YYYY-MM-DD（例如 2026-03-09）。' });
    expect(en).toMatchObject({ code: 'calendarDay', message: 'No such day; use YYYY-MM-DD (e.g. 2026-03-09).' });
  });

  it('still take real days, leap days included', async () => {
    const answers = await Promise.all(
      [
        '/audit?from=2024-02-29&to=2024-03-01',
        '/marc?from=2024-02-29&to=2024-02-29',
        '/review/queue?submittedFrom=2024-02-29&submittedTo=2026-12-31',
        '/audit.csv?from=0001-01-01&to=9999-12-31',
      ].map((q) => env.app.inject({ method: 'GET', url: `/api/v1${q}`, headers: { cookie } })),
    );
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
  });
});
