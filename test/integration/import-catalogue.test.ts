/**
 * 專輯匯入 of a back catalogue (回溯編碼): many albums in one workbook keyed by 專輯代號, checked across
 * the whole file, previewed grouped by album, and confirmed all or nothing — also streamed with progress.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreviewResponse } from '../../src/import/import.schemas.js';
import { addTrack, compact, createAlbum, display, failed, getAlbum, memberSession, ok, type Client, type MemberSession } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { useTestApp } from '../helpers/setup.js';
import { image } from './covers-fixtures.js';
import { catalogueWorkbook, confirmStreamed, streamLines, type CatalogueAlbum } from './import-catalogue-fixtures.js';
import { postPreview } from './import-fixtures.js';

const env = useTestApp();
let cover: Buffer;

beforeAll(async () => {
  cover = await image('png', 600, 600);
});

async function preview(api: Client, xlsx: Buffer, withCover = false): Promise<ImportPreviewResponse> {
  return ok(await postPreview(env, api, xlsx, withCover ? cover : undefined), 201).json<ImportPreviewResponse>();
}
const confirm = (api: Client, id: string) => api.call('POST', `/import/previews/${id}/confirm`);

async function counts(registrantId: string): Promise<{ albums: number; recordings: number }> {
  const [row] = await queryRows(
    env.handle,
    sql`select (select count(*)::int from albums where registrant_id = ${registrantId}) as albums, (select count(*)::int from recordings where registrant_id = ${registrantId}) as recordings`,
  );
  return { albums: Number(row?.albums), recordings: Number(row?.recordings) };
}

/** Three albums of 2, 3 and 1 tracks with the company's own codes 1–6. */
function threeAlbums(code: string): CatalogueAlbum[] {
  let n = 0;
  const tracks = (count: number) => Array.from({ length: count }, () => ({ isrc: compact(code, ++n) }));
  return [
    { key: 'A1', album: { '*專輯名稱': '第一張' }, tracks: tracks(2) },
    { key: 'A2', album: { '*專輯名稱': '第二張', '*發行日期': '2019.05' }, tracks: tracks(3) },
    { key: 'A3', album: { '*專輯名稱': '第三張' }, tracks: tracks(1) },
  ];
}

