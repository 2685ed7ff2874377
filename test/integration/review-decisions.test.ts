import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import type { ReviewAlbumResponse } from '../../src/review/review.schemas.js';
import { queryRows } from '../helpers/db.js';
import {
  addTrack,
  auditRows,
  completeAlbumFields,
  completeRecording,
  createAlbum,
  failed,
  getAlbum,
  memberSession,
  ok,
  staffSession,
  type Client,
  type MemberSession,
} from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';

// 通過 and 退回 in rounds: per-track reasons, what the registrant sees, what changed on
// resubmission, and two officers deciding at once.

const env = useTestApp();
let staff: Client;
let other: Client;

beforeAll(async () => {
  staff = await staffSession(env);
  other = await staffSession(env);
});

async function submittedWithTracks(session: MemberSession, title: string, trackTitles: readonly string[]): Promise<AlbumResponse> {
  const album = await createAlbum(session.api, completeAlbumFields(title));
  for (const t of trackTitles) {
    await addTrack(session.api, album.id, completeRecording(t, { duration: '0:03:00' }), { mode: 'next' });
  }
  return ok(await session.api.call('POST', `/albums/${album.id}/submit`)).json<AlbumResponse>();
}

const view = async (id: string) => ok(await staff.call('GET', `/review/albums/${id}`)).json<ReviewAlbumResponse>();

describe('退回 with per-track reasons', () => {
  it('shows the album reason and each track reason to the registrant until it submits again', async () => {
    const co = await memberSession(env);
    const album = await submittedWithTracks(co, '退回測試', ['第一首', '第二首']);
    const [one, two] = album.tracks;
    const returned = ok(
      await staff.call('POST', `/albums/${album.id}/return`, {
        reason: ' 請補齊曲目資料 ',
        round: 1,
        tracks: [
          { recordingId: one?.recording.id, reason: '請填寫作詞者' },
          { trackId: two?.id, reason: ' 長度不正確 ' },
        ],
      }),
    ).json<AlbumResponse>();
    expect(returned).toMatchObject({ status: 'returned', returnReason: '請補齊曲目資料' });
    const seen = await getAlbum(co.api, album.id);
    expect(seen.returnReason).toBe('請補齊曲目資料');
    expect(seen.returnTrackReasons).toEqual([
      { trackId: one?.id, recordingId: one?.recording.id, reason: '請填寫作詞者' },
      { trackId: two?.id, recordingId: two?.recording.id, reason: '長度不正確' },
    ]);
    const round = (await view(album.id)).rounds[0];
    expect(round).toMatchObject({ round: 1, decision: 'returned', reason: '請補齊曲目資料', decidedBy: '管理中心同仁' });
    expect(round?.trackReasons).toHaveLength(2);
    expect((await auditRows(env, album.id)).at(-1)).toMatchObject({ action: 'album.return', after: { status: 'returned', reason: '請補齊曲目資料', trackReasons: round?.trackReasons } });
    ok(await co.api.call('POST', `/albums/${album.id}/submit`));
    expect((await getAlbum(co.api, album.id)).returnTrackReasons).toBeUndefined();
  });

  it('refuses blank reasons and tracks that are not on the album, naming the field, and changes nothing', async () => {
    const co = await memberSession(env);
    const album = await submittedWithTracks(co, '驗證', ['一']);
    const elsewhere = await submittedWithTracks(co, '別張', ['二']);
    const track = album.tracks[0];
    const fields = async (body: unknown) => {
      const error = failed(await staff.call('POST', `/albums/${album.id}/return`, body), 400, 'VALIDATION_FAILED');
      return (error.details?.fields as { field: string; code: string }[]).map((f) => `${f.field} ${f.code}`);
    };
    expect(await fields({ reason: '退', tracks: [{ recordingId: track?.recording.id, reason: '   ' }] })).toEqual(['tracks.0.reason required']);
    expect(await fields({ reason: '退', tracks: [{ recordingId: elsewhere.tracks[0]?.recording.id, reason: '不在這' }] })).toEqual(['tracks.0.recordingId notOnAlbum']);
    expect(await fields({ reason: '退', tracks: [{ trackId: elsewhere.tracks[0]?.id, reason: '不在這' }] })).toEqual(['tracks.0.trackId notOnAlbum']);
    expect(await fields({ reason: '退', tracks: [{ reason: '哪首' }] })).toEqual(['tracks.0.recordingId required']);
    expect(
      await fields({
        reason: '退',
        tracks: [
          { recordingId: track?.recording.id, reason: 'a' },
          { trackId: track?.id, reason: 'b' },
        ],
      }),
    ).toEqual(['tracks.1.recordingId duplicateTrack']);
    expect(await fields({ reason: ' ' })).toEqual(['reason required']);
    expect(await fields({ reason: '退', tracks: [{ recordingId: track?.recording.id, reason: '' }] })).toContain('tracks.0.reason minLength');
    const error = failed(
      await staff.call('POST', `/albums/${album.id}/return`, { reason: '退', tracks: [{ recordingId: elsewhere.tracks[0]?.recording.id, reason: 'x' }] }),
      400,
      'VALIDATION_FAILED',
    );
    expect((error.details?.fields as { message: string }[])[0]?.message).toBe('這首曲目不在這張專輯中。');
    expect((await getAlbum(co.api, album.id)).status).toBe('submitted');
  });
});

