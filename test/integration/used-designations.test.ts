import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/accounts/actor.js';
import { isAppError } from '../../src/shared/errors.js';
import { exportUsedCodes } from '../../src/used-designations/used-designations-export.js';
import type { UsageResponse, UsedCodesPage } from '../../src/used-designations/used-designations.schemas.js';
import { ensurePoolCode } from '../helpers/factories.js';
import {
  addTrack,
  approvedAlbum,
  compact,
  completeAlbumFields,
  completeRecording,
  createAlbum,
  display,
  failed,
  memberSession,
  ok,
  staffSession,
  type Client,
  type MemberSession,
} from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';

// 年度使用編號查詢: per registrant code and year, the used designation codes as compact ranges, the
// gaps, the codes reserved but on no recording, next available, and each code's recording and
// album. Members see only their own registrant; officers see every registrant. "Now" is 2026-06-15
// in Taipei, so the year defaults to 2026.

const env = useTestApp();
let officer: Client;
let a: MemberSession;
let b: MemberSession;
let personC: MemberSession;
let personD: MemberSession;
let pool = '';
let codeA = '';
let codeB = '';
let albumA = '';

beforeAll(async () => {
  officer = await staffSession(env);
  [pool] = (await ensurePoolCode(env.ctx)) as [string];
  a = await memberSession(env, 'company');
  b = await memberSession(env, 'company');
  personC = await memberSession(env, 'individual');
  personD = await memberSession(env, 'individual');
  [codeA, codeB] = [a.member.codes[0] ?? '', b.member.codes[0] ?? ''];

  // A: three tracks with next available (00001–00003), two codes reserved through the API
  // (00004–00005), a typed code on a track (00008) and a typed code on no recording (00010).
  const album = await createAlbum(a.api, completeAlbumFields('甲的專輯'));
  albumA = album.id;
  for (const title of ['第一首', '第二首', '第三首']) {
    await addTrack(a.api, album.id, completeRecording(title), { mode: 'next' });
  }
  ok(await a.api.call('POST', '/allocations', { count: 2 }), 201);
  await addTrack(a.api, album.id, completeRecording('自行輸入'), { mode: 'own', isrc: compact(codeA, 8) });
  ok(await a.api.call('POST', '/allocations/claim', { isrc: compact(codeA, 10) }), 201);

  // B: one track of its own; individuals C and D get consecutive pool codes on approval.
  const albumB = await createAlbum(b.api, completeAlbumFields('乙的專輯'));
  await addTrack(b.api, albumB.id, completeRecording('乙的歌'), { mode: 'next' });
  await approvedAlbum(personC, officer, '丙的專輯', ['丙一', '丙二']);
  await approvedAlbum(personD, officer, '丁的專輯', ['丁一']);
});

async function summary(api: Client, query = ''): Promise<UsageResponse> {
  return ok(await api.call('GET', `/used-designations${query}`)).json<UsageResponse>();
}

async function codes(api: Client, query = ''): Promise<UsedCodesPage> {
  return ok(await api.call('GET', `/used-designations/codes${query}`)).json<UsedCodesPage>();
}

describe('the summary', () => {
  it("gives a company's count, ranges, gaps, reserved codes and next available for this year", async () => {
    const usage = await summary(a.api);
    expect(usage.year).toBe(2026);
    expect(usage.codes.map((c) => c.registrantCode)).toEqual([codeA]);
    const [own] = usage.codes;
    expect(own).toMatchObject({
      used: 7,
      onRecording: 4,
      reserved: 3,
      highest: 10,
      pool: false,
      shared: false,
      holder: { id: a.member.registrantId },
      ranges: [
        { from: 1, to: 5 },
        { from: 8, to: 8 },
        { from: 10, to: 10 },
      ],
      rangeCount: 3,
      gaps: [
        { from: 6, to: 7 },
        { from: 9, to: 9 },
      ],
      gapCount: 3,
      reservedRanges: [
        { from: 4, to: 5 },
        { from: 10, to: 10 },
      ],
      nextAvailable: { isrc: compact(codeA, 11), display: display(codeA, 11) },
    });
    expect(usage.totals).toEqual({ used: 7, onRecording: 4, reserved: 3 });
  });

  it('shows an earlier year as unused, without next available', async () => {
    const usage = await summary(a.api, '?year=2025');
    expect(usage.codes).toEqual([expect.objectContaining({ registrantCode: codeA, used: 0, ranges: [], gaps: [], nextAvailable: null })]);
  });

  it("gives an individual its share of the pool code, without gaps or the pool's next code", async () => {
    const c = await summary(personC.api);
    expect(c.codes).toEqual([
      expect.objectContaining({ registrantCode: pool, pool: true, shared: true, holder: null, used: 2, ranges: [{ from: 1, to: 2 }], gaps: [], gapCount: 0, nextAvailable: null }),
    ]);
    const d = await summary(personD.api);
    expect(d.codes).toEqual([expect.objectContaining({ registrantCode: pool, used: 1, ranges: [{ from: 3, to: 3 }], gaps: [], reserved: 0 })]);
  });

  it('lets an officer see every registrant, or filter by registrant or by code', async () => {
    const all = await summary(officer);
    expect(all.codes.map((c) => c.registrantCode)).toEqual([codeA, codeB, pool].sort());
    expect(all.totals.used).toBe(7 + 1 + 3);
    const poolUsage = all.codes.find((c) => c.registrantCode === pool);
    expect(poolUsage).toMatchObject({ shared: false, used: 3, ranges: [{ from: 1, to: 3 }], nextAvailable: { display: display(pool, 4) } });

    const onlyA = await summary(officer, `?registrantId=${a.member.registrantId}`);
    expect(onlyA).toEqual(await summary(a.api));
    const onlyB = await summary(officer, `?registrantCode=${codeB.toLowerCase()}`);
    expect(onlyB.codes).toEqual([
      expect.objectContaining({ registrantCode: codeB, used: 1, ranges: [{ from: 1, to: 1 }], holder: { id: b.member.registrantId, name: expect.any(String) as string } }),
    ]);
  });

  it('refuses a year no ISRC can carry', async () => {
    failed(await a.api.call('GET', '/used-designations?year=1985'), 400, 'VALIDATION_FAILED');
  });
});

