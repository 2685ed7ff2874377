import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ApplicationResponse } from '../../src/applications/applications.schemas.js';
import { queryRows } from '../helpers/db.js';
import { client, failed, memberSession, ok, staffSession, type Client } from '../helpers/catalog.js';
import { loginCookie } from '../helpers/app.js';
import { newStaff, TEST_PASSWORD, uniqueName } from '../helpers/factories.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { currentYear } from '../../src/db/context.js';

/** An allocated registrant code is never allocated again: the database keeps every code row for good. */
const env = useTestApp(realClock);
let officer: Client;
let admin: Client;

beforeAll(async () => {
  officer = await staffSession(env);
  const a = await newStaff(env.ctx, 'agency_admin');
  admin = client(env, await loginCookie(env.app, a.loginName, TEST_PASSWORD));
});

async function codeRow(code: string): Promise<{ id: string; allocatedYear: number; registrantId: string | null }> {
  const rows = await queryRows(env.handle, sql`select id::text as id, allocated_year, registrant_id::text as registrant_id from registrant_codes where code = ${code}`);
  const row = rows[0];
  if (row === undefined) {
    throw new Error(`no code ${code}`);
  }
  return { id: String(row.id), allocatedYear: Number(row.allocated_year), registrantId: typeof row.registrant_id === 'string' ? row.registrant_id : null };
}

/** The messages of a failed query and its causes (drizzle wraps the driver's error). */
async function refusal(query: ReturnType<typeof sql>): Promise<string> {
  try {
    await queryRows(env.handle, query);
  } catch (err) {
    const messages: string[] = [];
    for (let e: unknown = err; e instanceof Error; e = e.cause) {
      messages.push(e.message);
    }
    return messages.join(' | ');
  }
  return 'no error';
}

describe('registrant_codes_keep (database rule)', () => {
  it('refuses to delete an allocated code or change its code or holder, even directly in SQL', async () => {
    const holder = await memberSession(env);
    const other = await memberSession(env);
    const code = holder.member.codes[0] ?? '';
    expect(await refusal(sql`delete from registrant_codes where code = ${code}`)).toContain('can never be deleted');
    expect(await refusal(sql`update registrant_codes set code = 'ZZ9' where code = ${code}`)).toContain('keeps its code and holder');
    expect(await refusal(sql`update registrant_codes set registrant_id = ${other.member.registrantId}::uuid where code = ${code}`)).toContain('keeps its code and holder');
    expect(await refusal(sql`update registrant_codes set registrant_id = null, is_pool = true where code = ${code}`)).toContain('keeps its code and holder');
    // Deleting the registrant is refused too (the code row holds it), so the code stays allocated.
    expect(await refusal(sql`delete from registrants where id = ${holder.member.registrantId}::uuid`)).not.toBe('no error');
    expect(await codeRow(code)).toMatchObject({ registrantId: holder.member.registrantId });

    // Correcting the year it was allocated is still allowed (administrator, through the API).
    const { id } = await codeRow(code);
    const year = new Date().getUTCFullYear() - 5;
    ok(await admin.call('PATCH', `/registrant-codes/${id}`, { allocatedYear: year }));
    expect((await codeRow(code)).allocatedYear).toBe(year);
  });
});

describe('codes of a suspended registrant', () => {
  it('are never suggested or accepted again', async () => {
    const closed = await memberSession(env, 'company', { codes: 2 });
    ok(await officer.call('PATCH', `/registrants/${closed.member.registrantId}`, { status: 'suspended' }));

    const apply = await env.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      remoteAddress: '10.99.0.1',
      payload: {
        kind: 'company',
        name: uniqueName('新公司'),
        registrationNumber: '04702088',
        contactPerson: '陳大文',
        address: '臺中市',
        phone: '04-1234-5678',
        email: 'new@example.org',
        loginName: uniqueName('new').toLowerCase(),
        password: 'new-company-pass',
      },
    });
    const application = ok(apply, 201).json<ApplicationResponse>();
    const suggested = ok(await officer.call('GET', `/applications/${application.id}/suggested-code`)).json<{ code: string }>().code;
    expect(closed.member.codes).not.toContain(suggested);
    const registrantSuggestion = ok(await officer.call('GET', '/registrant-codes/suggestion')).json<{ code: string }>().code;
    expect(registrantSuggestion).toBe(suggested);

    for (const code of closed.member.codes) {
      failed(await officer.call('POST', `/applications/${application.id}/approve`, { registrantCode: code }), 409, 'REGISTRANT_CODE_TAKEN');
    }
    const approved = ok(await officer.call('POST', `/applications/${application.id}/approve`, {})).json<ApplicationResponse>();
    expect(closed.member.codes).not.toContain(approved.registrantCode);
    expect(approved.registrantCode).toBe(suggested);
    // The suspended registrant still holds its codes.
    for (const code of closed.member.codes) {
      expect((await codeRow(code)).registrantId).toBe(closed.member.registrantId);
    }
  });
});

describe("the allocation year of an approved application's code (配發年份)", () => {
  async function pendingApplication(ip: string): Promise<ApplicationResponse> {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      remoteAddress: ip,
      payload: {
        kind: 'company',
        name: uniqueName('年份唱片'),
        registrationNumber: '04595257',
        contactPerson: '陳大文',
        address: '臺中市',
        phone: '04-1234-5678',
        email: 'year@example.org',
        loginName: uniqueName('year').toLowerCase(),
        password: 'year-company-pass',
      },
    });
    return ok(res, 201).json<ApplicationResponse>();
  }

  it("is the agency's current year unless the officer gives an earlier one; a later year is refused and nothing is created", async () => {
    const year = currentYear(env.ctx);
    const later = await pendingApplication('10.98.0.1');
    const refused = failed(await officer.call('POST', `/applications/${later.id}/approve`, { allocatedYear: year + 1 }), 400, 'VALIDATION_FAILED');
    expect(refused.details?.fields).toEqual([expect.objectContaining({ field: 'allocatedYear', code: 'maximum' })]);
    expect(ok(await officer.call('GET', `/applications/${later.id}`)).json<ApplicationResponse>().status).toBe('pending');
    const nothing = await queryRows(env.handle, sql`select count(*)::int as n from registrants where name = ${later.name}`);
    expect(Number(nothing[0]?.n)).toBe(0);

    const earlier = ok(await officer.call('POST', `/applications/${later.id}/approve`, { allocatedYear: year - 2 })).json<ApplicationResponse>();
    expect((await codeRow(earlier.registrantCode ?? '')).allocatedYear).toBe(year - 2);

    const plain = await pendingApplication('10.98.0.2');
    const approved = ok(await officer.call('POST', `/applications/${plain.id}/approve`, {})).json<ApplicationResponse>();
    expect((await codeRow(approved.registrantCode ?? '')).allocatedYear).toBe(year);
  });
});
