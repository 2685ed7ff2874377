import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import type { ImportPreviewResponse } from '../../src/import/import.schemas.js';
import { addTrack, compact, createAlbum, display, failed, getAlbum, memberSession, ok, staffSession, type Client, type MemberSession } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { useTestApp } from '../helpers/setup.js';
import { image } from './covers-fixtures.js';
import { goodAlbum, postPreview, trackRow, workbook } from './import-fixtures.js';
import { unzipParts, zipParts } from '../fixtures/spreadsheets/zip-bytes.js';

const env = useTestApp();
let co: MemberSession;
let code: string;
let cover: Buffer;

beforeAll(async () => {
  co = await memberSession(env, 'company');
  code = co.member.codes[0] ?? '';
  cover = await image('png', 600, 600);
});

async function preview(api: Client, xlsx: Buffer, options: { nextAvailable?: boolean; lang?: string; noCover?: boolean } = {}): Promise<ImportPreviewResponse> {
  return ok(await postPreview(env, api, xlsx, options.noCover === true ? undefined : cover, options), 201).json<ImportPreviewResponse>();
}

const confirm = (api: Client, id: string) => api.call('POST', `/import/previews/${id}/confirm`);

async function albumCount(registrantId: string): Promise<number> {
  const rows = await queryRows(env.handle, sql`select count(*)::int as n from albums where registrant_id = ${registrantId}`);
  return Number(rows[0]?.n);
}