describe('the codes', () => {
  it('lists each code with its recording and the album it was reported on, 10 a page', async () => {
    const page = await codes(a.api);
    expect(page.total).toBe(7);
    expect(page.pageSize).toBe(10);
    expect(page.items.map((c) => [c.designation, c.status, c.recording?.title ?? null, c.album?.id ?? null])).toEqual([
      [1, 'onRecording', '第一首', albumA],
      [2, 'onRecording', '第二首', albumA],
      [3, 'onRecording', '第三首', albumA],
      [4, 'reserved', null, null],
      [5, 'reserved', null, null],
      [8, 'onRecording', '自行輸入', albumA],
      [10, 'reserved', null, null],
    ]);
    expect(page.items[0]).toMatchObject({ isrc: compact(codeA, 1), display: display(codeA, 1), source: 'system' });
    expect(page.items[5]?.source).toBe('manual');
    const second = await codes(a.api, '?pageSize=5&page=2');
    expect(second.items.map((c) => c.designation)).toEqual([8, 10]);
  });

  it('filters reserved codes', async () => {
    const reserved = await codes(a.api, '?status=reserved');
    expect(reserved.items.map((c) => c.designation)).toEqual([4, 5, 10]);
  });

  it('gives an officer every registrant with names', async () => {
    const page = await codes(officer, '?pageSize=100');
    expect(page.total).toBe(11);
    expect(new Set(page.items.map((c) => c.registrant.id))).toEqual(new Set([a.member.registrantId, b.member.registrantId, personC.member.registrantId, personD.member.registrantId]));
  });
});

describe('isolation', () => {
  it("never shows another registrant's codes to a member", async () => {
    failed(await a.api.call('GET', `/used-designations?registrantId=${b.member.registrantId}`), 404, 'NOT_FOUND');
    failed(await a.api.call('GET', `/used-designations/codes?registrantId=${b.member.registrantId}`), 404, 'NOT_FOUND');
    failed(await a.api.call('GET', `/used-designations.csv?registrantId=${b.member.registrantId}`), 404, 'NOT_FOUND');
    const byCode = await summary(a.api, `?registrantCode=${codeB}`);
    expect(byCode.codes).toEqual([]);
    expect((await codes(a.api, `?registrantCode=${codeB}`)).total).toBe(0);
    const c = await codes(personC.api, '?pageSize=100');
    expect(c.items.map((i) => i.designation)).toEqual([1, 2]);
    expect(c.items.every((i) => i.registrant.id === personC.member.registrantId)).toBe(true);
    const body = (await a.api.call('GET', '/used-designations.csv')).body;
    expect(body).not.toContain(display(codeB, 1));
    expect(body).not.toContain(pool);
  });

  it('answers 404 for a registrant that does not exist (staff)', async () => {
    failed(await officer.call('GET', '/used-designations?registrantId=00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
  });
});

describe('exports', () => {
  it('refuses, never cuts short, a year with more codes than one file holds, and says to choose a registrant code', async () => {
    const staff: Actor = { kind: 'staff', userId: randomUUID(), role: 'agency_officer', ip: '127.0.0.1' };
    const tooMany = await exportUsedCodes(env.ctx, staff, {}, 'csv', 'zh-TW', 10).catch((err: unknown) => err);
    expect(isAppError(tooMany, 'USED_CODES_EXPORT_TOO_LARGE') && tooMany.details).toEqual({ max: 10, total: 11 });
    const all = await exportUsedCodes(env.ctx, staff, {}, 'csv', 'zh-TW', 11);
    expect(String(all.body).trim().split('\r\n')).toHaveLength(12);
  });

  it('writes CSV with a byte order mark and headers in the reader’s language', async () => {
    const res = ok(await a.api.call('GET', '/used-designations.csv'));
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('used-designations-2026.csv');
    const lines = res.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('ISRC 編號,登記者代碼,流水號,狀態,曲目名稱,專輯編號,專輯名稱,登記者');
    expect(lines).toHaveLength(8);
    expect(lines[4]).toContain(`${display(codeA, 4)},${codeA},00004,已保留未使用`);
    const english = ok(await a.api.call('GET', '/used-designations.csv?status=reserved', undefined, 'en'));
    expect(english.body.split('\r\n')[0]).toBe('\uFEFFISRC,Registrant code,Designation code,Status,Recording title,Album number,Album title,Registrant');
    expect(english.body.trim().split('\r\n')).toHaveLength(4);
  });

  it('writes an Excel workbook with one row per code, codes kept as text', async () => {
    const res = ok(await officer.call('GET', `/used-designations.xlsx?registrantCode=${pool}`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(4);
    expect(sheet?.getRow(2).getCell(1).value).toBe(display(pool, 1));
    expect(sheet?.getRow(2).getCell(3).value).toBe('00001');
  });
});
