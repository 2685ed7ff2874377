import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addRegistrantCode, addPoolCode } from '../../src/registrants/registrant-codes.service.js';
import type { AnnualReportResponse, StatCounts, StatsResponse } from '../../src/stats/stats.schemas.js';
import { loginCookie } from '../helpers/app.js';
import { client, failed, ok, type Client } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { newRegistrant, newStaff, TEST_PASSWORD } from '../helpers/factories.js';
import { useTestApp } from '../helpers/setup.js';
import { clockAt, countDirectly, EDGES, movableClock, playAlbum, randomPlans, seeded, type Counted, type Member } from './stats-fixtures.js';

// 年度回報量統計表 and the annual report: every figure is checked against counts taken directly from
// the tables, on albums generated at random instants (many on month and year edges in Asia/Taipei).

const env = useTestApp(movableClock);
const YEAR = 2026;
let officer: Client;
let members: Member[] = [];
let memberClient: Client;
let edge: Member;
let counted: Counted[] = [];

const EVENT_FIELDS = {
  reported: ['albumsReported', 'recordingsReported'],
  approved: ['albumsApproved', 'recordingsApproved'],
  returned: ['albumsReturned', 'recordingsReturned'],
  deposited: ['albumsDeposited', 'recordingsDeposited'],
} as const satisfies Record<Counted['event'], readonly [keyof StatCounts, keyof StatCounts]>;

/** The expected figures of one month (1–12) or the whole year (0) from the directly counted rows. */
function expected(rows: readonly Counted[], year: number, month: number): StatCounts {
  const prefix = month === 0 ? `${year}-` : `${year}-${String(month).padStart(2, '0')}`;
  const out = { albumsReported: 0, albumsApproved: 0, albumsReturned: 0, albumsDeposited: 0, recordingsReported: 0, recordingsApproved: 0, recordingsReturned: 0, recordingsDeposited: 0 };
  for (const r of rows.filter((x) => x.ym.startsWith(prefix))) {
    const [albums, recordings] = EVENT_FIELDS[r.event];
    out[albums] += r.albums;
    out[recordings] += r.recordings;
  }
  return out;
}

