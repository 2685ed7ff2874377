import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumPage, AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import { TEST_NOW } from '../helpers/context.js';
import {
  addTrack,
  auditRows,
  completeAlbumFields,
  completeRecording,
  createAlbum,
  failed,
  getAlbum,
  listAlbums,
  memberSession,
  ok,
  staffSession,
  steppingClock,
  type Client,
  type MemberSession,
} from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';

// Albums: create, save drafts (儲存修改), the three lists with paging, sorting and search, delete.

// Sessions idle out after 60 minutes of this clock, so it is moved on only in small steps.
const time = steppingClock(TEST_NOW);
const env = useTestApp(time.clock);
let staff: Client;

beforeAll(async () => {
  staff = await staffSession(env);
});

const titles = (page: AlbumPage) => page.items.map((a) => a.title);
const numbers = (page: AlbumPage) => page.items.map((a) => a.albumNumber);

describe('creating and saving an album', () => {
  it('creates an empty draft of the chosen release type with a new album number', async () => {
    const { api, member } = await memberSession(env);
    const first = await createAlbum(api, undefined, 'physical');
    const second = await createAlbum(api);
    expect(first).toMatchObject({ status: 'draft', releaseType: 'physical', registrantId: member.registrantId, title: '', tracks: [], editable: true, releaseDate: null });
    expect(first.albumNumber).toBeGreaterThanOrEqual(100001);
    expect(second.albumNumber).toBeGreaterThan(first.albumNumber);
    expect(second.releaseType).toBe('digital');
    expect((await auditRows(env, first.id)).map((r) => r.action)).toEqual(['album.create']);
  });

  it('refuses an unknown release type and album creation by agency staff', async () => {
    const { api } = await memberSession(env);
    failed(await api.call('POST', '/albums', { releaseType: 'streaming' }), 400, 'VALIDATION_FAILED');
    failed(await staff.call('POST', '/albums', { releaseType: 'digital' }), 403, 'FORBIDDEN');
  });

  it('saves partial data and keeps what was saved before', async () => {
    const { api } = await memberSession(env);
    const album = await createAlbum(api);
    const one = ok(await api.call('PATCH', `/albums/${album.id}`, { title: '  半張專輯  ' })).json<AlbumResponse>();
    expect(one.title).toBe('半張專輯');
    const two = ok(await api.call('PATCH', `/albums/${album.id}`, { publisher: '某唱片', albumType: 'ep', releaseType: 'physical' })).json<AlbumResponse>();
    expect(two).toMatchObject({ title: '半張專輯', publisher: '某唱片', albumType: 'ep', releaseType: 'physical', status: 'draft' });
    expect(await getAlbum(api, album.id)).toMatchObject({ title: '半張專輯', publisher: '某唱片', albumType: 'ep' });
  });

  it('answers a save with nothing in it (album and track) with the unchanged data', async () => {
    const { api } = await memberSession(env);
    const album = await createAlbum(api, { title: '不變' });
    const track = await addTrack(api, album.id, completeRecording('原樣'));
    expect(ok(await api.call('PATCH', `/albums/${album.id}`, {})).json<AlbumResponse>().title).toBe('不變');
    expect(ok(await api.call('PATCH', `/albums/${album.id}/tracks/${track.id}`, {})).json<{ recording: { title: string } }>().recording.title).toBe('原樣');
  });

  it('stores partial release dates as YYYY, YYYY-MM and YYYY-MM-DD', async () => {
    const { api } = await memberSession(env);
    const album = await createAlbum(api);
    const saved: (string | null)[] = [];
    for (const input of ['2025', '2025.09', '2025.09.01', '2025/9/1', '2025年9月', '']) {
      saved.push(ok(await api.call('PATCH', `/albums/${album.id}`, { releaseDate: input })).json<AlbumResponse>().releaseDate);
    }
    expect(saved).toEqual(['2025', '2025-09', '2025-09-01', '2025-09-01', '2025-09', null]);
  });

  it('refuses an invalid release date naming the field, and saves nothing of that request', async () => {
    const { api } = await memberSession(env);
    const album = await createAlbum(api, { title: '原名', releaseDate: '2024' });
    for (const bad of ['2025.13', '2025.02.30', '25.09', 'soon']) {
      const error = failed(await api.call('PATCH', `/albums/${album.id}`, { title: '新名', releaseDate: bad }), 400, 'VALIDATION_FAILED');
      expect(error.details?.fields).toEqual([expect.objectContaining({ field: 'releaseDate', message: expect.stringContaining('YYYY') as unknown })]);
    }
    expect(await getAlbum(api, album.id)).toMatchObject({ title: '原名', releaseDate: '2024' });
    const en = await api.call('PATCH', `/albums/${album.id}`, { releaseDate: '2025.13' }, 'en');
    expect(en.json<{ error: { details: { fields: { message: string }[] } } }>().error.details.fields[0]?.message).toBe('Use YYYY, YYYY.MM or YYYY.MM.DD (e.g. 2026.03.09).');
  });

  it('keeps an entered total duration as h:mm:ss, else adds up the tracks', async () => {
    const { api } = await memberSession(env);
    const album = await createAlbum(api);
    expect(album.effectiveDuration).toBeNull();
    await addTrack(api, album.id, { title: '一', duration: '3:25' });
    await addTrack(api, album.id, { title: '二', duration: '0:04:40' });
    await addTrack(api, album.id, { title: '三' });
    expect(await getAlbum(api, album.id)).toMatchObject({ totalDuration: null, effectiveDuration: '0:08:05' });
    const entered = ok(await api.call('PATCH', `/albums/${album.id}`, { totalDuration: '1:02:05' })).json<AlbumResponse>();
    expect(entered).toMatchObject({ totalDuration: '1:02:05', effectiveDuration: '1:02:05' });
    const cleared = ok(await api.call('PATCH', `/albums/${album.id}`, { totalDuration: '' })).json<AlbumResponse>();
    expect(cleared).toMatchObject({ totalDuration: null, effectiveDuration: '0:08:05' });
    const bad = failed(await api.call('PATCH', `/albums/${album.id}`, { totalDuration: '1:75:00' }), 400, 'VALIDATION_FAILED');
    expect(bad.details?.fields).toEqual([expect.objectContaining({ field: 'totalDuration' })]);
  });

  it('trims credit names to NFC, drops empty names and empty roles, and keeps the order', async () => {
    const { api } = await memberSession(env);
    const album = await createAlbum(api, {
      credits: [
        { role: 'performer', names: ['  Cafe\u0301 Trio ', '', '   ', '王小明'] },
        { role: 'lyricist', names: ['  '] },
        { role: 'composer', names: ['李大華'] },
      ],
    });
    expect(album.credits).toEqual([
      { role: 'performer', names: ['Caf\u00e9 Trio', '王小明'] },
      { role: 'composer', names: ['李大華'] },
    ]);
    failed(await api.call('PATCH', `/albums/${album.id}`, { credits: [{ role: 'dancer', names: ['x'] }] }), 400, 'VALIDATION_FAILED');
  });
});