describe('專輯匯入: a back catalogue in one workbook', () => {
  let co: MemberSession;
  let code: string;
  beforeAll(async () => {
    co = await memberSession(env, 'company');
    code = co.member.codes[0] ?? '';
  });

  it('previews three albums grouped by album without a cover, and one confirm creates all three with their tracks', async () => {
    const before = await counts(co.member.registrantId);
    const p = await preview(co.api, await catalogueWorkbook(threeAlbums(code)));
    expect(p.problems).toEqual([]);
    expect(p).toMatchObject({ kind: 'catalogue', album: null, tracks: [], albumCount: 3, trackCount: 6, albumPage: 1, hasCover: false });
    expect(p.albums.map((g) => [g.key, g.album?.title, g.album?.releaseDate, g.tracks.map((t) => t.isrc), g.errorCount])).toEqual([
      ['A1', '第一張', '2026.01.02', [display(code, 1), display(code, 2)], 0],
      ['A2', '第二張', '2019.05', [display(code, 3), display(code, 4), display(code, 5)], 0],
      ['A3', '第三張', '2026.01.02', [display(code, 6)], 0],
    ]);
    expect(await counts(co.member.registrantId)).toEqual(before);
    const page2 = ok(await co.api.call('GET', `/import/previews/${p.id}?albumPage=2&albumPageSize=2`)).json<ImportPreviewResponse>();
    expect(page2.albums.map((g) => g.key)).toEqual(['A3']);

    const done = ok(await confirm(co.api, p.id)).json<ImportPreviewResponse>();
    expect(done.status).toBe('confirmed');
    expect(done.albumIds).toHaveLength(3);
    const albums = await Promise.all((done.albumIds ?? []).map((id) => getAlbum(co.api, id)));
    expect(albums.map((a) => [a.status, a.title, a.cover, a.tracks.map((t) => t.recording.isrc)])).toEqual([
      ['draft', '第一張', null, [compact(code, 1), compact(code, 2)]],
      ['draft', '第二張', null, [compact(code, 3), compact(code, 4), compact(code, 5)]],
      ['draft', '第三張', null, [compact(code, 6)]],
    ]);
    expect(await counts(co.member.registrantId)).toEqual({ albums: before.albums + 3, recordings: before.recordings + 6 });
  });

  it('sets a cover sent with a catalogue aside with a warning: covers are added per album', async () => {
    const s = await memberSession(env, 'company');
    const p = await preview(s.api, await catalogueWorkbook(threeAlbums(s.member.codes[0] ?? '')), true);
    expect(p.hasCover).toBe(false);
    expect(p.problems.map((x) => [x.severity, x.row])).toEqual([['warning', null]]);
    expect(p.problems[0]?.message).toContain('各專輯頁面上傳其封面');
  });

  it('refuses an ISRC used in two albums of the file, naming the row and album key, in the request language', async () => {
    const s = await memberSession(env, 'company');
    const own = s.member.codes[0] ?? '';
    const albums = threeAlbums(own);
    const last = albums[2];
    if (last === undefined) {
      throw new Error('three albums');
    }
    last.tracks = [{ isrc: display(own, 2) }];
    const before = await counts(s.member.registrantId);
    const p = await preview(s.api, await catalogueWorkbook(albums));
    const errors = p.problems.filter((x) => x.severity === 'error');
    expect(errors.map((x) => [x.scope, x.row, x.column, x.albumKey])).toEqual([['track', 7, 'ISRC編號', 'A3']]);
    expect(errors[0]?.message).toContain('第 3 列（專輯代號 A1）');
    expect(p.albums.map((g) => g.errorCount)).toEqual([0, 0, 1]);
    const en = ok(await s.api.call('GET', `/import/previews/${p.id}`, undefined, 'en')).json<ImportPreviewResponse>();
    expect(en.problems[0]?.message).toContain('album key A1');
    failed(await confirm(s.api, p.id), 409, 'IMPORT_HAS_ERRORS');
    expect(await counts(s.member.registrantId)).toEqual(before);
  });

  it('writes nothing when the last album fails at the confirm (its ISRC taken since the preview), and says so in the stream', async () => {
    const s = await memberSession(env, 'company');
    const own = s.member.codes[0] ?? '';
    const p = await preview(s.api, await catalogueWorkbook(threeAlbums(own)));
    expect(p.errorCount).toBe(0);
    const meanwhile = await createAlbum(s.api);
    await addTrack(s.api, meanwhile.id, { title: '搶先' }, { mode: 'own', isrc: compact(own, 6) });
    const before = await counts(s.member.registrantId);

    const res = ok(await confirmStreamed(env, s.api, p.id));
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const { lines, error } = streamLines(res);
    expect(lines.some((l) => l.type === 'progress' && l.phase === 'writing')).toBe(true);
    expect(error).toMatchObject({ status: 409, error: { code: 'IMPORT_HAS_ERRORS' } });
    expect(await counts(s.member.registrantId)).toEqual(before);
    const [free] = await queryRows(env.handle, sql`select count(*)::int as n from recordings where isrc = ${compact(own, 1)}`);
    expect(Number(free?.n)).toBe(0);
    const again = ok(await s.api.call('GET', `/import/previews/${p.id}`)).json<ImportPreviewResponse>();
    expect(again.status).toBe('open');
  });

  it('confirming twice at once creates the albums once and answers the same albums', async () => {
    const s = await memberSession(env, 'company');
    const p = await preview(s.api, await catalogueWorkbook(threeAlbums(s.member.codes[0] ?? '')));
    const before = await counts(s.member.registrantId);
    const [a, b] = await Promise.all([confirm(s.api, p.id), confirmStreamed(env, s.api, p.id)]);
    const first = ok(a).json<ImportPreviewResponse>();
    const second = streamLines(ok(b)).preview;
    expect(first.albumIds).toHaveLength(3);
    expect(second?.albumIds).toEqual(first.albumIds);
    const third = ok(await confirm(s.api, p.id)).json<ImportPreviewResponse>();
    expect(third.albumIds).toEqual(first.albumIds);
    expect(await counts(s.member.registrantId)).toEqual({ albums: before.albums + 3, recordings: before.recordings + 6 });
  });
});
