import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MAX_APPLICATIONS_PER_ADDRESS } from '../../src/applications/apply.service.js';
import { queryRows } from '../helpers/db.js';
import { failed, type Reply } from '../helpers/catalog.js';
import { uniqueName } from '../helpers/factories.js';
import { realClock, useTestApp } from '../helpers/setup.js';

// The per-address limit on public applications must hold when a script sends them all at once
// (each creates an account, a queue entry and word to every officer), and an IPv6 client must not
// pass it by taking a new address in its /64 for each one.

const env = useTestApp(realClock);
const SENT = 12;

function applicationBody(batch: string, i: number) {
  return {
    kind: 'company',
    name: `${batch}-${i}`,
    registrationNumber: '04595257',
    contactPerson: '王小明',
    address: '臺北市中正區貴陽街一段 2 號',
    phone: '(02)2361-9132',
    email: 'apply@example.org',
    loginName: uniqueName('race').toLowerCase(),
    password: 'applicant-pass-1',
  };
}

/** `SENT` applications at once, the i-th from `addresses[i % addresses.length]`; the answers and what was filed. */
async function applyAtOnce(addresses: readonly string[]): Promise<{ replies: Reply[]; filed: number; accounts: number }> {
  const batch = uniqueName('同時申請');
  const bodies = Array.from({ length: SENT }, (_, i) => applicationBody(batch, i));
  const replies = await Promise.all(
    bodies.map((payload, i) =>
      env.app.inject({ method: 'POST', url: '/api/v1/applications', payload, remoteAddress: addresses[i % addresses.length]!, headers: { 'accept-language': 'en' } }),
    ),
  );
  const logins = bodies.map((b) => b.loginName);
  const [filed] = await queryRows(env.handle, sql`select count(*)::int as n from registrant_applications where name like ${`${batch}-%`}`);
  const [accounts] = await queryRows(env.handle, sql`select count(*)::int as n from users where login_name in ${logins}`);
  return { replies, filed: Number(filed?.n), accounts: Number(accounts?.n) };
}

function expectExactlyTheLimit({ replies, filed, accounts }: Awaited<ReturnType<typeof applyAtOnce>>): void {
  const statuses = replies.map((r) => r.statusCode);
  expect(statuses.filter((s) => s === 201)).toHaveLength(MAX_APPLICATIONS_PER_ADDRESS);
  for (const r of replies.filter((x) => x.statusCode !== 201)) {
    const error = failed(r, 429, 'APPLICATION_THROTTLED');
    expect(error.message).toBe('Too many applications from this address recently; please try again in 60 minutes or contact the ISRC centre.');
  }
  // Refused ones leave nothing behind: no account, no application.
  expect([filed, accounts]).toEqual([MAX_APPLICATIONS_PER_ADDRESS, MAX_APPLICATIONS_PER_ADDRESS]);
}

describe('applications sent at once from one address', () => {
  it(`files exactly ${MAX_APPLICATIONS_PER_ADDRESS} of ${SENT} from one IPv4 address (also when written as IPv4-mapped IPv6)`, async () => {
    expectExactlyTheLimit(await applyAtOnce(['203.0.113.9', '::ffff:203.0.113.9']));
  });

  it(`files exactly ${MAX_APPLICATIONS_PER_ADDRESS} of ${SENT} from addresses in one IPv6 /64, however they are written`, async () => {
    const sameNetwork = ['2001:db8:0:1::1', '2001:db8:0:1::2', '2001:0db8:0000:0001:0000:0000:0000:0003', '2001:db8:0:1:ffff:ffff:ffff:ffff', '2001:DB8:0:1:a:b:c:d', '2001:db8::1:1:2:3:4'];
    expectExactlyTheLimit(await applyAtOnce(sameNetwork));
    // Another /64, and another IPv4 address, have limits of their own.
    const other = await env.app.inject({ method: 'POST', url: '/api/v1/applications', payload: applicationBody(uniqueName('鄰網'), 0), remoteAddress: '2001:db8:0:2::1' });
    expect(other.statusCode, other.body).toBe(201);
    const v4 = await env.app.inject({ method: 'POST', url: '/api/v1/applications', payload: applicationBody(uniqueName('別址'), 0), remoteAddress: '203.0.113.10' });
    expect(v4.statusCode, v4.body).toBe(201);
  });
});
