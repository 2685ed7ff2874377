import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import type { AppInstance } from '../../src/http/types.js';
import type { ServiceContext } from '../../src/db/context.js';
import { loginCookie, testApp } from '../helpers/app.js';
import { testContext } from '../helpers/context.js';
import { openTestDatabase } from '../helpers/db.js';
import { ensurePoolCode, newRegistrant, TEST_PASSWORD, type TestMember } from '../helpers/factories.js';
import { allocatePoolCodes, loadAllocationProfile } from '../../src/allocation/allocation.service.js';
import { withTransaction } from '../../src/db/tx.js';
import {
  checkAllocations,
  CLEAN_REPORT,
  counterKey,
  countersOffRequested,
  countRows,
  readAllocationState,
  type Assigned,
  type CounterRow,
  type Handout,
  type LedgerRow,
} from '../helpers/allocation-invariants.js';

// Hundreds of allocation requests at once through one app (PGlite serialises them; PostgreSQL
// runs them on a pool of connections), plus racing claims of one manual code.

const ALLOCATIONS = 300;
/** Every n-th allocation is by the company whose own code is also claimed by hand. */
const CLAIMER_EVERY = 10;
const CLAIMS = 5;
const CLAIMED_DESIGNATION = 50_000;
const YEAR = 26; // testContext pins "now" to 2026
const POOL_SUBMISSIONS = 40;

interface Requester {
  member: TestMember;
  code: string;
  cookie: string;
}
interface Outcome {
  kind: 'allocate' | 'claim' | 'pool';
  requester: Requester;
  count: number;
  status: number;
  body: { isrcs?: Assigned[]; error?: { code: string } };
}

let handle: DatabaseHandle;
let ctx: ServiceContext;
let app: AppInstance;
let requesters: Requester[];
/** Individuals: pool codes come only with 送出審核, so they take them through the service it calls. */
let poolTakers: Requester[];
let claimer: Requester;

async function requester(member: TestMember, code: string): Promise<Requester> {
  return { member, code, cookie: await loginCookie(app, member.loginName, TEST_PASSWORD) };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  ctx = testContext(handle);
  app = await testApp(ctx);
  const [poolCode] = await ensurePoolCode(ctx);
  if (poolCode === undefined) {
    throw new Error('no pool code');
  }
  // One after another: suggesting the next free registrant code is not safe to run concurrently.
  const companies: TestMember[] = [];
  for (let i = 0; i < 3; i++) {
    companies.push(await newRegistrant(ctx, 'company'));
  }
  const government = await newRegistrant(ctx, 'government');
  requesters = await Promise.all([...companies, government].map((c) => requester(c, c.codes[0] ?? '')));
  const individuals = [await newRegistrant(ctx, 'individual'), await newRegistrant(ctx, 'individual')];
  poolTakers = await Promise.all(individuals.map((i) => requester(i, poolCode)));
  const claimingCompany = await newRegistrant(ctx, 'company');
  claimer = await requester(claimingCompany, claimingCompany.codes[0] ?? '');
});

afterAll(async () => {
  await app?.close();
  await handle?.close();
});

async function send(kind: Outcome['kind'], r: Requester, count: number, payload: Record<string, unknown>): Promise<Outcome> {
  const url = kind === 'allocate' ? '/api/v1/allocations' : '/api/v1/allocations/claim';
  const res = await app.inject({ method: 'POST', url, headers: { cookie: r.cookie }, payload });
  return { kind, requester: r, count, status: res.statusCode, body: res.json<Outcome['body']>() };
}

/** What 送出審核 does for an album of `count` new tracks, without the album. */
async function takePool(r: Requester, count: number): Promise<Outcome> {
  try {
    const isrcs = await withTransaction(ctx, async (tx) => allocatePoolCodes(tx, await loadAllocationProfile(tx, r.member.registrantId), count, r.member.actor));
    return { kind: 'pool', requester: r, count, status: 201, body: { isrcs } };
  } catch (err) {
    return { kind: 'pool', requester: r, count, status: 500, body: { error: { code: String(err) } } };
  }
}

function storm(): Promise<Outcome>[] {
  const jobs: Promise<Outcome>[] = [];
  for (let i = 0; i < POOL_SUBMISSIONS; i++) {
    const r = poolTakers[i % poolTakers.length];
    if (r !== undefined) {
      jobs.push(takePool(r, 1 + (i % 4)));
    }
  }
  const claimed = `TW${claimer.code}${YEAR}${CLAIMED_DESIGNATION}`;
  for (let i = 0; i < ALLOCATIONS; i++) {
    const r = i % CLAIMER_EVERY === CLAIMER_EVERY - 1 ? claimer : (requesters[i % requesters.length] ?? claimer);
    const count = 1 + (i % 3);
    jobs.push(send('allocate', r, count, { count }));
    if (i % (ALLOCATIONS / CLAIMS) === ALLOCATIONS / CLAIMS / 2) {
      // The same code, typed compact or in display form: exactly one claim may win.
      const isrc = jobs.length % 2 === 0 ? claimed : `tw-${claimer.code.toLowerCase()}-${YEAR}-${CLAIMED_DESIGNATION}`;
      jobs.push(send('claim', claimer, 1, { isrc, confirmJump: true }));
    }
  }
  return jobs;
}