describe('專輯匯入: preview and confirm', () => {
  it('previews a good file without errors, writes nothing, and the confirm creates one album with all its tracks and the cover', async () => {
    const before = await albumCount(co.member.registrantId);
    const xlsx = await workbook(goodAlbum, [trackRow(2, compact(code, 12)), trackRow(1, display(code, 11), { 錄製長度: '1:02:05' })]);
    const p = await preview(co.api, xlsx);
    expect(p.problems).toEqual([]);
    expect(p.errorCount).toBe(0);
    // Made and expiring by the agency's clock (pinned in tests), a day apart.
    expect(p.createdAt).toBe(env.ctx.clock.now().toISOString());
    expect(Date.parse(p.expiresAt) - Date.parse(p.createdAt)).toBe(24 * 60 * 60 * 1000);
    expect(p.album).toMatchObject({ title: '匯入的專輯', releaseDate: '2026.01.02', albumType: '個人專輯', trackCount: 2, credits: [{ role: 'performer', names: ['林小安'] }] });
    expect(p.tracks.map((t) => [t.position, t.title, t.isrc, t.duration])).toEqual([
      [1, '第 1 首', display(code, 11), '1:02:05'],
      [2, '第 2 首', display(code, 12), '3:25'],
    ]);
    expect(await albumCount(co.member.registrantId)).toBe(before);

    const again = ok(await co.api.call('GET', `/import/previews/${p.id}`)).json<ImportPreviewResponse>();
    expect(again.tracks).toEqual(p.tracks);

    const done = ok(await confirm(co.api, p.id)).json<ImportPreviewResponse>();
    expect(done.status).toBe('confirmed');
    expect(done.albumIds).toHaveLength(1);
    const albumId = done.albumIds?.[0] ?? '';
    const album: AlbumResponse = await getAlbum(co.api, albumId);
    expect(album.status).toBe('draft');
    expect(album.title).toBe('匯入的專輯');
    expect(album.tracks.map((t) => [t.position, t.recording.isrc, t.recording.durationSeconds, t.done])).toEqual([
      [1, compact(code, 11), 3725, true],
      [2, compact(code, 12), 205, true],
    ]);
    expect(album.cover).not.toBeNull();

    // Double click / retry: the same album, still one in the database.
    const twice = ok(await confirm(co.api, p.id)).json<ImportPreviewResponse>();
    expect(twice.albumIds).toEqual(done.albumIds);
    expect(await albumCount(co.member.registrantId)).toBe(before + 1);
  });

  it('lists every problem at once, in the request language, and confirms nothing', async () => {
    const s = await memberSession(env, 'company');
    const own = s.member.codes[0] ?? '';
    const before = await albumCount(s.member.registrantId);
    const xlsx = await workbook({ ...goodAlbum, '*專輯名稱': '', '*發行日期': '2026.13.40', '*專輯類型': '不存在的類型' }, [
      trackRow(1, compact(own, 1), { 錄製長度: '三分鐘' }),
      trackRow(2, compact(own, 1)),
      trackRow(3, compact(code, 99)),
      trackRow(4, '', { 是否為引用: '是' }),
      trackRow(5, '', { '*曲目名稱': '' }),
    ]);
    const p = await preview(s.api, xlsx, { noCover: true });
    const lines = p.problems.map((x) => `${x.severity}|${x.scope}|${x.row ?? ''}|${x.column ?? ''}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'error|album|2|*專輯名稱',
        'error|album|2|*發行日期',
        'error|album|2|*專輯類型',
        'error|track|2|錄製長度',
        'error|track|3|ISRC編號',
        'error|track|4|ISRC編號',
        'error|track|5|ISRC編號',
        'error|track|6|*曲目名稱',
        'error|album||',
      ]),
    );
    expect(p.problems.find((x) => x.row === 3)?.message).toContain('第 2 列');
    expect(p.problems.find((x) => x.row === 4)?.message).toContain(`TW-${code}`);
    expect(p.errorCount).toBeGreaterThanOrEqual(9);
    failed(await confirm(s.api, p.id), 409, 'IMPORT_HAS_ERRORS');
    expect(await albumCount(s.member.registrantId)).toBe(before);
    const en = ok(await s.api.call('GET', `/import/previews/${p.id}`, undefined, 'en')).json<ImportPreviewResponse>();
    expect(en.problems.find((x) => x.row === 3)?.message).toContain('repeats row 2');
  });

  it('refuses a company ISRC already used in the catalog, and takes the next available code when asked', async () => {
    const s = await memberSession(env, 'company');
    const own = s.member.codes[0] ?? '';
    const existing = await createAlbum(s.api);
    await addTrack(s.api, existing.id, { title: '已用' }, { mode: 'own', isrc: compact(own, 5) });
    const p = await preview(s.api, await workbook(goodAlbum, [trackRow(1, compact(own, 5)), trackRow(2, '')]), { nextAvailable: true });
    expect(p.problems.map((x) => [x.severity, x.row, x.column])).toEqual([['error', 2, 'ISRC編號']]);
    expect(p.problems[0]?.message).toContain(display(own, 5));
    expect(p.tracks[1]).toMatchObject({ isrc: display(own, 6), isrcNote: 'next-available' });
    // Without "next available", a company's empty cell stays empty: no code comes at 送出審核 either.
    const blank = await preview(s.api, await workbook(goodAlbum, [trackRow(1, '')]));
    expect(blank.tracks[0]).toMatchObject({ isrc: null, isrcNote: null });

    const ok2 = await preview(s.api, await workbook(goodAlbum, [trackRow(1, ''), trackRow(2, '')]), { nextAvailable: true });
    expect(ok2.errorCount).toBe(0);
    const done = ok(await confirm(s.api, ok2.id)).json<ImportPreviewResponse>();
    const album = await getAlbum(s.api, done.albumIds?.[0] ?? '');
    expect(album.tracks.map((t) => t.recording.isrc)).toEqual([compact(own, 6), compact(own, 7)]);
  });

  it('individuals leave ISRCs empty: a typed one is refused', async () => {
    const person = await memberSession(env, 'individual');
    const p = await preview(person.api, await workbook(goodAlbum, [trackRow(1, ''), trackRow(2, compact(code, 50))]));
    expect(p.problems.map((x) => [x.severity, x.row, x.column])).toEqual([['error', 3, 'ISRC編號']]);
    expect(p.tracks[0]).toMatchObject({ isrc: null, isrcNote: 'on-submission' });
  });

  it("hides another registrant's preview (404) and refuses agency staff (403)", async () => {
    const p = await preview(co.api, await workbook(goodAlbum, [trackRow(1, '')]));
    const other = await memberSession(env, 'company');
    failed(await other.api.call('GET', `/import/previews/${p.id}`), 404, 'NOT_FOUND');
    failed(await confirm(other.api, p.id), 404, 'NOT_FOUND');
    const staff = await staffSession(env);
    failed(await postPreview(env, staff, await workbook(goodAlbum, [trackRow(1, '')]), cover), 403, 'FORBIDDEN');
  });

  it("keeps the workbook's own name without its folders, and refuses a name with control or bidi characters", async () => {
    const xlsx = await workbook(goodAlbum, [trackRow(1, '')]);
    const kept = ok(await postPreview(env, co.api, xlsx, cover, { fileName: 'C:\\報表\\回溯專輯.xlsx' }), 201).json<{ fileName: string }>();
    expect(kept.fileName).toBe('回溯專輯.xlsx');
    for (const fileName of ['evil\u202Exslx.exe', 'a\u0085b.xlsx']) {
      const error = failed(await postPreview(env, co.api, xlsx, cover, { fileName }), 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(error.details)).toContain('invalidCharacter');
    }
  });

  it('refuses a file that is not an .xlsx with its own message', async () => {
    const res = await postPreview(env, co.api, Buffer.from('a,b,c\n1,2,3\n'), cover);
    const error = failed(res, 422, 'IMPORT_FILE_REFUSED');
    expect(error.message).toMatch(/CSV|csv|文字/);
  });

  it('does not read a file of more track rows than any file may hold, and names the limit', async () => {
    const rows = Array.from({ length: 5002 }, (_, i) => trackRow(1 + (i % 999), ''));
    const p = await preview(co.api, await workbook(goodAlbum, rows));
    expect(p.problems.filter((x) => x.severity === 'error').map((x) => x.message)).toEqual(['曲目工作表有 5002 列資料，一個檔案最多 5000 列；檔案未讀取，請分成數個檔案匯入。']);
    expect(p.trackCount).toBe(0);
    failed(await confirm(co.api, p.id), 409, 'IMPORT_HAS_ERRORS');
  });

  it('refuses a workbook whose XML declares entities (an attack on XML parsers) before reading it, in both languages', async () => {
    const parts = await unzipParts(await workbook(goodAlbum, [trackRow(1, '')]));
    const sheet = 'xl/worksheets/sheet2.xml';
    const xml = parts.get(sheet)?.toString('utf8') ?? '';
    expect(xml).toMatch(/^<\?xml/);
    parts.set(sheet, Buffer.from(xml.replace(/^(<\?xml[^>]*\?>)/, '$1<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'), 'utf8'));
    const hostile = zipParts(parts);
    const zh = failed(await postPreview(env, co.api, hostile, cover), 422, 'IMPORT_FILE_REFUSED');
    expect(zh.message).toContain('DOCTYPE／ENTITY');
    const en = failed(await postPreview(env, co.api, hostile, cover, { lang: 'en' }), 422, 'IMPORT_FILE_REFUSED');
    expect(en.message).toContain('XML declarations (DOCTYPE/ENTITY) that no spreadsheet program writes');
  });
});
