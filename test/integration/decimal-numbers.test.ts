import { beforeAll, describe, expect, it } from 'vitest';
import { failed, memberSession, ok, staffSession, type Client, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';

// Fastify's schema check coerces query strings the way Number() does: 0x10, 1e1, +5 and " 5"
// would all be numbers. Every integer in a route's query is taken in plain decimal only, with the
// answer `abc` gets from the schema (one rule where routes are registered, not one per route).
const env = useTestApp();
let staff: Client;
let member: MemberSession;

const NOT_DECIMAL = ['0x10', '1e1', '%2B5', '%205', '5%20', '0b101', '0o7', '5.0', '', 'Infinity'];

beforeAll(async () => {
  staff = await staffSession(env);
  member = await memberSession(env, 'company');
});

async function refusedLikeAbc(api: Client, path: string, name: string, values: readonly string[] = NOT_DECIMAL): Promise<void> {
  for (const lang of ['zh-TW', 'en']) {
    const abc = failed(await api.call('GET', `${path}${path.includes('?') ? '&' : '?'}${name}=abc`, undefined, lang), 400, 'VALIDATION_FAILED');
    expect(abc.details?.fields).toEqual([expect.objectContaining({ field: name, code: 'type' })]);
    for (const value of values) {
      const url = `${path}${path.includes('?') ? '&' : '?'}${name}=${value}`;
      const refused = failed(await api.call('GET', url, undefined, lang), 400, 'VALIDATION_FAILED');
      expect(refused.details, url).toEqual(abc.details);
    }
  }
}

describe('integers in the query are plain decimal', () => {
  it('albums list: page and pageSize', async () => {
    await refusedLikeAbc(member.api, '/albums', 'page');
    await refusedLikeAbc(member.api, '/albums', 'pageSize');
    expect(ok(await member.api.call('GET', '/albums?page=1&pageSize=5')).json<{ pageSize: number }>().pageSize).toBe(5);
  });

  it('stats and used designations: year', async () => {
    await refusedLikeAbc(staff, '/stats', 'year', ['0b11111101010', '0x7EA', '2026e0', '%202026', '%2B2026', '2026.0']);
    await refusedLikeAbc(staff, '/used-designations/codes', 'year', ['0x7EA', '2026e0']);
    ok(await staff.call('GET', '/stats?year=2026'));
  });

  it('audit log: page and pageSize', async () => {
    await refusedLikeAbc(staff, '/audit', 'page');
    await refusedLikeAbc(staff, '/audit', 'pageSize', ['1e1', '0x0A', '%2010']);
    expect(ok(await staff.call('GET', '/audit?page=2&pageSize=10')).json<{ page: number }>().page).toBe(2);
  });

  it('names the first refused field like the schema, and a number out of range still gets its bound', async () => {
    const both = failed(await staff.call('GET', '/audit?page=0x1&pageSize=1e1', undefined, 'en'), 400, 'VALIDATION_FAILED');
    expect((both.details?.fields as { field: string; code: string }[]).map((f) => [f.field, f.code])).toEqual([
      ['page', 'type'],
      ['pageSize', 'type'],
    ]);
    const low = failed(await staff.call('GET', '/audit?page=0', undefined, 'en'), 400, 'VALIDATION_FAILED');
    expect(low.details?.fields).toEqual([expect.objectContaining({ field: 'page', code: 'minimum' })]);
  });
});
