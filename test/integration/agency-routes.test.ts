import { beforeAll, describe, expect, it } from 'vitest';
import { loginCookie } from '../helpers/app.js';
import { newRegistrant, TEST_PASSWORD, type TestMember } from '../helpers/factories.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { staffSession } from '../helpers/catalog.js';

/**
 * The agency's own routes (`config: { staff: true }`, documented as `x-audience: agency`): a
 * registrant's member gets 403 on every one of them, before validation, whatever the ids or the
 * body. The routes come from the OpenAPI document, so a new agency route is covered at once.
 */

const env = useTestApp(realClock);
let member: TestMember;
let memberCookie: string;

interface Operation {
  'x-audience'?: string;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}

/** Any id: the edge answers before a handler could look it up. */
const SOME_ID = '00000000-0000-4000-8000-000000000000';

function agencyOperations(): { method: string; path: string }[] {
  const doc = env.app.swagger() as unknown as OpenApi;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, op]) => op['x-audience'] === 'agency')
      .map(([method]) => ({ method: method.toUpperCase(), path })),
  );
}

function concrete(path: string): string {
  return path.replace(/\{[^}]+\}/g, SOME_ID);
}

beforeAll(async () => {
  member = await newRegistrant(env.ctx, 'company');
  memberCookie = await loginCookie(env.app, member.loginName, TEST_PASSWORD);
});

describe('agency routes', () => {
  it('are marked in the OpenAPI document', () => {
    const marked = agencyOperations().map((op) => `${op.method} ${op.path}`);
    expect(marked).toEqual(
      expect.arrayContaining([
        'GET /api/v1/review/queue',
        'GET /api/v1/review/todo',
        'GET /api/v1/applications',
        'GET /api/v1/deposits/overview',
        'GET /api/v1/search',
        'GET /api/v1/audit',
        'GET /api/v1/audit.csv',
        'GET /api/v1/registrants/listing',
        'PUT /api/v1/settings/agency',
      ]),
    );
  });

  it('answer 403 FORBIDDEN to a registrant member on every one, with or without a body', async () => {
    const answers: string[] = [];
    for (const op of agencyOperations()) {
      const payloads = op.method === 'GET' || op.method === 'DELETE' ? [undefined] : [undefined, { anything: 'at all' }];
      for (const payload of payloads) {
        const res = await env.app.inject({ method: op.method as 'POST', url: concrete(op.path), headers: { cookie: memberCookie }, ...(payload === undefined ? {} : { payload }) });
        const code = res.statusCode === 403 ? res.json<{ error: { code: string } }>().error.code : String(res.statusCode);
        answers.push(`${op.method} ${op.path} ${code}`);
      }
    }
    expect(answers.filter((a) => !a.endsWith(' FORBIDDEN'))).toEqual([]);
  });

  it('stay open to staff (no 403 from the edge)', async () => {
    const staff = await staffSession(env);
    for (const op of agencyOperations().filter((o) => o.method === 'GET')) {
      const res = await staff.call('GET', concrete(op.path).replace(/^\/api\/v1/, ''));
      expect(res.statusCode, `${op.method} ${op.path}`).not.toBe(403);
    }
  });
});
