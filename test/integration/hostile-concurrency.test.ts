import { beforeAll, describe, expect, it } from 'vitest';
import { API_TOKENS_MAX_PER_USER } from '../../src/api-tokens/api-tokens.schemas.js';
import type { ImportPreviewResponse } from '../../src/import/import.schemas.js';
import { listTokens } from '../helpers/api-tokens.js';
import {
  addTrack,
  API,
  approvedAlbum,
  compact,
  completeAlbumFields,
  completeRecording,
  createAlbum,
  memberSession,
  staffSession,
  type Client,
  type MemberSession,
  type Reply,
} from '../helpers/catalog.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { image } from './covers-fixtures.js';
import { goodAlbum, postPreview, trackRow, workbook } from './import-fixtures.js';

/**
 * A hostile (or merely impatient) client sends the same request several times at once. Each
 * burst must end with exactly one effect, the others refused with their stable 4xx code — never a
 * 5xx, never a rule passed because every request checked it before any of them wrote.
 */

const env = useTestApp(realClock);
let a: MemberSession;
let officer: Client;
let officer2: Client;

beforeAll(async () => {
  a = await memberSession(env, 'company');
  officer = await staffSession(env);
  officer2 = await staffSession(env);
});

function burst(n: number, send: (i: number) => Promise<Reply>): Promise<Reply[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => send(i)));
}

/** `201 ×1, 409 API_TOKEN_LIMIT ×3`: statuses and codes, counted, in a stable order. */
function outcome(replies: readonly Reply[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of replies) {
    const key = r.statusCode < 300 ? String(r.statusCode) : `${r.statusCode} ${r.json<{ error: { code: string } }>().error.code}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function submittableAlbum(title: string) {
  const album = await createAlbum(a.api, completeAlbumFields(title));
  const track = await addTrack(a.api, album.id, completeRecording(`${title} 一`), { mode: 'next' });
  return { album, track };
}

describe('the same request many times at once', () => {
  it('creates no more API tokens than a user may hold', async () => {
    const replies = await burst(API_TOKENS_MAX_PER_USER + 10, (i) => a.api.call('POST', '/api-tokens', { name: `整合 ${i}` }));
    expect(outcome(replies)).toEqual({ '201': API_TOKENS_MAX_PER_USER, '409 API_TOKEN_LIMIT': 10 });
    expect(await listTokens(a.api)).toHaveLength(API_TOKENS_MAX_PER_USER);
  });

  it('submits an album for review once', async () => {
    const { album } = await submittableAlbum('同時送審');
    expect(outcome(await burst(4, () => a.api.call('POST', `/albums/${album.id}/submit`)))).toEqual({ '200': 1, '409 ALBUM_NOT_EDITABLE': 3 });
  });

  it('takes one decision when officers approve and return at the same moment', async () => {
    const { album } = await submittableAlbum('同時審核');
    await a.api.call('POST', `/albums/${album.id}/submit`);
    const decisions = [
      officer.call('POST', `/albums/${album.id}/approve`),
      officer2.call('POST', `/albums/${album.id}/approve`),
      officer.call('POST', `/albums/${album.id}/return`, { reason: '缺資料' }),
      officer2.call('POST', `/albums/${album.id}/return`, { reason: '再補' }),
    ];
    expect(outcome(await Promise.all(decisions))).toEqual({ '200': 1, '409 REVIEW_ALREADY_DECIDED': 3 });
  });

  it('deletes a track once, and a draft album once', async () => {
    const { album, track } = await submittableAlbum('同時刪除');
    expect(outcome(await burst(3, () => a.api.call('DELETE', `/albums/${album.id}/tracks/${track.id}`)))).toEqual({ '204': 1, '404 NOT_FOUND': 2 });
    expect(outcome(await burst(3, () => a.api.call('DELETE', `/albums/${album.id}`)))).toEqual({ '204': 1, '404 NOT_FOUND': 2 });
  });

  it('creates one album for one Idempotency-Key, the others told to retry', async () => {
    const before = (await a.api.call('GET', '/albums')).json<{ total: number }>().total;
    const replies = await burst(6, () =>
      env.app.inject({ method: 'POST', url: `${API}/albums`, headers: { cookie: a.api.cookie, 'idempotency-key': 'hostile-burst-1' }, payload: { releaseType: 'digital' } }),
    );
    const created = replies.filter((r) => r.statusCode === 201);
    expect(replies.every((r) => r.statusCode === 201 || r.json<{ error: { code: string } }>().error.code === 'IDEMPOTENCY_KEY_IN_PROGRESS')).toBe(true);
    expect(new Set(created.map((r) => r.json<{ id: string }>().id)).size).toBe(1);
    expect((await a.api.call('GET', '/albums')).json<{ total: number }>().total).toBe(before + 1);
  });

  it('cites a recording once, files one change request, claims one ISRC', async () => {
    const other = await memberSession(env, 'company');
    const source = await approvedAlbum(other, officer, '被引用', ['原曲']);
    const target = await createAlbum(a.api, completeAlbumFields('引用目標'));
    const recordingId = source.tracks[0]?.recording.id;
    expect(outcome(await burst(4, () => a.api.call('POST', `/albums/${target.id}/tracks/cite`, { recordingId })))).toEqual({ '201': 1, '409 RECORDING_ALREADY_ON_ALBUM': 3 });
    const change = { changes: [{ field: 'phone', after: '02-2345-6789' }], reason: '搬家' };
    expect(outcome(await burst(4, () => a.api.call('POST', '/change-requests', change)))).toEqual({ '201': 1, '409 CHANGE_REQUEST_PENDING': 3 });
    const isrc = `TW${a.member.codes[0] ?? ''}2600900`;
    expect(outcome(await burst(4, () => a.api.call('POST', '/allocations/claim', { isrc, confirmJump: true })))).toEqual({ '201': 1, '409 ISRC_TAKEN': 3 });
  });

  it('confirms an import preview into one album', async () => {
    const owner = await memberSession(env, 'company');
    const xlsx = await workbook(goodAlbum, [trackRow(1, compact(owner.member.codes[0] ?? '', 1))]);
    const preview = (await postPreview(env, owner.api, xlsx, await image('png', 320, 240, '#4a7f2c'))).json<ImportPreviewResponse>();
    expect(preview.errorCount).toBe(0);
    const replies = await burst(4, () => owner.api.call('POST', `/import/previews/${preview.id}/confirm`));
    // The confirm answers the confirmed preview again to a repeat; never a second album.
    expect(outcome(replies)).toEqual({ '200': 4 });
    expect((await owner.api.call('GET', '/albums')).json<{ total: number }>().total).toBe(1);
  });
});