describe('album lists', () => {
  it("shows members only their own albums, and staff everyone's", async () => {
    const a = await memberSession(env);
    const b = await memberSession(env);
    const albumA = await createAlbum(a.api, { title: 'A 的專輯' });
    const albumB = await createAlbum(b.api, { title: 'B 的專輯' });
    expect((await listAlbums(a.api, 'view=all')).items.map((x) => x.id)).toEqual([albumA.id]);
    expect((await listAlbums(b.api, 'view=all')).items.map((x) => x.id)).toEqual([albumB.id]);
    failed(await a.api.call('GET', `/albums?registrantId=${b.member.registrantId}`), 404, 'NOT_FOUND');
    const all = await listAlbums(staff, 'view=all&pageSize=100');
    expect(all.items.map((x) => x.id)).toEqual(expect.arrayContaining([albumA.id, albumB.id]));
    const onlyB = await listAlbums(staff, `registrantId=${b.member.registrantId}`);
    expect(onlyB.items.map((x) => x.id)).toEqual([albumB.id]);
    expect(onlyB.items[0]?.registrantName).toContain('company');
  });

  it('pages on the server, 10 per page by default', async () => {
    const { api } = await memberSession(env);
    const created: number[] = [];
    for (let i = 0; i < 12; i++) {
      created.push((await createAlbum(api)).albumNumber);
    }
    const first = await listAlbums(api, 'sort=albumNumber&order=asc');
    expect(first).toMatchObject({ total: 12, totalCapped: false, page: 1, pageSize: 10 });
    expect(numbers(first)).toEqual(created.slice(0, 10));
    const second = await listAlbums(api, 'sort=albumNumber&order=asc&page=2');
    expect(numbers(second)).toEqual(created.slice(10));
    const third = await listAlbums(api, 'sort=albumNumber&order=asc&page=3&pageSize=5');
    expect(third).toMatchObject({ total: 12, page: 3, pageSize: 5 });
    expect(numbers(third)).toEqual(created.slice(10, 12));
    expect(second).toMatchObject({ total: 12 });
    const beyond = await listAlbums(api, 'page=9');
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(12);
    failed(await api.call('GET', '/albums?pageSize=101'), 400, 'VALIDATION_FAILED');
    failed(await api.call('GET', '/albums?sort=artist'), 400, 'VALIDATION_FAILED');
  });

  it('sorts by album number, title, creation and last change, both ways', async () => {
    const { api } = await memberSession(env);
    const bravo = await createAlbum(api, { title: 'Bravo' });
    const charlie = await createAlbum(api, { title: 'Charlie' });
    const alpha = await createAlbum(api, { title: 'Alpha' });
    expect(titles(await listAlbums(api, 'sort=albumNumber&order=asc'))).toEqual(['Bravo', 'Charlie', 'Alpha']);
    expect(titles(await listAlbums(api, ''))).toEqual(['Alpha', 'Charlie', 'Bravo']); // default: newest number first
    expect(titles(await listAlbums(api, 'sort=title&order=asc'))).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(titles(await listAlbums(api, 'sort=title&order=desc'))).toEqual(['Charlie', 'Bravo', 'Alpha']);
    expect(titles(await listAlbums(api, 'sort=createdAt&order=asc'))).toEqual(['Bravo', 'Charlie', 'Alpha']);
    expect(titles(await listAlbums(api, 'sort=createdAt&order=desc'))).toEqual(['Alpha', 'Charlie', 'Bravo']);
    await new Promise((resolve) => setTimeout(resolve, 5));
    ok(await api.call('PATCH', `/albums/${bravo.id}`, { publisher: '改過' }));
    expect(titles(await listAlbums(api, 'sort=updatedAt&order=desc'))[0]).toBe('Bravo');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await addTrack(api, charlie.id, { title: '新曲' }); // a track change counts as a change of the album
    expect(titles(await listAlbums(api, 'sort=updatedAt&order=desc'))).toEqual(['Charlie', 'Bravo', 'Alpha']);
    expect(titles(await listAlbums(api, 'sort=updatedAt&order=asc'))).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect((await listAlbums(api, 'sort=title')).items.map((x) => [x.title, x.trackCount, x.status])).toEqual([
      ['Charlie', 1, 'draft'],
      ['Bravo', 0, 'draft'],
      ['Alpha', 0, 'draft'],
    ]);
    expect(alpha.albumNumber).toBeGreaterThan(charlie.albumNumber);
  });

  it('sorts the review list by submission time and splits to-do, all and review', async () => {
    const { api } = await memberSession(env);
    const first = await createAlbum(api, completeAlbumFields('先建立'));
    const second = await createAlbum(api, completeAlbumFields('後建立'));
    const draft = await createAlbum(api, { title: '草稿' });
    for (const album of [first, second]) {
      await addTrack(api, album.id, completeRecording('歌'), { mode: 'next' });
    }
    ok(await api.call('POST', `/albums/${second.id}/submit`)); // submitted first, though numbered later
    time.advance(600_000);
    ok(await api.call('POST', `/albums/${first.id}/submit`));
    time.advance(600_000);
    expect(titles(await listAlbums(api, 'view=review&sort=submittedAt&order=asc'))).toEqual(['後建立', '先建立']);
    expect(titles(await listAlbums(api, 'view=review&sort=submittedAt&order=desc'))).toEqual(['先建立', '後建立']);
    // Never-submitted drafts go last whichever way the submission time is sorted.
    expect(titles(await listAlbums(api, 'view=all&sort=submittedAt&order=desc'))).toEqual(['先建立', '後建立', '草稿']);
    expect(titles(await listAlbums(api, 'view=all&sort=submittedAt&order=asc'))).toEqual(['後建立', '先建立', '草稿']);
    const review = await listAlbums(api, 'view=review');
    expect(review.items.map((a) => a.status)).toEqual(['submitted', 'submitted']);
    expect(review.items.find((a) => a.id === second.id)?.submittedAt).toBe(TEST_NOW.toISOString());
    ok(await staff.call('POST', `/albums/${first.id}/return`, { reason: '請補資料' }));
    expect(titles(await listAlbums(api, 'view=todo')).sort()).toEqual(['先建立', '草稿'].sort());
    expect((await listAlbums(api, 'view=todo')).items.map((a) => a.status).sort()).toEqual(['draft', 'returned']);
    expect((await listAlbums(api, 'view=all')).total).toBe(3);
    expect((await listAlbums(api, 'view=review')).items.map((a) => a.id)).toEqual([second.id]);
    expect(draft.status).toBe('draft');
  });
});

