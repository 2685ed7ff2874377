import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse, TrackResponse } from '../../src/catalog/catalog.schemas.js';
import { ensurePoolCode, newStaff, TEST_PASSWORD } from '../helpers/factories.js';
import { loginCookie } from '../helpers/app.js';
import {
  addTrack,
  auditRows,
  citable,
  client,
  completeAlbumFields,
  completeRecording,
  counterValue,
  createAlbum,
  display,
  failed,
  getAlbum,
  listAlbums,
  memberSession,
  ok,
  type Client,
  type MemberSession,
} from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';

// The agency's review: draft → submitted → approved | returned → submitted …, with an audit row
// for every transition; approved albums are locked for good.

const env = useTestApp();
let staff: Client;
let staffUserId: string;
let pool: string;

beforeAll(async () => {
  const officer = await newStaff(env.ctx, 'agency_officer');
  staffUserId = officer.userId;
  staff = client(env, await loginCookie(env.app, officer.loginName, TEST_PASSWORD));
  [pool = ''] = await ensurePoolCode(env.ctx);
});

async function submittedAlbum(session: MemberSession, title: string): Promise<{ album: AlbumResponse; track: TrackResponse }> {
  const album = await createAlbum(session.api, completeAlbumFields(title));
  const individual = session.member.codes.length === 0;
  const track = await addTrack(session.api, album.id, completeRecording(`${title} 的歌`), individual ? { mode: 'none' } : { mode: 'next' });
  ok(await session.api.call('POST', `/albums/${album.id}/submit`));
  return { album, track };
}

describe('approving', () => {
  it('approves a submitted album, makes its recordings citable and locks it for good', async () => {
    const co = await memberSession(env);
    const { album, track } = await submittedAlbum(co, '待核准');
    expect(
      ok(await staff.call('GET', `/albums/${album.id}`))
        .json<AlbumResponse>()
        .tracks.map((t) => t.id),
    ).toEqual([track.id]);
    const approved = ok(await staff.call('POST', `/albums/${album.id}/approve`)).json<AlbumResponse>();
    expect(approved).toMatchObject({ status: 'approved', editable: false, returnReason: null });
    expect(approved.tracks[0]?.recording).toMatchObject({ id: track.recording.id, isrc: track.recording.isrc, approved: true });
    expect((await citable(co.api, '待核准')).map((r) => r.id)).toEqual([track.recording.id]);
    const attempts = [
      await co.api.call('PATCH', `/albums/${album.id}`, { title: '改' }),
      await co.api.call('DELETE', `/albums/${album.id}`),
      await co.api.call('POST', `/albums/${album.id}/submit`),
      await co.api.call('POST', `/albums/${album.id}/tracks`, { recording: { title: '加' } }),
      await co.api.call('PATCH', `/albums/${album.id}/tracks/${track.id}`, { title: '改' }),
      await co.api.call('DELETE', `/albums/${album.id}/tracks/${track.id}`),
    ];
    expect(attempts.map((r) => `${r.statusCode} ${r.json<{ error: { code: string } }>().error.code}`)).toEqual(Array.from({ length: 6 }, () => '409 ALBUM_NOT_EDITABLE'));
    // Deciding a decided album names the decision that won (src/review/review.service.ts).
    failed(await staff.call('POST', `/albums/${album.id}/approve`), 409, 'REVIEW_ALREADY_DECIDED');
    const back = failed(await staff.call('POST', `/albums/${album.id}/return`, { reason: '其實不行' }), 409, 'REVIEW_ALREADY_DECIDED');
    expect(back.details).toMatchObject({ round: 1, decision: 'approved' });
    expect(await getAlbum(co.api, album.id)).toMatchObject({ status: 'approved', title: '待核准' });
  });

  it('refuses to review drafts and returned albums', async () => {
    const co = await memberSession(env);
    const draft = await createAlbum(co.api, completeAlbumFields('草稿'));
    failed(await staff.call('POST', `/albums/${draft.id}/approve`), 409, 'INVALID_TRANSITION');
    failed(await staff.call('POST', `/albums/${draft.id}/return`, { reason: '還沒送' }), 409, 'INVALID_TRANSITION');
    const { album } = await submittedAlbum(co, '退件');
    ok(await staff.call('POST', `/albums/${album.id}/return`, { reason: '缺資料' }));
    failed(await staff.call('POST', `/albums/${album.id}/approve`), 409, 'REVIEW_ALREADY_DECIDED');
    failed(await staff.call('POST', `/albums/${album.id}/return`, { reason: '再退' }), 409, 'REVIEW_ALREADY_DECIDED');
    failed(await staff.call('POST', '/albums/00000000-0000-4000-8000-000000000000/approve'), 404, 'NOT_FOUND');
    expect((await getAlbum(co.api, draft.id)).status).toBe('draft');
  });

  it('answers members who call approve or return with 404, even for their own album', async () => {
    const co = await memberSession(env);
    const { album } = await submittedAlbum(co, '自己核准');
    failed(await co.api.call('POST', `/albums/${album.id}/approve`), 404, 'NOT_FOUND');
    failed(await co.api.call('POST', `/albums/${album.id}/return`, { reason: '自己退' }), 404, 'NOT_FOUND');
    expect((await getAlbum(co.api, album.id)).status).toBe('submitted');
    expect((await auditRows(env, album.id)).map((r) => r.action)).not.toContain('album.approve');
  });
});

