import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loginCookie } from '../helpers/app.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { queryRows } from '../helpers/db.js';
import { newRegistrant, newStaff, TEST_PASSWORD, uniqueName } from '../helpers/factories.js';

const env = useTestApp(realClock);
let admin: string;
let officer: string;

interface Json {
  [key: string]: unknown;
}

beforeAll(async () => {
  const a = await newStaff(env.ctx, 'agency_admin');
  admin = await loginCookie(env.app, a.loginName, TEST_PASSWORD);
  const o = await newStaff(env.ctx, 'agency_officer');
  officer = await loginCookie(env.app, o.loginName, TEST_PASSWORD);
});

async function auditCount(entityId: string): Promise<number> {
  const rows = await queryRows(env.handle, sql`select count(*)::int as n from audit_log where entity_id = ${entityId}`);
  return Number(rows[0]?.n ?? -1);
}

describe('registrants', () => {
  it('an officer creates a company, stored as NFC with audit, and finds it by name and code', async () => {
    const decomposed = 'Cafe\u0301 唱片 ' + uniqueName('x');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/registrants',
      headers: { cookie: officer },
      payload: { kind: 'company', name: `  ${decomposed}  `, contactPerson: '王小明', phone: '02-2361-9132', email: 'a@example.org' },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json<{ id: string; name: string; status: string; codes: string[] }>();
    expect(created.name).toBe(decomposed.normalize('NFC'));
    expect(created.status).toBe('active');
    expect(await auditCount(created.id)).toBe(1);

    const code = await env.app.inject({ method: 'POST', url: `/api/v1/registrants/${created.id}/codes`, headers: { cookie: officer }, payload: {} });
    expect(code.statusCode).toBe(201);
    const allocated = code.json<{ code: string; countryCode: string }>();
    expect(allocated.code).toMatch(/^[A-Z0-9]{3}$/);
    expect(allocated.countryCode).toBe('TW');

    const byName = await env.app.inject({ method: 'GET', url: `/api/v1/registrants?q=${encodeURIComponent('café 唱片')}`, headers: { cookie: officer } });
    expect(byName.json<{ items: { id: string }[] }>().items.map((r) => r.id)).toContain(created.id);
    const byCode = await env.app.inject({ method: 'GET', url: `/api/v1/registrants?q=${allocated.code.toLowerCase()}`, headers: { cookie: officer } });
    expect(byCode.json<{ items: { id: string; codes: string[] }[] }>().items).toEqual([expect.objectContaining({ id: created.id, codes: [allocated.code] })]);
  });

  it('suggests the next free code and refuses a duplicate code with a clear message', async () => {
    const first = await newRegistrant(env.ctx, 'company');
    const suggestion = await env.app.inject({ method: 'GET', url: '/api/v1/registrant-codes/suggestion', headers: { cookie: officer } });
    const suggested = suggestion.json<{ code: string }>().code;
    expect(first.codes).not.toContain(suggested);
    const second = await newRegistrant(env.ctx, 'government', { codes: 0 });
    const dup = await env.app.inject({
      method: 'POST',
      url: `/api/v1/registrants/${second.registrantId}/codes`,
      headers: { cookie: officer },
      payload: { code: first.codes[0]?.toLowerCase() },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<{ error: Json }>().error).toMatchObject({ code: 'REGISTRANT_CODE_TAKEN', message: `登記者代碼 ${first.codes[0] ?? ''} 已配發給其他登記者。` });
    const bad = await env.app.inject({
      method: 'POST',
      url: `/api/v1/registrants/${second.registrantId}/codes`,
      headers: { cookie: officer, 'accept-language': 'en' },
      payload: { code: 'A-1' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: { fields: { field: string; message: string }[] } } }>().error.details.fields[0]).toMatchObject({ field: 'code' });
  });

  it('hands out distinct suggested codes to concurrent requests', async () => {
    const companies = [];
    for (let i = 0; i < 5; i++) {
      companies.push(await newRegistrant(env.ctx, 'company', { codes: 0 }));
    }
    const results = await Promise.all(
      companies.map((c) => env.app.inject({ method: 'POST', url: `/api/v1/registrants/${c.registrantId}/codes`, headers: { cookie: officer }, payload: {} })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.json<{ code: string }>().code)).size).toBe(5);
  });

  it('gives individuals no code of their own', async () => {
    const person = await newRegistrant(env.ctx, 'individual');
    const res = await env.app.inject({ method: 'POST', url: `/api/v1/registrants/${person.registrantId}/codes`, headers: { cookie: officer }, payload: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: Json }>().error.code).toBe('REGISTRANT_CODE_NOT_ALLOWED');
  });

  it('creates a member user who can then log in, and refuses a taken login name', async () => {
    const company = await newRegistrant(env.ctx, 'company');
    const loginName = uniqueName('new-user');
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/registrants/${company.registrantId}/users`,
      headers: { cookie: officer },
      payload: { loginName, displayName: '陳小姐', password: 'a long password' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<Json>()).not.toHaveProperty('passwordHash');
    await loginCookie(env.app, loginName.toUpperCase(), 'a long password');
    const again = await env.app.inject({
      method: 'POST',
      url: `/api/v1/registrants/${company.registrantId}/users`,
      headers: { cookie: officer },
      payload: { loginName: loginName.toUpperCase(), displayName: 'x', password: 'a long password' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: Json }>().error.code).toBe('LOGIN_NAME_TAKEN');
  });

  it("checks a user's new e-mail address as when the user was created, and lets it be removed", async () => {
    const company = await newRegistrant(env.ctx, 'company');
    const created = await env.app.inject({
      method: 'POST',
      url: `/api/v1/registrants/${company.registrantId}/users`,
      headers: { cookie: officer },
      payload: { loginName: uniqueName('mail-user'), displayName: '陳小姐', email: 'chen@example.tw', password: 'a long password' },
    });
    expect(created.statusCode).toBe(201);
    const url = `/api/v1/users/${created.json<{ id: string }>().id}`;
    for (const email of ['not an address', 'chen@', '<script>@x']) {
      const bad = await env.app.inject({ method: 'PATCH', url, headers: { cookie: officer }, payload: { email } });
      expect(bad.statusCode, email).toBe(400);
      expect(bad.json<{ error: Json }>().error.code).toBe('VALIDATION_FAILED');
    }
    const changed = await env.app.inject({ method: 'PATCH', url, headers: { cookie: officer }, payload: { email: 'lin@example.tw' } });
    expect(changed.json<Json>()).toMatchObject({ email: 'lin@example.tw' });
    const removed = await env.app.inject({ method: 'PATCH', url, headers: { cookie: officer }, payload: { email: '' } });
    expect(removed.json<Json>()).toMatchObject({ email: '' });
  });

  it('only the administrator manages staff and pool codes', async () => {
    const staffBody = { loginName: uniqueName('officer'), displayName: '承辦人', role: 'agency_officer', password: 'officer password' };
    expect((await env.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: officer }, payload: staffBody })).statusCode).toBe(403);
    expect((await env.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin }, payload: staffBody })).statusCode).toBe(201);
    expect((await env.app.inject({ method: 'POST', url: '/api/v1/settings/pool-codes', headers: { cookie: officer }, payload: {} })).statusCode).toBe(403);
    const pool = await env.app.inject({ method: 'POST', url: '/api/v1/settings/pool-codes', headers: { cookie: admin }, payload: {} });
    expect(pool.statusCode).toBe(201);
    const settings = await env.app.inject({ method: 'GET', url: '/api/v1/settings', headers: { cookie: officer } });
    expect(settings.json<{ countryCode: string; poolCodes: { code: string }[] }>()).toMatchObject({
      countryCode: 'TW',
      poolCodes: expect.arrayContaining([expect.objectContaining({ code: pool.json<{ code: string }>().code })]) as unknown,
    });
  });

  it('keeps the last active administrator from being suspended', async () => {
    const list = await env.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: admin } });
    const admins = list.json<{ id: string; role: string; status: string }[]>().filter((u) => u.role === 'agency_admin' && u.status === 'active');
    expect(admins.length).toBe(1);
    const res = await env.app.inject({ method: 'PATCH', url: `/api/v1/users/${admins[0]?.id ?? ''}`, headers: { cookie: admin }, payload: { status: 'suspended' } });
    expect(res.statusCode).toBe(403);
  });
});