describe('submitting again', () => {
  it('opens a new round and shows what changed since the last submission, field by field', async () => {
    const co = await memberSession(env);
    const album = await submittedWithTracks(co, '改版前', ['留著', '要刪', '要改']);
    const [kept, removed, changed] = album.tracks;
    ok(await staff.call('POST', `/albums/${album.id}/return`, { reason: '請修正', tracks: [{ trackId: changed?.id, reason: '長度' }] }));
    ok(await co.api.call('PATCH', `/albums/${album.id}`, { title: '改版後' }));
    ok(await co.api.call('DELETE', `/albums/${album.id}/tracks/${removed?.id}`), 204);
    ok(await co.api.call('PATCH', `/albums/${album.id}/tracks/${changed?.id}`, { duration: '0:03:30' }));
    await addTrack(co.api, album.id, completeRecording('新增的'), { mode: 'next' });
    ok(await co.api.call('POST', `/albums/${album.id}/submit`));
    const v = await view(album.id);
    expect(v.round).toBe(2);
    expect(v.rounds.map((r) => [r.round, r.decision])).toEqual([
      [2, null],
      [1, 'returned'],
    ]);
    expect(v.changes).toEqual({
      basis: 'compared',
      previousRound: 1,
      album: [{ field: 'title', before: '改版前', after: '改版後' }],
      tracksAdded: [{ recordingId: expect.any(String) as string, position: 3, title: '新增的' }],
      tracksRemoved: [{ recordingId: removed?.recording.id, position: 2, title: '要刪' }],
      tracksChanged: [
        {
          recordingId: changed?.recording.id,
          position: 2,
          title: '要改',
          changes: [
            { field: 'position', before: 3, after: 2 },
            { field: 'duration', before: '0:03:00', after: '0:03:30' },
          ],
        },
      ],
    });
    expect(v.changes.basis === 'compared' && v.changes.tracksChanged.map((t) => t.recordingId)).not.toContain(kept?.recording.id);
    const approved = ok(await staff.call('POST', `/albums/${album.id}/approve`, { round: 2 })).json<AlbumResponse>();
    expect(approved).toMatchObject({ status: 'approved', editable: false });
    expect((await view(album.id)).rounds[0]).toMatchObject({ round: 2, decision: 'approved', reason: null, trackReasons: [] });
  });

  it('says so when the previous round was submitted before snapshots were kept', async () => {
    const co = await memberSession(env);
    const album = await submittedWithTracks(co, '舊資料', ['一']);
    await queryRows(env.handle, sql`update album_submissions set snapshot = '{"backfilled": true}'::jsonb where album_id = ${album.id}`);
    ok(await staff.call('POST', `/albums/${album.id}/return`, { reason: '請補' }));
    ok(await co.api.call('POST', `/albums/${album.id}/submit`));
    const v = await view(album.id);
    expect(v.changes).toEqual({ basis: 'unavailable', previousRound: 1 });
    expect(v.rounds.map((r) => r.backfilled)).toEqual([false, true]);
  });
});

describe('two officers deciding at once', () => {
  it('lets exactly one decision win; the other is told which decision won and when', async () => {
    const co = await memberSession(env);
    for (const pair of [
      ['approve', 'return'],
      ['return', 'return'],
      ['approve', 'approve'],
    ] as const) {
      const album = await submittedWithTracks(co, `同時 ${pair.join('-')}`, ['一']);
      const call = (who: Client, action: 'approve' | 'return') =>
        who.call('POST', `/albums/${album.id}/${action}`, action === 'return' ? { reason: `${action} 理由`, round: 1 } : { round: 1 });
      const results = await Promise.all([call(staff, pair[0]), call(other, pair[1])]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.statusCode === 409);
      const winner = results.find((r) => r.statusCode === 200)?.json<AlbumResponse>();
      const error = loser?.json<{ error: { code: string; message: string; details: Record<string, unknown> } }>().error;
      expect(error?.code).toBe('REVIEW_ALREADY_DECIDED');
      expect(error?.details).toMatchObject({ round: 1, decision: winner?.status, decidedAt: '2026-06-15T08:00:00.000Z', decidedAtText: '2026.06.15 16:00' });
      expect(error?.message).toContain('2026.06.15 16:00');
      const decided = await queryRows(env.handle, sql`select count(*)::int as n from album_submissions where album_id = ${album.id} and decision is not null`);
      expect(decided[0]?.n).toBe(1);
      expect((await auditRows(env, album.id)).filter((r) => r.action === 'album.approve' || r.action === 'album.return')).toHaveLength(1);
    }
  });

  it('refuses a decision on a round that was decided and submitted again since', async () => {
    const co = await memberSession(env);
    const album = await submittedWithTracks(co, '過時', ['一']);
    ok(await other.call('POST', `/albums/${album.id}/return`, { reason: '先退', round: 1 }));
    ok(await co.api.call('POST', `/albums/${album.id}/submit`));
    const error = failed(await staff.call('POST', `/albums/${album.id}/approve`, { round: 1 }), 409, 'REVIEW_ALREADY_DECIDED');
    expect(error.details).toMatchObject({ round: 1, decision: 'returned', resubmitted: true, currentRound: 2 });
    expect((await getAlbum(co.api, album.id)).status).toBe('submitted');
    ok(await staff.call('POST', `/albums/${album.id}/approve`, { round: 2 }));
    failed(await staff.call('POST', `/albums/${album.id}/approve`), 409, 'REVIEW_ALREADY_DECIDED');
  });

  it('keeps INVALID_TRANSITION for albums never submitted', async () => {
    const co = await memberSession(env);
    const draft = await createAlbum(co.api, completeAlbumFields('草稿'));
    failed(await staff.call('POST', `/albums/${draft.id}/approve`, { round: 1 }), 409, 'INVALID_TRANSITION');
  });
});