function handoutOf(o: Outcome): Handout {
  return {
    registrantId: o.requester.member.registrantId,
    registrantCode: o.requester.code,
    source: o.kind === 'claim' ? 'manual' : 'system',
    count: o.count,
    isrcs: o.body.isrcs ?? [],
  };
}

describe('concurrent allocation through the API', () => {
  it('hands out every code once, gap-free per code and year, with the counters and ledger agreeing', async () => {
    const outcomes = await Promise.all(storm());

    const allocations = outcomes.filter((o) => o.kind === 'allocate');
    expect(allocations).toHaveLength(ALLOCATIONS);
    expect(allocations.filter((o) => o.status !== 201).map((o) => `${o.status} ${JSON.stringify(o.body)}`)).toEqual([]);

    const claims = outcomes.filter((o) => o.kind === 'claim');
    expect(claims).toHaveLength(CLAIMS);
    expect(claims.filter((o) => o.status === 201)).toHaveLength(1);
    expect(claims.filter((o) => o.status !== 201).map((o) => `${o.status} ${o.body.error?.code ?? ''}`)).toEqual(Array.from({ length: CLAIMS - 1 }, () => '409 ISRC_TAKEN'));

    const handouts = outcomes.filter((o) => o.status === 201).map(handoutOf);
    const handedOut = handouts.reduce((n, h) => n + h.isrcs.length, 0);
    const { ledger, counters } = await readAllocationState(handle.db);
    expect(checkAllocations('TW', handouts, ledger, counters)).toEqual(CLEAN_REPORT);
    expect(await countRows(handle.db, 'isrc_assignments')).toBe(handedOut);

    // Independently of the responses: each counter stands at the number of codes requested.
    const pool = outcomes.filter((o) => o.kind === 'pool');
    expect(pool).toHaveLength(POOL_SUBMISSIONS);
    expect(pool.filter((o) => o.status !== 201).map((o) => JSON.stringify(o.body))).toEqual([]);
    const requests = [...allocations, ...pool].filter((o) => o.requester !== claimer).map((o) => ({ registrantCode: o.requester.code, count: o.count }));
    expect(countersOffRequested(requests, counters, YEAR)).toEqual([]);
    const byKey = new Map(counters.map((c) => [counterKey(c.registrantCode, c.yearOfReference), c.lastDesignation]));
    expect(byKey.get(counterKey(claimer.code, YEAR))).toBeGreaterThan(CLAIMED_DESIGNATION);
  });
});

describe('the invariant checker', () => {
  const system = (designations: number[], registrantId = 'r1'): Handout => ({
    registrantId,
    registrantCode: 'A01',
    source: 'system',
    count: designations.length,
    isrcs: designations.map((d) => {
      const five = String(d).padStart(5, '0');
      return { isrc: `TWA0126${five}`, display: `TW-A01-26-${five}`, designation: d };
    }),
  });
  const ledgerOf = (handouts: Handout[]): LedgerRow[] =>
    handouts.flatMap((h) => h.isrcs.map((a) => ({ isrc: a.isrc, registrantCode: 'A01', yearOfReference: 26, designation: a.designation, registrantId: h.registrantId, source: h.source })));
  const counter = (last: number): CounterRow[] => [{ registrantCode: 'A01', yearOfReference: 26, lastDesignation: last }];

  it('passes a clean history', () => {
    const h = [system([1, 2]), system([3])];
    expect(checkAllocations('TW', h, ledgerOf(h), counter(3))).toEqual(CLEAN_REPORT);
  });

  it('reports duplicates, gaps, non-consecutive answers, a wrong counter and ledger drift', () => {
    const h = [system([1, 2]), system([2]), system([4, 6])];
    const report = checkAllocations('TW', h, ledgerOf(h).slice(1), counter(5));
    expect(report.duplicateIsrcs).toEqual(['TWA012600002']);
    expect(report.sequenceGaps).toEqual(['A01/26: 2 is followed by 2', 'A01/26: 2 is followed by 4', 'A01/26: 4 is followed by 6']);
    expect(report.badResponses).toEqual(['not consecutive: 4,6']);
    expect(report.counterMismatches).toEqual(['A01/26: last_designation 5, highest handed out 6']);
    expect(report.ledgerMismatches.length).toBeGreaterThan(0);
  });

  it('allows a jump only right after a manual claim', () => {
    const manual: Handout = { ...system([10]), source: 'manual' };
    const h = [system([1, 2]), manual, system([11])];
    expect(checkAllocations('TW', h, ledgerOf(h), counter(11))).toEqual(CLEAN_REPORT);
    const wrong = [system([1, 2]), manual, system([12])];
    expect(checkAllocations('TW', wrong, ledgerOf(wrong), counter(12)).sequenceGaps).toEqual(['A01/26: 2 is followed by 12']);
  });
});