function expectSeries(series: Pick<StatsResponse, 'months' | 'total'>, rows: readonly Counted[], year: number, label: string): void {
  expect(series.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  for (const m of series.months) {
    const { month, ...counts } = m;
    expect(counts, `${label} ${year}-${month}`).toEqual(expected(rows, year, month));
  }
  expect(series.total, `${label} ${year}`).toEqual(expected(rows, year, 0));
}

async function stats(api: Client, query: string): Promise<StatsResponse> {
  return ok(await api.call('GET', `/stats?${query}`)).json<StatsResponse>();
}

async function member(kind: Member['kind']): Promise<Member> {
  return { ...(await newRegistrant(env.ctx, kind, { allocatedYear: 2024 })), kind };
}

beforeAll(async () => {
  clockAt.t = new Date('2026-06-15T08:00:00Z');
  await addPoolCode(env.ctx, null, undefined, 2024);
  const staff = await newStaff(env.ctx, 'agency_officer');
  members = [await member('company'), await member('company'), await member('government'), await member('individual')];
  edge = await member('company');
  // The example of the brief, and the year's first and last moments, for one registrant alone.
  const plan = { member: edge, releaseType: 'physical' as const, tracks: 2, gapMs: 60_000, outcome: 'submitted' as const };
  for (const start of ['2026-01-31T16:30:00Z', '2025-12-31T16:00:00Z', '2025-12-31T15:59:00Z', '2026-12-31T15:59:59Z', '2026-12-31T16:00:00Z']) {
    await playAlbum(env, staff.actor, { ...plan, start: new Date(start) });
  }
  const random = seeded(20260131);
  const first = await playAlbum(env, staff.actor, { member: members[0] as Member, releaseType: 'digital', tracks: 2, start: EDGES[3] as Date, gapMs: 60_000, outcome: 'approved' });
  // A cited recording is counted with the album that reported it, never with the one citing it.
  await playAlbum(env, staff.actor, {
    member: members[1] as Member,
    releaseType: 'physical',
    tracks: 1,
    start: new Date('2026-03-01T00:00:00Z'),
    gapMs: 3_600_000,
    outcome: 'deposited',
    cite: first.recordingId,
  });
  for (const p of randomPlans(members, 40, random)) {
    await playAlbum(env, staff.actor, p);
  }
  clockAt.t = new Date('2027-02-01T04:00:00Z');
  officer = client(env, await loginCookie(env.app, staff.loginName, TEST_PASSWORD));
  memberClient = client(env, await loginCookie(env.app, (members[0] as Member).loginName, TEST_PASSWORD));
  counted = await countDirectly(env);
}, 240_000);

describe('年度回報量統計表', () => {
  it.each([2025, 2026, 2027])('matches the direct counts for the agency in %i, by month, release type, kind and registrant', async (year) => {
    const s = await stats(officer, `year=${year}`);
    expect(s).toMatchObject({ year, timeZone: 'Asia/Taipei', registrantId: null });
    expectSeries(s, counted, year, 'all');
    for (const t of s.byReleaseType) {
      expectSeries(
        t,
        counted.filter((r) => r.releaseType === t.releaseType),
        year,
        t.releaseType,
      );
    }
    for (const k of s.byRegistrantKind) {
      expectSeries(
        k,
        counted.filter((r) => r.kind === k.kind),
        year,
        k.kind,
      );
    }
    const active = new Set(counted.filter((r) => r.ym.startsWith(`${year}-`)).map((r) => r.registrantId));
    expect(new Set(s.byRegistrant.map((r) => r.registrantId))).toEqual(active);
    for (const r of s.byRegistrant) {
      expect(r.total, r.name).toEqual(
        expected(
          counted.filter((c) => c.registrantId === r.registrantId),
          year,
          0,
        ),
      );
    }
  });

  it('has generated enough data to mean something', () => {
    const in2026 = counted.filter((r) => r.ym.startsWith('2026-'));
    for (const event of ['reported', 'approved', 'returned', 'deposited'] as const) {
      expect(in2026.filter((r) => r.event === event).length, event).toBeGreaterThan(0);
    }
    expect(new Set(in2026.map((r) => r.ym)).size).toBeGreaterThan(6);
  });

  it('puts months in the agency time zone: 2026-01-31T16:30Z is February in Asia/Taipei', async () => {
    const s = await stats(officer, `year=${YEAR}&registrantId=${edge.registrantId}`);
    expect(s.registrantId).toBe(edge.registrantId);
    expect(s.byRegistrant).toEqual([]);
    // Reported: 2025-12-31T16:00Z (January), 2026-01-31T16:30Z (February), 2026-12-31T15:59:59Z (December).
    expect(s.months.map((m) => m.albumsReported)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(s.months.map((m) => m.recordingsReported)).toEqual([2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect((await stats(officer, `year=2025&registrantId=${edge.registrantId}`)).total.albumsReported).toBe(1);
    expect((await stats(officer, `year=2027&registrantId=${edge.registrantId}`)).months[0]?.albumsReported).toBe(1);
  });

  it('shows a member only its own registrant, whatever it asks for', async () => {
    const own = (members[0] as Member).registrantId;
    const mine = counted.filter((r) => r.registrantId === own);
    for (const query of [`year=${YEAR}`, `year=${YEAR}&registrantId=${(members[1] as Member).registrantId}`]) {
      const s = await stats(memberClient, query);
      expect(s.registrantId).toBe(own);
      expect(s.byRegistrant).toEqual([]);
      expectSeries(s, mine, YEAR, 'own');
    }
  });

  it('refuses an officer a registrant that does not exist, and a bad year', async () => {
    failed(await officer.call('GET', `/stats?year=${YEAR}&registrantId=00000000-0000-4000-8000-000000000000`), 404, 'NOT_FOUND');
    failed(await officer.call('GET', '/stats?year=1900'), 400, 'VALIDATION_FAILED');
  });

  it('takes the year in decimal digits only: 0x7EA, 2026e0 and " 2026" are not 2026', async () => {
    const notANumber = failed(await officer.call('GET', '/stats?year=abc', undefined, 'en'), 400, 'VALIDATION_FAILED');
    for (const year of ['0x7EA', '2026e0', '%202026', '2026.0']) {
      for (const path of ['/stats', '/stats.xlsx', '/stats/annual-report', '/stats/annual-report.xlsx', '/used-designations', '/used-designations/codes', '/used-designations.csv']) {
        const refused = failed(await officer.call('GET', `${path}?year=${year}`, undefined, 'en'), 400, 'VALIDATION_FAILED');
        expect(refused.details, `${path}?year=${year}`).toEqual(notANumber.details);
      }
    }
    expect(ok(await officer.call('GET', `/stats/annual-report?year=${YEAR}`)).json<{ year: number }>().year).toBe(YEAR);
  });

  it('exports the same figures as .xlsx, a member only its own', async () => {
    const s = await stats(officer, `year=${YEAR}`);
    const res = ok(await officer.call('GET', `/stats.xlsx?year=${YEAR}`));
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheet = await firstSheet(res.rawPayload);
    expect(sheet.getRow(1).getCell(1).value).toBe('分類');
    expect(sheet.getRow(2).getCell(2).value).toBe('回報專輯數');
    expect(sheet.getRow(2).getCell(3 + 1).value).toBe(s.months[1]?.albumsReported);
    expect(sheet.getRow(2).getCell(15).value).toBe(s.total.albumsReported);
    const names = new Set<string>();
    sheet.eachRow((row) => names.add(cellText(row.getCell(1).value)));
    const other = s.byRegistrant.find((r) => r.registrantId !== (members[0] as Member).registrantId);
    expect(other && names.has(other.name)).toBe(true);
    const own = await firstSheet(ok(await memberClient.call('GET', `/stats.xlsx?year=${YEAR}`, undefined, 'en')).rawPayload);
    const ownNames = new Set<string>();
    own.eachRow((row) => ownNames.add(cellText(row.getCell(1).value)));
    expect([...ownNames].sort()).toEqual(['All', 'Category', 'Companies', 'Digital release', 'Government bodies', 'Individuals', 'Physical release']);
  });
});

const cellText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

async function firstSheet(payload: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(payload).buffer);
  const sheet = book.worksheets[0];
  if (sheet === undefined) {
    throw new Error('no sheet');
  }
  return sheet;
}

describe('the annual report', () => {
  beforeAll(async () => {
    // Codes of this year, one entered at 2026-03-31T16:30Z (April in Taipei), one carried over (entered in 2025).
    clockAt.t = new Date('2026-04-10T00:00:00Z');
    const april = await newRegistrant(env.ctx, 'company');
    const carried = await newRegistrant(env.ctx, 'government', { codes: 0 });
    const code = await addRegistrantCode(env.ctx, null, carried.registrantId, undefined, YEAR);
    await env.handle.db.execute(sql`update registrants set created_at = '2026-03-31T16:30:00Z' where id = ${april.registrantId}`);
    await env.handle.db.execute(sql`update registrant_codes set created_at = '2026-03-31T16:30:00Z' where registrant_id = ${april.registrantId}`);
    await env.handle.db.execute(sql`update registrants set created_at = '2025-12-31T16:00:00Z' where id = ${carried.registrantId}`);
    await env.handle.db.execute(sql`update registrant_codes set created_at = '2025-11-01T00:00:00Z' where code = ${code.code}`);
  });

  it('matches the direct counts of codes, registrants by kind and ISRCs by month', async () => {
    const report = ok(await officer.call('GET', `/stats/annual-report?year=${YEAR}`)).json<AnnualReportResponse>();
    const codes = await queryRows(
      env.handle,
      sql`select to_char(created_at at time zone 'Asia/Taipei', 'YYYY-MM') as ym, count(*)::int as n from registrant_codes where allocated_year = ${YEAR} group by 1`,
    );
    expect(report.codesTotal).toBe(codes.reduce((a, r) => a + Number(r.n), 0));
    expect(report.codes).toHaveLength(report.codesTotal);
    const byMonth = (rows: readonly Record<string, unknown>[], m: number) => Number(rows.find((r) => r.ym === `${YEAR}-${String(m).padStart(2, '0')}`)?.n ?? 0);
    expect(report.codesByMonth).toEqual(Array.from({ length: 12 }, (_, i) => byMonth(codes, i + 1)));
    expect(report.codesByMonth[3]).toBeGreaterThanOrEqual(1);
    expect(report.codes.filter((c) => c.allocatedOn === null)).toHaveLength(1);

    const kinds = await queryRows(
      env.handle,
      sql`select kind::text as kind, to_char(created_at at time zone 'Asia/Taipei', 'YYYY-MM') as ym, count(*)::int as n from registrants group by 1, 2`,
    );
    for (const k of report.registrantsByKind) {
      const mine = kinds.filter((r) => r.kind === k.kind);
      expect(k.newByMonth, k.kind).toEqual(Array.from({ length: 12 }, (_, i) => byMonth(mine, i + 1)));
      expect(k.atYearEnd, k.kind).toBe(mine.filter((r) => String(r.ym) <= `${YEAR}-12`).reduce((a, r) => a + Number(r.n), 0));
    }
    expect(report.registrantsByKind.find((k) => k.kind === 'company')?.newByMonth[3]).toBeGreaterThanOrEqual(1);

    const reported = Array.from({ length: 12 }, (_, i) => expected(counted, YEAR, i + 1).recordingsReported);
    const approved = Array.from({ length: 12 }, (_, i) => expected(counted, YEAR, i + 1).recordingsApproved);
    expect(report.isrcsReportedByMonth).toEqual(reported);
    expect(report.isrcsApprovedByMonth).toEqual(approved);
    expect(report.isrcsApproved).toBe(approved.reduce((a, b) => a + b, 0));
  });

  it('exports as .xlsx and is the agency’s only', async () => {
    const res = ok(await officer.call('GET', `/stats/annual-report.xlsx?year=${YEAR}`, undefined, 'en'));
    const sheet = await firstSheet(res.rawPayload);
    expect(sheet.getRow(2).getCell(1).value).toBe('Registrant codes allocated');
    failed(await memberClient.call('GET', `/stats/annual-report?year=${YEAR}`), 403, 'FORBIDDEN');
    failed(await memberClient.call('GET', `/stats/annual-report.xlsx?year=${YEAR}`), 403, 'FORBIDDEN');
  });
});
