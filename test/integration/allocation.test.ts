import { describe, expect, it } from 'vitest';
import { allocateIsrcs } from '../../src/allocation/allocation.service.js';
import { isAppError } from '../../src/shared/errors.js';
import { queryRows } from '../helpers/db.js';
import { sql } from 'drizzle-orm';
import { loginCookie } from '../helpers/app.js';
import { useTestApp } from '../helpers/setup.js';
import { ensurePoolCode, newRegistrant, newStaff, TEST_PASSWORD } from '../helpers/factories.js';

const env = useTestApp();

interface Assigned {
  isrc: string;
  display: string;
  designation: number;
}
interface ErrorJson {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

async function ledgerCount(): Promise<number> {
  const rows = await queryRows(env.handle, sql`select count(*)::int as n from isrc_assignments`);
  return Number(rows[0]?.n);
}

async function allocate(cookie: string, payload: Record<string, unknown>) {
  return env.app.inject({ method: 'POST', url: '/api/v1/allocations', headers: { cookie }, payload });
}
async function claim(cookie: string, isrc: string, lang = 'zh-TW') {
  return env.app.inject({ method: 'POST', url: '/api/v1/allocations/claim', headers: { cookie, 'accept-language': lang }, payload: { isrc } });
}

describe('system allocation', () => {
  it('gives a company consecutive codes under its own registrant code for the current year', async () => {
    const company = await newRegistrant(env.ctx, 'company');
    const cookie = await loginCookie(env.app, company.loginName, TEST_PASSWORD);
    const first = await allocate(cookie, { count: 3 });
    expect(first.statusCode).toBe(201);
    const code = company.codes[0] ?? '';
    expect(first.json<{ isrcs: Assigned[] }>().isrcs).toEqual([
      { isrc: `TW${code}2600001`, display: `TW-${code}-26-00001`, designation: 1 },
      { isrc: `TW${code}2600002`, display: `TW-${code}-26-00002`, designation: 2 },
      { isrc: `TW${code}2600003`, display: `TW-${code}-26-00003`, designation: 3 },
    ]);
    const next = await env.app.inject({ method: 'GET', url: '/api/v1/allocations/next', headers: { cookie } });
    expect(next.json<{ display: string }>().display).toBe(`TW-${code}-26-00004`);
  });

  it('refuses individuals direct allocation from the pool: 403, and nothing is handed out', async () => {
    const [pool] = await ensurePoolCode(env.ctx);
    const person = await newRegistrant(env.ctx, 'individual');
    const cookie = await loginCookie(env.app, person.loginName, TEST_PASSWORD);
    const before = await ledgerCount();
    const res = await allocate(cookie, { count: 1000 });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorJson>().error.code).toBe('ALLOCATION_NOT_ALLOWED');
    expect(res.json<ErrorJson>().error.message).toContain('送出審核');
    const next = await env.app.inject({ method: 'GET', url: '/api/v1/allocations/next', headers: { cookie } });
    expect(next.statusCode).toBe(403);
    expect(next.json<ErrorJson>().error.code).toBe('ALLOCATION_NOT_ALLOWED');
    const claimed = await claim(cookie, `TW${pool ?? ''}2600777`);
    expect(claimed.statusCode).toBe(403);
    expect(claimed.json<ErrorJson>().error.code).toBe('ALLOCATION_NOT_ALLOWED');
    expect(await ledgerCount()).toBe(before);
    // Staff acting for the individual are refused the same way: pool codes come only with 送出審核.
    const staff = await newStaff(env.ctx);
    const onBehalf = await allocate(await loginCookie(env.app, staff.loginName, staff.password), { count: 1, registrantId: person.registrantId });
    expect(onBehalf.statusCode).toBe(403);
    expect(await ledgerCount()).toBe(before);
  });

  it("uses only the company's own codes", async () => {
    const company = await newRegistrant(env.ctx, 'company', { codes: 2 });
    const other = await newRegistrant(env.ctx, 'company');
    const cookie = await loginCookie(env.app, company.loginName, TEST_PASSWORD);
    const second = await allocate(cookie, { count: 1, registrantCode: company.codes[1]?.toLowerCase() });
    expect(second.json<{ isrcs: Assigned[] }>().isrcs[0]?.isrc.slice(2, 5)).toBe(company.codes[1]);
    const foreign = await allocate(cookie, { count: 1, registrantCode: other.codes[0] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<ErrorJson>().error.code).toBe('ISRC_NOT_OWN_CODE');
    // No ISRC is named when only a registrant code was asked for.
    expect(foreign.json<ErrorJson>().error.message).toBe(`登記者代碼 ${other.codes[0]!} 不屬於您的單位。`);
  });

  it('refuses a company without a code and staff who do not name a registrant', async () => {
    const bare = await newRegistrant(env.ctx, 'government', { codes: 0 });
    await expect(allocateIsrcs(env.ctx, bare.actor, { count: 1 })).rejects.toSatisfy((e) => isAppError(e, 'NO_REGISTRANT_CODE'));
    const staff = await newStaff(env.ctx, 'agency_officer');
    await expect(allocateIsrcs(env.ctx, staff.actor, { count: 1 })).rejects.toSatisfy((e) => isAppError(e, 'VALIDATION_FAILED'));
    const company = await newRegistrant(env.ctx, 'company');
    const onBehalf = await allocateIsrcs(env.ctx, staff.actor, { count: 1, registrantId: company.registrantId });
    expect(onBehalf[0]?.isrc.slice(2, 5)).toBe(company.codes[0]);
  });

  it('refuses counts outside 1..1000', async () => {
    const company = await newRegistrant(env.ctx, 'company');
    const cookie = await loginCookie(env.app, company.loginName, TEST_PASSWORD);
    expect((await allocate(cookie, { count: 0 })).statusCode).toBe(400);
    expect((await allocate(cookie, { count: 1001 })).statusCode).toBe(400);
  });
});

describe('a company entering its own code', () => {
  it('accepts any spelling of a free code under its own registrant code, and moves "next available" past it', async () => {
    const company = await newRegistrant(env.ctx, 'company', { allocatedYear: 2025 }); // so a code of 2025 is possible
    const code = company.codes[0] ?? '';
    const cookie = await loginCookie(env.app, company.loginName, TEST_PASSWORD);
    const res = await claim(cookie, `isrc: tw-${code.toLowerCase()}-25-00042`);
    expect(res.statusCode).toBe(201);
    expect(res.json<{ isrcs: Assigned[] }>().isrcs[0]).toEqual({ isrc: `TW${code}2500042`, display: `TW-${code}-25-00042`, designation: 42 });
    const at26 = await claim(cookie, `TW${code}2600010`);
    expect(at26.statusCode).toBe(201);
    const next = await allocate(cookie, { count: 1 });
    expect(next.json<{ isrcs: Assigned[] }>().isrcs[0]?.designation).toBe(11);
  });

  it('refuses the same code twice, naming it', async () => {
    const company = await newRegistrant(env.ctx, 'company');
    const code = company.codes[0] ?? '';
    const cookie = await loginCookie(env.app, company.loginName, TEST_PASSWORD);
    expect((await claim(cookie, `TW${code}2600100`)).statusCode).toBe(201);
    const again = await claim(cookie, `TW-${code}-26-00100`);
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorJson>().error).toMatchObject({ code: 'ISRC_TAKEN', message: `ISRC TW-${code}-26-00100 已被使用。` });
  });

  it("refuses a code under another registrant's code, or another country", async () => {
    const company = await newRegistrant(env.ctx, 'company');
    const other = await newRegistrant(env.ctx, 'company');
    const cookie = await loginCookie(env.app, company.loginName, TEST_PASSWORD);
    const res = await claim(cookie, `TW${other.codes[0] ?? ''}2600001`);
    expect(res.json<ErrorJson>().error.code).toBe('ISRC_NOT_OWN_CODE');
    const us = await claim(cookie, `US${company.codes[0] ?? ''}2600001`);
    expect(us.json<ErrorJson>().error.code).toBe('ISRC_NOT_OWN_CODE');
  });

  it("refuses a year after the current year, in the user's language", async () => {
    const company = await newRegistrant(env.ctx, 'company');
    const cookie = await loginCookie(env.app, company.loginName, TEST_PASSWORD);
    const zh = await claim(cookie, `TW${company.codes[0] ?? ''}2700001`);
    expect(zh.statusCode).toBe(400);
    expect(zh.json<ErrorJson>().error).toMatchObject({ code: 'ISRC_YEAR_IN_FUTURE', message: 'ISRC 年份不可晚於今年（2026）。' });
    const en = await claim(cookie, `TW${company.codes[0] ?? ''}2700001`, 'en');
    expect(en.json<ErrorJson>().error.message).toBe('The ISRC year may not be after this year (2026).');
  });

  it('refuses malformed codes without truncating or padding, saying what is wrong', async () => {
    const company = await newRegistrant(env.ctx, 'company');
    const cookie = await loginCookie(env.app, company.loginName, TEST_PASSWORD);
    const long = await claim(cookie, `TW${company.codes[0] ?? ''}26000011`);
    expect(long.json<ErrorJson>().error).toMatchObject({ code: 'ISRC_INVALID', details: { isrcError: { kind: 'length', length: 13 } } });
    expect(long.json<ErrorJson>().error.message).toContain('13');
    const short = await claim(cookie, `TW${company.codes[0] ?? ''}260001`);
    expect(short.json<ErrorJson>().error).toMatchObject({ code: 'ISRC_INVALID', details: { isrcError: { kind: 'length', length: 11 } } });
  });
});

describe('public validation endpoint', () => {
  it('answers valid, compact and display forms without a session', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/v1/isrc/validate?code=${encodeURIComponent('ISRC TW-A01-26-00001')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ valid: true, compact: 'TWA012600001', display: 'TW-A01-26-00001', warnings: [] });
  });

  it('warns about an unknown country prefix for a foreign recording, and errs when allocating', async () => {
    const foreign = await env.app.inject({ method: 'GET', url: '/api/v1/isrc/validate?code=XXA011800001', headers: { 'accept-language': 'en' } });
    const body = foreign.json<{ valid: boolean; warnings: { kind: string; message: string }[] }>();
    expect(body.valid).toBe(true);
    expect(body.warnings[0]?.kind).toBe('unknown-country-prefix');
    const allocate = await env.app.inject({ method: 'GET', url: '/api/v1/isrc/validate?code=XXA011800001&purpose=allocate' });
    expect(allocate.json<{ valid: boolean; error: { kind: string } }>()).toMatchObject({ valid: false, error: { kind: 'country' } });
  });
});
