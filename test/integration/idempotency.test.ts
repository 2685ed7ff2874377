import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AlbumResponse, TrackResponse } from '../../src/catalog/catalog.schemas.js';
import { createToken, tokenClient } from '../helpers/api-tokens.js';
import { API, completeAlbumFields, completeRecording, counterValue, createAlbum, failed, memberSession, ok, type Client, type Reply } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { useTestApp } from '../helpers/setup.js';

// Idempotency-Key on the creating routes: a retry returns the first answer and allocates nothing
// new; another request under the same key is refused; a duplicate while the first runs is 409.

const env = useTestApp();

function withKey(api: Client, key: string, method: 'POST', path: string, payload?: unknown): Promise<Reply> {
  return env.app.inject({
    method,
    url: `${API}${path}`,
    headers: { cookie: api.cookie, 'idempotency-key': key },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

async function ledgerCount(registrantId: string): Promise<number> {
  const rows = await queryRows(env.handle, sql`select count(*)::int as n from isrc_assignments where registrant_id = ${registrantId}`);
  return Number(rows[0]?.n);
}

async function albumCount(registrantId: string): Promise<number> {
  const rows = await queryRows(env.handle, sql`select count(*)::int as n from albums where registrant_id = ${registrantId}`);
  return Number(rows[0]?.n);
}

describe('a retry with the same key', () => {
  it('creates the album once and answers the first result again', async () => {
    const { api, member } = await memberSession(env);
    const first = ok(await withKey(api, 'album-1', 'POST', '/albums', { releaseType: 'digital' }), 201);
    const retry = ok(await withKey(api, 'album-1', 'POST', '/albums', { releaseType: 'digital' }), 201);
    expect(retry.json<AlbumResponse>()).toEqual(first.json<AlbumResponse>());
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await albumCount(member.registrantId)).toBe(1);
  });

  it('adds the track with a next-available ISRC once: the counter and the ledger move by one', async () => {
    const { api, member } = await memberSession(env);
    const album = await createAlbum(api);
    const body = { isrc: { mode: 'next' }, recording: completeRecording('重試曲目') };
    const first = ok(await withKey(api, 'track-1', 'POST', `/albums/${album.id}/tracks`, body), 201).json<TrackResponse>();
    const retry = ok(await withKey(api, 'track-1', 'POST', `/albums/${album.id}/tracks`, body), 201).json<TrackResponse>();
    expect(retry).toEqual(first);
    expect(first.recording.isrc).not.toBeNull();
    expect(await counterValue(env, member.codes[0] ?? '')).toBe(1);
    expect(await ledgerCount(member.registrantId)).toBe(1);
    const tracks = ok(await api.call('GET', `/albums/${album.id}`)).json<AlbumResponse>().tracks;
    expect(tracks.map((t) => t.id)).toEqual([first.id]);
  });

  it('allocates a range once (POST /allocations), also with an API token', async () => {
    const { api, member } = await memberSession(env);
    const bearer = tokenClient(env, (await createToken(api)).token);
    const first = ok(await bearer.call('POST', '/allocations', { count: 3 }, { 'idempotency-key': 'alloc-1' }), 201).json<{ isrcs: string[] }>();
    const retry = ok(await bearer.call('POST', '/allocations', { count: 3 }, { 'idempotency-key': 'alloc-1' }), 201).json<{ isrcs: string[] }>();
    expect(retry).toEqual(first);
    expect(first.isrcs).toHaveLength(3);
    expect(await ledgerCount(member.registrantId)).toBe(3);
    expect(await counterValue(env, member.codes[0] ?? '')).toBe(3);
    // The key belongs to the user, whichever credential carried it.
    const viaSession = ok(await withKey(api, 'alloc-1', 'POST', '/allocations', { count: 3 }), 201).json<{ isrcs: string[] }>();
    expect(viaSession).toEqual(first);
  });

  it('submits once; keys are per user', async () => {
    const { api, member } = await memberSession(env);
    const album = await createAlbum(api, completeAlbumFields('重試送審'));
    ok(await api.call('POST', `/albums/${album.id}/tracks`, { isrc: { mode: 'next' }, recording: completeRecording('歌') }), 201);
    const first = ok(await withKey(api, 'submit-1', 'POST', `/albums/${album.id}/submit`)).json<AlbumResponse>();
    const retry = ok(await withKey(api, 'submit-1', 'POST', `/albums/${album.id}/submit`)).json<AlbumResponse>();
    expect(retry).toEqual(first);
    expect(first.status).toBe('submitted');
    const submits = await queryRows(env.handle, sql`select count(*)::int as n from audit_log where action = 'album.submit' and entity_id = ${album.id}`);
    expect(Number(submits[0]?.n)).toBe(1);
    // Another member's same key is theirs alone.
    const other = await memberSession(env);
    ok(await withKey(other.api, 'submit-1', 'POST', '/albums', { releaseType: 'digital' }), 201);
    expect(await albumCount(other.member.registrantId)).toBe(1);
    expect(await albumCount(member.registrantId)).toBe(1);
  });
});

describe('refusals', () => {
  it('refuses the same key with another body or another album (422 IDEMPOTENCY_KEY_REUSED)', async () => {
    const { api, member } = await memberSession(env);
    const [a, b] = [await createAlbum(api), await createAlbum(api)];
    ok(await withKey(api, 'k', 'POST', `/albums/${a.id}/tracks`, { isrc: { mode: 'next' }, recording: { title: '一' } }), 201);
    const changed = failed(await withKey(api, 'k', 'POST', `/albums/${a.id}/tracks`, { isrc: { mode: 'next' }, recording: { title: '二' } }), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(changed.message).toContain('Idempotency-Key');
    failed(await withKey(api, 'k', 'POST', `/albums/${b.id}/tracks`, { isrc: { mode: 'next' }, recording: { title: '一' } }), 422, 'IDEMPOTENCY_KEY_REUSED');
    failed(await withKey(api, 'k', 'POST', '/allocations', { count: 1 }), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await ledgerCount(member.registrantId)).toBe(1);
  });

  it('answers 409 while the first request with the key is still running', async () => {
    const { api, member } = await memberSession(env);
    ok(await withKey(api, 'busy', 'POST', '/allocations', { count: 1 }), 201);
    // A claim without an answer yet: what a request still in flight (or one that died mid-way) leaves.
    await env.handle.db.execute(sql`update idempotency_keys set response_status = null, response_body = null where user_id = ${member.userId} and key = 'busy'`);
    const busy = failed(await withKey(api, 'busy', 'POST', '/allocations', { count: 1 }), 409, 'IDEMPOTENCY_KEY_IN_PROGRESS');
    expect(busy.message).toBe('使用這個 Idempotency-Key 的請求仍在處理中，請稍後再試。');
    expect(await ledgerCount(member.registrantId)).toBe(1);
  });

  it('lets concurrent duplicates allocate once: the others get 409 or the first answer', async () => {
    const { api, member } = await memberSession(env);
    const album = await createAlbum(api);
    const body = { isrc: { mode: 'next' }, recording: { title: '同時' } };
    const replies = await Promise.all(Array.from({ length: 6 }, () => withKey(api, 'race', 'POST', `/albums/${album.id}/tracks`, body)));
    const created = replies.filter((r) => r.statusCode === 201);
    const busy = replies.filter((r) => r.statusCode === 409);
    expect(created.length + busy.length, replies.map((r) => r.body).join('\n')).toBe(6);
    expect(new Set(created.map((r) => r.json<TrackResponse>().id)).size).toBe(1);
    expect(created.filter((r) => r.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    for (const r of busy) {
      expect(r.json<{ error: { code: string } }>().error.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
    }
    expect(await ledgerCount(member.registrantId)).toBe(1);
    expect(ok(await api.call('GET', `/albums/${album.id}`)).json<AlbumResponse>().tracks).toHaveLength(1);
  });

  it('frees the key when the request fails, so the corrected retry runs', async () => {
    const { api } = await memberSession(env);
    const album = await createAlbum(api);
    failed(await withKey(api, 'submit-late', 'POST', `/albums/${album.id}/submit`), 422, 'ALBUM_INCOMPLETE');
    ok(await api.call('PATCH', `/albums/${album.id}`, completeAlbumFields('補齊')));
    ok(await api.call('POST', `/albums/${album.id}/tracks`, { isrc: { mode: 'next' }, recording: completeRecording('歌') }), 201);
    expect(ok(await withKey(api, 'submit-late', 'POST', `/albums/${album.id}/submit`)).json<AlbumResponse>().status).toBe('submitted');
  });

  it('refuses a key that is not visible ASCII up to 255 characters', async () => {
    const { api, member } = await memberSession(env);
    failed(await withKey(api, 'x'.repeat(256), 'POST', '/albums', { releaseType: 'digital' }), 400, 'VALIDATION_FAILED');
    failed(await withKey(api, 'has space', 'POST', '/albums', { releaseType: 'digital' }), 400, 'VALIDATION_FAILED');
    expect(await albumCount(member.registrantId)).toBe(0);
  });

  it('forgets keys after 24 hours', async () => {
    const { api, member } = await memberSession(env);
    ok(await withKey(api, 'old', 'POST', '/albums', { releaseType: 'digital' }), 201);
    await env.handle.db.execute(sql`update idempotency_keys set created_at = created_at - interval '25 hours' where user_id = ${member.userId}`);
    ok(await withKey(api, 'old', 'POST', '/albums', { releaseType: 'digital' }), 201);
    expect(await albumCount(member.registrantId)).toBe(2);
  });
});
