import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse, TrackResponse } from '../../src/catalog/catalog.schemas.js';
import { queryRows } from '../helpers/db.js';
import { ensurePoolCode } from '../helpers/factories.js';
import {
  addTrack,
  addTrackReq,
  compact,
  completeAlbumFields,
  completeRecording,
  counterValue,
  createAlbum,
  designationOf,
  display,
  getAlbum,
  memberSession,
  staffSession,
  type ErrorJson,
  type MemberSession,
} from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';

// Requests racing each other. On PGlite they are serialised; on PostgreSQL (DATABASE_URL) they
// run on separate connections, so these are real races.

const env = useTestApp();
let pool: string;

beforeAll(async () => {
  [pool = ''] = await ensurePoolCode(env.ctx);
});

async function readyAlbum(session: MemberSession, title: string, tracks: number): Promise<AlbumResponse> {
  const album = await createAlbum(session.api, completeAlbumFields(title));
  for (let i = 1; i <= tracks; i++) {
    await addTrack(session.api, album.id, completeRecording(`${title} ${i}`));
  }
  return album;
}

const isrcsOf = (album: AlbumResponse) => album.tracks.map((t) => t.recording.isrc ?? '(none)');

describe('concurrent submissions', () => {
  it("never give two individuals' albums the same code", async () => {
    for (let round = 0; round < 4; round++) {
      const people = [await memberSession(env, 'individual'), await memberSession(env, 'individual')];
      const albums = [await readyAlbum(people[0]!, `甲${round}`, 3), await readyAlbum(people[1]!, `乙${round}`, 3)];
      const before = await counterValue(env, pool);
      const results = await Promise.all(albums.map((album, i) => people[i]!.api.call('POST', `/albums/${album.id}/submit`)));
      expect(
        results.map((r) => r.statusCode),
        results.map((r) => r.body).join('\n'),
      ).toEqual([200, 200]);
      const submitted = results.map((r) => r.json<AlbumResponse>());
      const all = submitted.flatMap(isrcsOf);
      expect(new Set(all).size).toBe(6);
      for (const album of submitted) {
        const designations = album.tracks.map((t) => designationOf(t.recording.isrc));
        expect(designations.map((d) => d - designations[0]!)).toEqual([0, 1, 2]);
        expect(album.tracks.every((t) => t.recording.isrc?.slice(2, 5) === pool)).toBe(true);
      }
      expect(all.map(designationOf).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6].map((i) => before + i));
      expect(await counterValue(env, pool)).toBe(before + 6);
      const holders = await queryRows(env.handle, sql`select isrc, count(*)::int as n from recordings where isrc in ${all} group by isrc`);
      expect(holders.map((h) => Number(h.n))).toEqual([1, 1, 1, 1, 1, 1]);
    }
  });

  it('submits one album only once when it is sent twice at the same time', async () => {
    const person = await memberSession(env, 'individual');
    const album = await readyAlbum(person, '重複送出', 2);
    const before = await counterValue(env, pool);
    const results = await Promise.all([1, 2].map(() => person.api.call('POST', `/albums/${album.id}/submit`)));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses, results.map((r) => r.body).join('\n')).toEqual([200, 409]);
    const refused = results.find((r) => r.statusCode === 409)!;
    expect(refused.json<ErrorJson>().error.code).toBe('ALBUM_NOT_EDITABLE');
    expect(await counterValue(env, pool)).toBe(before + 2);
    expect(isrcsOf(await getAlbum(person.api, album.id))).toEqual([display(pool, before + 1), display(pool, before + 2)].map((d) => d.replaceAll('-', '')));
  });

  it("keeps one individual's two albums apart too", async () => {
    const person = await memberSession(env, 'individual');
    const albums = [await readyAlbum(person, '一號', 2), await readyAlbum(person, '二號', 2)];
    const results = await Promise.all(albums.map((album) => person.api.call('POST', `/albums/${album.id}/submit`)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    const all = results.flatMap((r) => isrcsOf(r.json<AlbumResponse>()));
    expect(new Set(all).size).toBe(4);
  });
});

