import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OverviewPage } from '../../src/deposit/deposit.schemas.js';
import { TEST_NOW } from '../helpers/context.js';
import { completeAlbumFields, memberSession, ok, steppingClock, type Client, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';
import { receive, relogin, reviewedAlbum, staffClient } from './deposit-fixtures.js';

// 送存總覽: approved albums not yet deposited (physical ones owe copies, digital ones their audio),
// oldest approval first, flagged overdue when they have waited longer than the setting (default 30
// days). The clock is stepped by whole days.

const DAY = 86_400_000;
const time = steppingClock(TEST_NOW);
const env = useTestApp(time.clock);
let officer: Client;
let admin: Client;
const logins = { officer: '', admin: '' };

/** Moves the clock by whole days and signs everyone in again (idle sessions end meanwhile). */
async function advanceDays(days: number): Promise<void> {
  time.advance(days * DAY);
  officer = await relogin(env, logins.officer);
  admin = await relogin(env, logins.admin);
  company = { ...company, api: await relogin(env, company.member.loginName) };
  government = { ...government, api: await relogin(env, government.member.loginName) };
}
let company: MemberSession;
let government: MemberSession;
const ids: Record<'old' | 'middle' | 'recent' | 'done' | 'digital', string> = { old: '', middle: '', recent: '', done: '', digital: '' };

beforeAll(async () => {
  const o = await staffClient(env, 'agency_officer');
  const a = await staffClient(env, 'agency_admin');
  [officer, admin, logins.officer, logins.admin] = [o, a, o.loginName, a.loginName];
  company = await memberSession(env, 'company');
  government = await memberSession(env, 'government');
  // Day 0 (2026-06-15): the oldest, with a formula-like title to prove the export neutralises it.
  ids.old = (await reviewedAlbum(company, officer, '=HYPERLINK("http://x")')).id;
  ids.digital = (await reviewedAlbum(company, officer, '數位', 'digital')).id;
  await advanceDays(10);
  ids.middle = (await reviewedAlbum(government, officer, '機關專輯')).id;
  ids.done = (await reviewedAlbum(company, officer, '已送存專輯')).id;
  await receive(officer, ids.done, 1, '2026-06-25');
  await advanceDays(25);
  ids.recent = (await reviewedAlbum(company, officer, '新專輯')).id;
  // Today is 2026-07-20: old waited 35 days, middle 25, recent 0.
});

async function overview(query = ''): Promise<OverviewPage> {
  return ok(await officer.call('GET', `/deposits/overview${query}`)).json<OverviewPage>();
}

describe('the deposit overview', () => {
  it('lists approved albums owing deposit, oldest first, with days waiting and the overdue flag', async () => {
    await receive(officer, ids.middle, 1, '2026-07-20');
    const page = await overview();
    expect(page.items.map((r) => r.albumId)).toEqual([ids.old, ids.digital, ids.middle, ids.recent]);
    expect(page.items.map((r) => [r.basis, r.daysWaiting, r.overdue, r.requiredCopies, r.receivedCopies, r.status])).toEqual([
      ['copies', 35, true, 1, 0, 'not_deposited'],
      ['audio', 35, true, 0, 0, 'not_deposited'],
      ['copies', 25, false, 2, 1, 'partial'],
      ['copies', 0, false, 1, 0, 'not_deposited'],
    ]);
    expect(page.items[1]).toMatchObject({ tracks: 1, tracksWithAudio: 0 });
    expect(page.items[2]).toMatchObject({ registrantKind: 'government', approvedOn: '2026-06-25' });
    expect(page).toMatchObject({ total: 4, overdueDays: 30 });
  });

  it('shows whether the registrant declared copies sent', async () => {
    ok(await company.api.call('POST', `/albums/${ids.recent}/deposits/sent`, { copies: 1, date: '2026-07-20', trackingNumber: 'X1' }), 201);
    const recent = (await overview()).items.find((r) => r.albumId === ids.recent);
    expect(recent).toMatchObject({ sentCopies: 1, lastSentOn: '2026-07-20' });
  });

  it('filters overdue only and by registrant kind, and pages', async () => {
    expect((await overview('?overdue=true')).items.map((r) => r.albumId)).toEqual([ids.old, ids.digital]);
    expect((await overview('?kind=government')).items.map((r) => r.albumId)).toEqual([ids.middle]);
    const second = await overview('?page=3&pageSize=1');
    expect(second).toMatchObject({ total: 4, page: 3, pageSize: 1 });
    expect(second.items.map((r) => r.albumId)).toEqual([ids.middle]);
  });

  it('moves the overdue line when the clock moves and when the setting changes', async () => {
    await advanceDays(6); // middle has now waited 31 days
    expect((await overview('?overdue=true')).items.map((r) => r.albumId)).toEqual([ids.old, ids.digital, ids.middle]);
    ok(await admin.call('PUT', '/settings/agency', { depositOverdueDays: 5 }));
    const page = await overview('?overdue=true');
    expect(page.overdueDays).toBe(5);
    expect(page.items.map((r) => r.albumId)).toEqual([ids.old, ids.digital, ids.middle, ids.recent]);
    ok(await admin.call('PUT', '/settings/agency', { depositOverdueDays: 30 }));
  });
});

describe('exports', () => {
  it('writes UTF-8 CSV with a byte order mark, zh-TW headers by default, formulas neutralised', async () => {
    const res = ok(await officer.call('GET', '/deposits/overview.csv'));
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="deposit-overview-2026-07-26\.csv"$/);
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF專輯編號,專輯名稱,登記者,登記者類型,通過審核日')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text.trimEnd().split('\r\n')).toHaveLength(5);
    expect(text).toContain('政府機關');
    expect(text.split('\r\n')[0]).toContain('送存方式');
    expect(text).toContain('影音檔送存');
  });

  it('writes English headers for Accept-Language en and honours the filters', async () => {
    const res = ok(await officer.call('GET', '/deposits/overview.csv?kind=government', undefined, 'en'));
    const lines = res.rawPayload.toString('utf8').replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(lines[0]).toContain('Album number,Album title,Registrant,Registrant kind');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Government body');
  });

  it('writes an .xlsx workbook that opens, with text cells kept as text', async () => {
    const res = ok(await officer.call('GET', '/deposits/overview.xlsx'));
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const sheet = workbook.getWorksheet('送存總覽');
    expect(sheet?.getCell('B1').value).toBe('專輯名稱');
    expect(sheet?.getCell('B2').value).toBe(completeAlbumFields('=HYPERLINK("http://x")').title);
    expect(sheet?.getCell('B2').formula).toBeUndefined();
    expect(sheet?.rowCount).toBe(5);
  });
});
