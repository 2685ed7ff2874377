import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/shared/clock.js';
import { loginCookie } from '../helpers/app.js';
import { newRegistrant, TEST_PASSWORD } from '../helpers/factories.js';
import { useTestApp } from '../helpers/setup.js';

/**
 * 2027-01-01 00:30 in Taipei is still 2026-12-31 16:30 in UTC. The year of reference follows the
 * agency's time zone (Asia/Taipei in tests), so the new year's codes are allocated and accepted.
 */
const env = useTestApp(fixedClock(new Date('2026-12-31T16:30:00Z')));

interface ErrorJson {
  error: { code: string };
}

describe("the agency's year, half an hour into 2027 in Taipei", () => {
  it('allocates with year of reference 27 and accepts a typed 27 code', async () => {
    const company = await newRegistrant(env.ctx, 'company');
    const code = company.codes[0] ?? '';
    const cookie = await loginCookie(env.app, company.loginName, TEST_PASSWORD);
    const allocated = await env.app.inject({ method: 'POST', url: '/api/v1/allocations', headers: { cookie }, payload: { count: 1 } });
    expect(allocated.statusCode).toBe(201);
    expect(allocated.json<{ isrcs: { display: string }[] }>().isrcs[0]?.display).toBe(`TW-${code}-27-00001`);
    const next = await env.app.inject({ method: 'GET', url: '/api/v1/allocations/next', headers: { cookie } });
    expect(next.json<{ display: string; yearOfReference: number }>()).toMatchObject({ display: `TW-${code}-27-00002`, yearOfReference: 2027 });
    const claimed = await env.app.inject({ method: 'POST', url: '/api/v1/allocations/claim', headers: { cookie }, payload: { isrc: `TW${code}2700500`, confirmJump: true } });
    expect(claimed.statusCode).toBe(201);
    const future = await env.app.inject({ method: 'POST', url: '/api/v1/allocations/claim', headers: { cookie }, payload: { isrc: `TW${code}2800001` } });
    expect(future.json<ErrorJson>().error.code).toBe('ISRC_YEAR_IN_FUTURE');
  });

  it('checks codes against the agency year in the public validator', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/isrc/validate?code=TWA012700001&purpose=allocate' });
    expect(res.json<{ valid: boolean }>().valid).toBe(true);
  });

  it('tells the web app the time zone, the server clock and the current year', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/agency' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ countryCode: 'TW', timeZone: 'Asia/Taipei', now: '2026-12-31T16:30:00.000Z', currentYear: 2027, contact: env.ctx.agency });
  });
});

describe('one minute before midnight in Taipei', () => {
  const before = useTestApp(fixedClock(new Date('2026-12-31T15:59:00Z')));

  it('still allocates 2026 codes', async () => {
    const company = await newRegistrant(before.ctx, 'company');
    const cookie = await loginCookie(before.app, company.loginName, TEST_PASSWORD);
    const allocated = await before.app.inject({ method: 'POST', url: '/api/v1/allocations', headers: { cookie }, payload: { count: 1 } });
    expect(allocated.json<{ isrcs: { display: string }[] }>().isrcs[0]?.display).toBe(`TW-${company.codes[0] ?? ''}-26-00001`);
    const res = await before.app.inject({ method: 'GET', url: '/api/v1/agency' });
    expect(res.json<{ currentYear: number }>().currentYear).toBe(2026);
  });
});