describe('album search', () => {
  let owner: MemberSession;
  let number: AlbumResponse;
  let isrcAlbum: { album: AlbumResponse; isrc: string };

  beforeAll(async () => {
    owner = await memberSession(env);
    number = await createAlbum(owner.api, {
      title: 'Night Drive',
      credits: [
        { role: 'performer', names: ['陳綺貞'] },
        { role: 'lyricist', names: ['方文山'] },
      ],
    });
    await createAlbum(owner.api, { title: 'Morning 100% Pure', credits: [{ role: 'featured-artist', names: ['Tiny Band'] }] });
    await createAlbum(owner.api, { title: 'Evening_Mood' });
    await createAlbum(owner.api, { title: '回到 1989' });
    await createAlbum(owner.api, { title: '百萬 1000000' });
    const album = await createAlbum(owner.api, { title: '編號專輯' });
    const track = await addTrack(owner.api, album.id, { title: '有碼的歌' }, { mode: 'next' });
    isrcAlbum = { album, isrc: track.recording.isrcDisplay ?? '' };
  });

  const search = async (q: string) => titles(await listAlbums(owner.api, `q=${encodeURIComponent(q)}&sort=title&order=asc`));

  it('finds an album by its exact album number only', async () => {
    expect(await search(String(number.albumNumber))).toEqual(['Night Drive']);
    expect(await search(String(number.albumNumber).slice(0, 5))).toEqual([]);
  });

  it('searches titles for short numbers; six or more digits are an album number', async () => {
    expect(await search('1989')).toEqual(['回到 1989']);
    // A six-digit-or-longer query is taken as an album number, not looked for in titles.
    expect(await search('1000000')).toEqual([]);
    expect(await search('百萬')).toEqual(['百萬 1000000']);
  });

  it('finds titles by substring, ignoring case, with % and _ taken literally', async () => {
    expect(await search('drive')).toEqual(['Night Drive']);
    expect(await search('ING')).toEqual(['Evening_Mood', 'Morning 100% Pure']);
    expect(await search('%')).toEqual(['Morning 100% Pure']);
    expect(await search('_')).toEqual(['Evening_Mood']);
    expect(await search('  drive  ')).toEqual(['Night Drive']);
  });

  it('finds artists by performer names (substring), not by other credits', async () => {
    expect(await search('綺貞')).toEqual(['Night Drive']);
    expect(await search('tiny')).toEqual(['Morning 100% Pure']);
    expect(await search('方文山')).toEqual([]);
  });

  it('finds an album by the exact ISRC of a track, in any spelling', async () => {
    const code = isrcAlbum.isrc; // TW-XXX-26-nnnnn
    for (const spelling of [code, code.replaceAll('-', ''), code.toLowerCase(), `ISRC ${code.replaceAll('-', ' ')}`]) {
      expect(await search(spelling)).toEqual(['編號專輯']);
    }
    expect(await search(code.slice(0, -1))).toEqual([]);
    const other = await memberSession(env);
    expect((await listAlbums(other.api, `q=${encodeURIComponent(code)}`)).items).toEqual([]);
    expect((await listAlbums(staff, `q=${encodeURIComponent(code)}`)).items.map((a) => a.id)).toEqual([isrcAlbum.album.id]);
  });

  it('combines the search with the view and counts only matches', async () => {
    const page = await listAlbums(owner.api, 'q=ing&view=todo');
    expect(page.total).toBe(2);
    expect((await listAlbums(owner.api, 'q=ing&view=review')).total).toBe(0);
  });
});

