import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import { queryRows } from '../helpers/db.js';
import { ensurePoolCode } from '../helpers/factories.js';
import {
  addTrack,
  approvedAlbum,
  auditRows,
  completeAlbumFields,
  completeRecording,
  counterValue,
  createAlbum,
  display,
  failed,
  getAlbum,
  memberSession,
  ok,
  staffSession,
  type Client,
  type ProblemJson,
} from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';

// 送出審核: the completeness check (every problem at once), read-only after submission, and
// individuals' pool codes assigned in the submitting transaction.

const env = useTestApp();
let staff: Client;
let pool: string;

beforeAll(async () => {
  staff = await staffSession(env);
  [pool = ''] = await ensurePoolCode(env.ctx);
});

const problemsOf = (error: { details?: Record<string, unknown> }) => (error.details?.problems ?? []) as ProblemJson[];
const brief = (problems: ProblemJson[]) => problems.map((p) => `${p.scope}${p.position === undefined ? '' : `#${p.position}`}.${p.field}:${p.code}`);

describe('the completeness check', () => {
  it('lists every missing album field, and the missing tracks, at once', async () => {
    const { api } = await memberSession(env);
    const album = await createAlbum(api);
    const error = failed(await api.call('POST', `/albums/${album.id}/submit`), 422, 'ALBUM_INCOMPLETE');
    expect(brief(problemsOf(error))).toEqual([
      'album.title:required',
      'album.credits:credits',
      'album.publisher:required',
      'album.releaseDate:required',
      'album.productionCompany:required',
      'album.albumType:choose',
      'album.tracks:no-tracks',
    ]);
    expect(error.message).toBe('專輯尚有 7 個欄位未完成，請依清單修正後再送出審核。');
    expect(problemsOf(error).map((p) => p.message)).toEqual([
      '請輸入專輯名稱。',
      '請在作品職責中至少填寫一位姓名（例如表演者）。',
      '請輸入發行公司。',
      '請輸入發行日期。',
      '請輸入製作公司。',
      '請選擇專輯類型。',
      '專輯至少需要一首曲目，請點選「曲目新增」。',
    ]);
    const en = failed(await api.call('POST', `/albums/${album.id}/submit`, undefined, 'en'), 422, 'ALBUM_INCOMPLETE');
    expect(en.message).toBe('7 fields are missing or invalid; please correct them and submit again.');
    expect(problemsOf(en)[0]?.message).toBe('Please enter the album title.');
    expect((await getAlbum(api, album.id)).status).toBe('draft');
  });

  it("reports each track's problems with its position, in track order, next to the album's", async () => {
    const { api } = await memberSession(env);
    const album = await createAlbum(api, { ...completeAlbumFields('差一點'), credits: [{ role: 'performer', names: ['  '] }] });
    const good = await addTrack(api, album.id, completeRecording('完整'), { mode: 'next' });
    const bare = await addTrack(api, album.id, {});
    const remix = await addTrack(api, album.id, completeRecording('Remix', { versionType: 'remix' }), { mode: 'next' });
    expect([good.done, bare.done, remix.done]).toEqual([true, false, false]);
    const error = failed(await api.call('POST', `/albums/${album.id}/submit`, undefined, 'en'), 422, 'ALBUM_INCOMPLETE');
    const problems = problemsOf(error);
    expect(brief(problems)).toEqual([
      'album.credits:credits',
      'track#2.isrc:isrc-required',
      'track#2.title:required',
      'track#2.credits:credits',
      'track#2.productionCompany:required',
      'track#3.versionOfIsrc:required',
    ]);
    expect(problems.filter((p) => p.scope === 'track').map((p) => p.trackId)).toEqual([bare.id, bare.id, bare.id, bare.id, remix.id]);
    expect(problems.map((p) => p.message)).toEqual([
      'Please enter at least one name under credits (e.g. the performer).',
      'Track 2: Please enter an ISRC or take the next available one.',
      'Track 2: Please enter the track title.',
      'Track 2: Please enter at least one name under credits (e.g. the performer).',
      'Track 2: Please enter the production company.',
      'Track 3: Please enter the ISRC of the original version.',
    ]);
    expect(error.message).toBe('6 fields are missing or invalid; please correct them and submit again.');
    const zh = failed(await api.call('POST', `/albums/${album.id}/submit`), 422, 'ALBUM_INCOMPLETE');
    expect(problemsOf(zh)[2]?.message).toBe('第 2 首：請輸入曲目名稱。');
    expect(await getAlbum(api, album.id)).toMatchObject({ status: 'draft', editable: true, submittedAt: null });
  });

  it('does not ask for an ISRC on tracks of individuals (the pool assigns it)', async () => {
    const { api } = await memberSession(env, 'individual');
    const album = await createAlbum(api, completeAlbumFields('個人'));
    await addTrack(api, album.id, { title: '缺資料' });
    const error = failed(await api.call('POST', `/albums/${album.id}/submit`), 422, 'ALBUM_INCOMPLETE');
    expect(brief(problemsOf(error))).toEqual(['track#1.credits:credits', 'track#1.productionCompany:required']);
  });
});

describe('a submitted album', () => {
  it('is with the agency and read-only for the registrant', async () => {
    const { api, member } = await memberSession(env);
    const album = await createAlbum(api, completeAlbumFields('送審'));
    const track = await addTrack(api, album.id, completeRecording('歌'), { mode: 'next' });
    const before = await counterValue(env, member.codes[0]!);
    const submitted = ok(await api.call('POST', `/albums/${album.id}/submit`)).json<AlbumResponse>();
    expect(submitted).toMatchObject({ status: 'submitted', editable: false, submittedAt: '2026-06-15T08:00:00.000Z' });
    expect(submitted.tracks[0]?.recording.isrc).toBe(track.recording.isrc);
    expect(await counterValue(env, member.codes[0]!)).toBe(before);
    const attempts = [
      await api.call('PATCH', `/albums/${album.id}`, { title: '偷改' }),
      await api.call('POST', `/albums/${album.id}/tracks`, { recording: { title: '加歌' } }),
      await api.call('PATCH', `/albums/${album.id}/tracks/${track.id}`, { title: '改歌' }),
      await api.call('PUT', `/albums/${album.id}/tracks/${track.id}/isrc`, { isrc: { mode: 'next' } }),
      await api.call('DELETE', `/albums/${album.id}/tracks/${track.id}`),
      await api.call('DELETE', `/albums/${album.id}`),
      await api.call('POST', `/albums/${album.id}/submit`),
    ];
    expect(attempts.map((r) => `${r.statusCode} ${r.json<{ error: { code: string } }>().error.code}`)).toEqual(Array.from({ length: 7 }, () => '409 ALBUM_NOT_EDITABLE'));
    expect(attempts[0]?.json<{ error: { message: string } }>().error.message).toBe('專輯審核中或已通過審核，目前無法修改。');
    const after = await getAlbum(api, album.id);
    expect(after).toMatchObject({ title: '送審', status: 'submitted' });
    expect(after.tracks.map((t) => [t.id, t.recording.title])).toEqual([[track.id, '歌']]);
    failed(await staff.call('POST', `/albums/${album.id}/submit`), 403, 'FORBIDDEN');
  });
});

describe("individuals' ISRCs from the agency pool", () => {
  it('assigns consecutive codes in track order on submission; cited and foreign tracks keep theirs', async () => {
    const company = await memberSession(env);
    const source = await approvedAlbum(company, staff, '可引用', ['經典']);
    const classic = source.tracks[0]!.recording;
    const person = await memberSession(env, 'individual');
    const album = await createAlbum(person.api, completeAlbumFields('三首新歌'));
    await addTrack(person.api, album.id, completeRecording('第一'));
    ok(await person.api.call('POST', `/albums/${album.id}/tracks/cite`, { recordingId: classic.id }), 201);
    await addTrack(person.api, album.id, completeRecording('第三'));
    await addTrack(person.api, album.id, completeRecording('境外'), { mode: 'foreign', isrc: 'GBAYE6700001' });
    await addTrack(person.api, album.id, completeRecording('第五'));
    const before = await counterValue(env, pool);
    const submitted = ok(await person.api.call('POST', `/albums/${album.id}/submit`)).json<AlbumResponse>();
    expect(submitted.status).toBe('submitted');
    expect(submitted.tracks.map((t) => [t.recording.title, t.recording.isrcDisplay, t.recording.isrcSource])).toEqual([
      ['第一', display(pool, before + 1), 'system'],
      ['經典', classic.isrcDisplay, classic.isrcSource],
      ['第三', display(pool, before + 2), 'system'],
      ['境外', 'GB-AYE-67-00001', 'foreign'],
      ['第五', display(pool, before + 3), 'system'],
    ]);
    expect(await counterValue(env, pool)).toBe(before + 3);
    const ledger = await queryRows(env.handle, sql`select designation from isrc_assignments where registrant_id = ${person.member.registrantId} order by designation`);
    expect(ledger.map((r) => Number(r.designation))).toEqual([before + 1, before + 2, before + 3]);
    const submitAudit = (await auditRows(env, album.id)).filter((r) => r.action === 'album.submit');
    expect(submitAudit).toEqual([
      expect.objectContaining({ actorUserId: person.member.userId, after: { status: 'submitted', assignedIsrcs: [1, 2, 3].map((i) => display(pool, before + i).replaceAll('-', '')) } }),
    ]);
    expect((await getAlbum(company.api, source.id)).tracks[0]!.recording).toEqual(classic);
  });

  it('assigns nothing when the submission fails', async () => {
    const person = await memberSession(env, 'individual');
    const album = await createAlbum(person.api, { ...completeAlbumFields('缺發行日'), releaseDate: '' });
    await addTrack(person.api, album.id, completeRecording('一'));
    await addTrack(person.api, album.id, completeRecording('二'));
    const before = await counterValue(env, pool);
    const error = failed(await person.api.call('POST', `/albums/${album.id}/submit`), 422, 'ALBUM_INCOMPLETE');
    expect(brief(problemsOf(error))).toEqual(['album.releaseDate:required']);
    expect(await counterValue(env, pool)).toBe(before);
    const after = await getAlbum(person.api, album.id);
    expect(after.status).toBe('draft');
    expect(after.tracks.map((t) => t.recording.isrc)).toEqual([null, null]);
    expect((await auditRows(env, album.id)).map((r) => r.action)).not.toContain('album.submit');
    ok(await person.api.call('PATCH', `/albums/${album.id}`, { releaseDate: '2026.07' }));
    const submitted = ok(await person.api.call('POST', `/albums/${album.id}/submit`)).json<AlbumResponse>();
    expect(submitted.tracks.map((t) => t.recording.isrcDisplay)).toEqual([display(pool, before + 1), display(pool, before + 2)]);
  });

  it('rolls the allocation back when the submission fails after taking codes', async () => {
    const person = await memberSession(env, 'individual');
    const album = await createAlbum(person.api, completeAlbumFields('版本衝突'));
    const before = await counterValue(env, pool);
    // The pool's next code is named as the original of this remix, so the code it would get is refused.
    await addTrack(person.api, album.id, completeRecording('Remix', { versionType: 'remix', versionOfIsrc: display(pool, before + 1) }));
    failed(await person.api.call('POST', `/albums/${album.id}/submit`), 400, 'VERSION_SAME_ISRC');
    expect(await counterValue(env, pool)).toBe(before);
    const after = await getAlbum(person.api, album.id);
    expect(after).toMatchObject({ status: 'draft', submittedAt: null });
    expect(after.tracks[0]?.recording.isrc).toBeNull();
    const ledger = await queryRows(env.handle, sql`select count(*)::int as n from isrc_assignments where registrant_id = ${person.member.registrantId}`);
    expect(Number(ledger[0]?.n)).toBe(0);
  });

  it('keeps pool codes with their recordings when a returned album is resubmitted', async () => {
    const person = await memberSession(env, 'individual');
    const album = await createAlbum(person.api, completeAlbumFields('退回再送'));
    const track = await addTrack(person.api, album.id, completeRecording('一'));
    const first = ok(await person.api.call('POST', `/albums/${album.id}/submit`)).json<AlbumResponse>();
    const code = first.tracks[0]!.recording.isrc;
    ok(await staff.call('POST', `/albums/${album.id}/return`, { reason: '請補充曲目介紹' }));
    failed(await person.api.call('PUT', `/albums/${album.id}/tracks/${track.id}/isrc`, { isrc: { mode: 'none' } }), 400, 'ISRC_ASSIGNED_ON_SUBMISSION');
    const before = await counterValue(env, pool);
    const again = ok(await person.api.call('POST', `/albums/${album.id}/submit`)).json<AlbumResponse>();
    expect(again.tracks[0]!.recording.isrc).toBe(code);
    expect(await counterValue(env, pool)).toBe(before);
  });

  it('consumes no code for an album of cited tracks only', async () => {
    const company = await memberSession(env);
    const source = await approvedAlbum(company, staff, '來源', ['舊歌']);
    const person = await memberSession(env, 'individual');
    const album = await createAlbum(person.api, completeAlbumFields('全引用'));
    ok(await person.api.call('POST', `/albums/${album.id}/tracks/cite`, { recordingId: source.tracks[0]!.recording.id }), 201);
    const before = await counterValue(env, pool);
    const submitted = ok(await person.api.call('POST', `/albums/${album.id}/submit`)).json<AlbumResponse>();
    expect(submitted.tracks.map((t) => t.recording.isrc)).toEqual([source.tracks[0]!.recording.isrc]);
    expect(await counterValue(env, pool)).toBe(before);
  });
});