describe('concurrent changes to one album', () => {
  it('gives tracks added at once positions 1..n without gaps or doubles', async () => {
    const co = await memberSession(env);
    const album = await createAlbum(co.api);
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => addTrackReq(co.api, album.id, { title: `並行 ${i}` })));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(results.map((r) => r.json<TrackResponse>().position).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const tracks = (await getAlbum(co.api, album.id)).tracks;
    const doomed = [tracks[1]!, tracks[3]!];
    const deleted = await Promise.all(doomed.map((t) => co.api.call('DELETE', `/albums/${album.id}/tracks/${t.id}`)));
    expect(deleted.map((r) => r.statusCode)).toEqual([204, 204]);
    expect((await getAlbum(co.api, album.id)).tracks.map((t) => [t.position, t.id])).toEqual(tracks.filter((t) => !doomed.includes(t)).map((t, i) => [i + 1, t.id]));
  });

  it('lets only one of approve and return decide a submitted album', async () => {
    const staff = await staffSession(env);
    const person = await memberSession(env, 'individual');
    const album = await readyAlbum(person, '同時審核', 1);
    expect((await person.api.call('POST', `/albums/${album.id}/submit`)).statusCode).toBe(200);
    const results = await Promise.all([staff.call('POST', `/albums/${album.id}/approve`), staff.call('POST', `/albums/${album.id}/return`, { reason: '退' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.findIndex((r) => r.statusCode === 200) === 0 ? 'approved' : 'returned';
    expect((await getAlbum(person.api, album.id)).status).toBe(winner);
    const decisions = await queryRows(env.handle, sql`select action from audit_log where entity_id = ${album.id} and action in ('album.approve', 'album.return')`);
    expect(decisions).toHaveLength(1);
  });
});

describe('concurrent ISRC choices on tracks', () => {
  it('hands out distinct consecutive "next" codes to tracks added at once', async () => {
    const co = await memberSession(env);
    const code = co.member.codes[0]!;
    const albums = await Promise.all([1, 2, 3, 4, 5].map((i) => createAlbum(co.api, { title: `同時 ${i}` })));
    const results = await Promise.all(albums.flatMap((album) => [1, 2].map((i) => addTrackReq(co.api, album.id, { title: `曲 ${i}` }, { mode: 'next' }))));
    expect(
      results.map((r) => r.statusCode),
      results.map((r) => r.body).join('\n'),
    ).toEqual(Array.from({ length: 10 }, () => 201));
    const designations = results.map((r) => designationOf(r.json<TrackResponse>().recording.isrc)).sort((x, y) => x - y);
    expect(designations).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await counterValue(env, code)).toBe(10);
  });

  it("gives a company's own code to one of two tracks racing for it; the other is told it is taken", async () => {
    const co = await memberSession(env);
    const code = co.member.codes[0]!;
    for (let round = 1; round <= 5; round++) {
      const albums = [await createAlbum(co.api, { title: `搶碼 ${round}A` }), await createAlbum(co.api, { title: `搶碼 ${round}B` })];
      const wanted = compact(code, 100 * round);
      const results = await Promise.all(albums.map((album) => addTrackReq(co.api, album.id, { title: '同一個碼' }, { mode: 'own', isrc: wanted })));
      const outcome = results.map((r) => `${r.statusCode} ${r.statusCode === 201 ? 'created' : r.json<ErrorJson>().error.code}`).sort();
      expect(outcome, results.map((r) => r.body).join('\n')).toEqual(['201 created', '409 ISRC_TAKEN']);
      const taken = results.find((r) => r.statusCode === 409)!.json<ErrorJson>().error;
      const winner = albums[results.findIndex((r) => r.statusCode === 201)]!;
      expect(taken.message).toBe(`ISRC ${display(code, 100 * round)} 已被使用（專輯《${winner.title}》，專輯編號 ${winner.albumNumber}）。`);
      const holders = await queryRows(env.handle, sql`select count(*)::int as n from recordings where isrc = ${wanted}`);
      expect(Number(holders[0]?.n)).toBe(1);
    }
  });
});