describe('returning', () => {
  it('shows the reason, makes the album editable again and lets it be resubmitted', async () => {
    const co = await memberSession(env);
    const { album, track } = await submittedAlbum(co, '要修改');
    failed(await staff.call('POST', `/albums/${album.id}/return`, {}), 400, 'VALIDATION_FAILED');
    failed(await staff.call('POST', `/albums/${album.id}/return`, { reason: '' }), 400, 'VALIDATION_FAILED');
    const returned = ok(await staff.call('POST', `/albums/${album.id}/return`, { reason: '  封面與曲名不符，請修正。 ' })).json<AlbumResponse>();
    expect(returned).toMatchObject({ status: 'returned', editable: true, returnReason: '封面與曲名不符，請修正。' });
    expect(await getAlbum(co.api, album.id)).toMatchObject({ status: 'returned', returnReason: '封面與曲名不符，請修正。' });
    expect((await listAlbums(co.api, 'view=todo')).items.map((a) => [a.id, a.status])).toEqual([[album.id, 'returned']]);
    expect((await listAlbums(co.api, 'view=review')).total).toBe(0);
    ok(await co.api.call('PATCH', `/albums/${album.id}`, { title: '已修改' }));
    ok(await co.api.call('PATCH', `/albums/${album.id}/tracks/${track.id}`, { title: '新曲名' }));
    const added = await addTrack(co.api, album.id, completeRecording('補一首'), { mode: 'next' });
    const resubmitted = ok(await co.api.call('POST', `/albums/${album.id}/submit`)).json<AlbumResponse>();
    expect(resubmitted).toMatchObject({ status: 'submitted', editable: false, title: '已修改' });
    expect(resubmitted.tracks.map((t) => [t.recording.title, t.recording.isrc])).toEqual([
      ['新曲名', track.recording.isrc],
      ['補一首', added.recording.isrc],
    ]);
    expect((await listAlbums(co.api, 'view=review')).items.map((a) => a.id)).toEqual([album.id]);
    const approved = ok(await staff.call('POST', `/albums/${album.id}/approve`)).json<AlbumResponse>();
    expect(approved.status).toBe('approved');
  });

  it('needs a reason that is more than blanks', async () => {
    const co = await memberSession(env);
    const { album } = await submittedAlbum(co, '空白理由');
    const res = await staff.call('POST', `/albums/${album.id}/return`, { reason: ' \n\t ' });
    expect(`${res.statusCode} ${res.statusCode === 200 ? JSON.stringify(res.json<AlbumResponse>().returnReason) : res.json<{ error: { code: string } }>().error.code}`).toBe(
      '400 VALIDATION_FAILED',
    );
    expect(await getAlbum(co.api, album.id)).toMatchObject({ status: 'submitted', returnReason: null });
  });

  it("keeps an individual's assigned codes on resubmission and gives only new tracks new ones", async () => {
    const person = await memberSession(env, 'individual');
    const { album } = await submittedAlbum(person, '個人退件');
    const first = (await getAlbum(person.api, album.id)).tracks[0]!.recording;
    expect(first.isrc?.slice(2, 5)).toBe(pool);
    ok(await staff.call('POST', `/albums/${album.id}/return`, { reason: '請補一首' }));
    await addTrack(person.api, album.id, completeRecording('補上'));
    const before = await counterValue(env, pool);
    const resubmitted = ok(await person.api.call('POST', `/albums/${album.id}/submit`)).json<AlbumResponse>();
    expect(resubmitted.tracks.map((t) => t.recording.isrcDisplay)).toEqual([first.isrcDisplay, display(pool, before + 1)]);
    expect(await counterValue(env, pool)).toBe(before + 1);
  });
});

describe('the audit trail', () => {
  it('writes one row per transition, with who did it and the statuses', async () => {
    const co = await memberSession(env);
    const { album } = await submittedAlbum(co, '稽核');
    ok(await staff.call('POST', `/albums/${album.id}/return`, { reason: '第一次退件' }));
    ok(await co.api.call('POST', `/albums/${album.id}/submit`));
    ok(await staff.call('POST', `/albums/${album.id}/approve`));
    const rows = (await auditRows(env, album.id)).filter((r) => r.action.startsWith('album.') && !['album.create', 'album.update'].includes(r.action));
    expect(rows).toEqual([
      { action: 'album.submit', actorUserId: co.member.userId, before: { status: 'draft' }, after: { status: 'submitted', assignedIsrcs: [] } },
      { action: 'album.return', actorUserId: staffUserId, before: { status: 'submitted' }, after: { status: 'returned', reason: '第一次退件' } },
      { action: 'album.submit', actorUserId: co.member.userId, before: { status: 'returned' }, after: { status: 'submitted', assignedIsrcs: [] } },
      { action: 'album.approve', actorUserId: staffUserId, before: { status: 'submitted' }, after: { status: 'approved', reason: null } },
    ]);
  });

  it('writes nothing for refused transitions', async () => {
    const co = await memberSession(env);
    const album = await createAlbum(co.api, { title: '不完整' });
    failed(await co.api.call('POST', `/albums/${album.id}/submit`), 422, 'ALBUM_INCOMPLETE');
    failed(await staff.call('POST', `/albums/${album.id}/approve`), 409, 'INVALID_TRANSITION');
    expect((await auditRows(env, album.id)).map((r) => r.action)).toEqual(['album.create', 'album.update']);
  });
});