describe('deleting an album', () => {
  it('deletes a draft without tracks', async () => {
    const { api } = await memberSession(env);
    const album = await createAlbum(api, { title: '要刪的' });
    const res = await api.call('DELETE', `/albums/${album.id}`);
    expect(res.statusCode).toBe(204);
    failed(await api.call('GET', `/albums/${album.id}`), 404, 'NOT_FOUND');
    expect((await listAlbums(api, 'view=all')).total).toBe(0);
    expect((await auditRows(env, album.id)).map((r) => r.action)).toEqual(['album.create', 'album.update', 'album.delete']);
  });

  it('refuses while the album has tracks, listing them and saying to delete them first', async () => {
    const { api } = await memberSession(env);
    const album = await createAlbum(api, { title: '有曲目' });
    const one = await addTrack(api, album.id, { title: '第一首' }, { mode: 'next' });
    const two = await addTrack(api, album.id, { title: '第二首' });
    const error = failed(await api.call('DELETE', `/albums/${album.id}`), 409, 'ALBUM_HAS_TRACKS');
    expect(error.message).toBe('請先刪除專輯中的 2 首曲目，再刪除專輯。');
    expect(error.details?.tracks).toEqual([
      { id: one.id, position: 1, title: '第一首', isrc: one.recording.isrcDisplay },
      { id: two.id, position: 2, title: '第二首', isrc: null },
    ]);
    expect((await api.call('DELETE', `/albums/${album.id}`, undefined, 'en')).json<{ error: { message: string } }>().error.message).toBe(
      'Delete the 2 tracks of this album first, then the album.',
    );
    expect((await getAlbum(api, album.id)).tracks).toHaveLength(2);
    for (const t of [one, two]) {
      expect((await api.call('DELETE', `/albums/${album.id}/tracks/${t.id}`)).statusCode).toBe(204);
    }
    expect((await api.call('DELETE', `/albums/${album.id}`)).statusCode).toBe(204);
  });

  it('refuses albums that were ever submitted', async () => {
    const { api } = await memberSession(env);
    const album = await createAlbum(api, completeAlbumFields('送審過'));
    const track = await addTrack(api, album.id, completeRecording('歌'), { mode: 'next' });
    ok(await api.call('POST', `/albums/${album.id}/submit`));
    failed(await api.call('DELETE', `/albums/${album.id}`), 409, 'ALBUM_NOT_EDITABLE');
    ok(await staff.call('POST', `/albums/${album.id}/return`, { reason: '封面不清楚' }));
    expect((await api.call('DELETE', `/albums/${album.id}/tracks/${track.id}`)).statusCode).toBe(204);
    failed(await api.call('DELETE', `/albums/${album.id}`), 409, 'ALBUM_NOT_DELETABLE');
    expect((await getAlbum(api, album.id)).status).toBe('returned');
    failed(await staff.call('DELETE', `/albums/${album.id}`), 403, 'FORBIDDEN');
  });
});
