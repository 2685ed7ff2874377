import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse, TrackResponse } from '../../src/catalog/catalog.schemas.js';
import {
  addTrack,
  approvedAlbum,
  citable,
  completeAlbumFields,
  completeRecording,
  createAlbum,
  getAlbum,
  listAlbums,
  memberSession,
  ok,
  staffSession,
  type Client,
  type MemberSession,
  type Reply,
} from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';

// Registrant B must get 404 for every album, track and recording of registrant A — never A's data,
// never 403 (which would tell B the object exists) — and must not find A's recordings by title.

const env = useTestApp();
let staff: Client;
let a: MemberSession;
let b: MemberSession;
/** A's albums in each state, each with one track. */
const albumsOfA: Record<'draft' | 'submitted' | 'approved' | 'returned', { album: AlbumResponse; track: TrackResponse }> = {} as never;
let ownAlbumOfB: AlbumResponse;
let ownTrackOfB: TrackResponse;

beforeAll(async () => {
  staff = await staffSession(env);
  a = await memberSession(env);
  b = await memberSession(env);
  const make = async (title: string, submit: boolean) => {
    const album = await createAlbum(a.api, completeAlbumFields(title, 'A 的歌手'));
    const track = await addTrack(a.api, album.id, completeRecording(`${title} Secret Song`), { mode: 'next' });
    if (submit) {
      ok(await a.api.call('POST', `/albums/${album.id}/submit`));
    }
    return { album, track };
  };
  albumsOfA.draft = await make('A Draft', false);
  albumsOfA.submitted = await make('A Submitted', true);
  albumsOfA.returned = await make('A Returned', true);
  ok(await staff.call('POST', `/albums/${albumsOfA.returned.album.id}/return`, { reason: '退件' }));
  const approved = await approvedAlbum(a, staff, 'A Approved', ['A Approved Secret Song']);
  albumsOfA.approved = { album: approved, track: approved.tracks[0]! };
  ownAlbumOfB = await createAlbum(b.api, { title: 'B 自己的' });
  ownTrackOfB = await addTrack(b.api, ownAlbumOfB.id, { title: 'B 的歌' });
});

type Call = [method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown];

/** Every album and track route, aimed at album `albumId` and track `trackId`. */
function albumRoutes(albumId: string, trackId: string, recordingId: string): Call[] {
  return [
    ['GET', `/albums/${albumId}`],
    ['PATCH', `/albums/${albumId}`, { title: 'taken over' }],
    ['DELETE', `/albums/${albumId}`],
    ['POST', `/albums/${albumId}/submit`],
    ['POST', `/albums/${albumId}/approve`],
    ['POST', `/albums/${albumId}/return`, { reason: 'no' }],
    ['POST', `/albums/${albumId}/tracks`, { isrc: { mode: 'next' }, recording: { title: 'intruder' } }],
    ['POST', `/albums/${albumId}/tracks/cite`, { recordingId }],
    ['GET', `/albums/${albumId}/tracks/${trackId}`],
    ['PATCH', `/albums/${albumId}/tracks/${trackId}`, { title: 'renamed' }],
    ['PUT', `/albums/${albumId}/tracks/${trackId}/isrc`, { isrc: { mode: 'next' } }],
    ['DELETE', `/albums/${albumId}/tracks/${trackId}`],
    ['PUT', `/albums/${albumId}/cover`],
    ['DELETE', `/albums/${albumId}/cover`],
    ['GET', `/albums/${albumId}/cover`],
    ['GET', `/albums/${albumId}/cover/thumbnail`],
    ['PUT', `/albums/${albumId}/tracks/${trackId}/audio`],
    ['GET', `/albums/${albumId}/tracks/${trackId}/audio`],
    ['DELETE', `/albums/${albumId}/tracks/${trackId}/audio`],
    ['POST', `/albums/${albumId}/audio/batch`],
    ['GET', `/albums/${albumId}/audio-deposit`],
    ['POST', `/albums/${albumId}/audio-deposit`],
    ['GET', `/albums/${albumId}/deposits`],
    ['GET', `/albums/${albumId}/export.xlsx`],
    ['GET', `/albums/${albumId}/ddex.xml`],
    ['GET', `/albums/${albumId}/marc`],
    ['POST', `/albums/${albumId}/deposits/sent`, { copies: 1, date: '2026-01-02' }],
    ['POST', `/albums/${albumId}/deposits/received`, { copies: 1, date: '2026-01-02' }],
    ['POST', `/albums/${albumId}/deposits/corrections`, { eventId: '00000000-0000-4000-8000-000000000000', reason: 'no' }],
  ];
}

async function run(api: Client, calls: Call[]): Promise<{ line: string; res: Reply }[]> {
  const out: { line: string; res: Reply }[] = [];
  for (const [method, path, body] of calls) {
    const res = await api.call(method, path, body);
    out.push({ line: `${method} ${path} → ${res.statusCode} ${res.statusCode >= 400 ? res.json<{ error: { code: string } }>().error.code : ''}`, res });
  }
  return out;
}

describe("registrant B and registrant A's catalog", () => {
  it('covers every album route in the API', () => {
    const doc = env.app.swagger() as unknown as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/albums/{id}'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace('/api/v1', '')}`))
      .sort();
    const covered = albumRoutes('{id}', '{trackId}', 'x')
      .map(([method, path]) => `${method} ${path}`)
      .sort();
    expect(covered).toEqual(documented);
  });

  it("answers 404 on every route for A's albums and tracks, in every state", async () => {
    for (const { album, track } of Object.values(albumsOfA)) {
      const results = await run(b.api, albumRoutes(album.id, track.id, albumsOfA.approved.track.recording.id));
      expect(results.map((r) => r.line).filter((line) => !line.endsWith('→ 404 NOT_FOUND'))).toEqual([]);
      for (const { res } of results) {
        expect(res.body).not.toContain('Secret');
        expect(res.body).not.toContain(a.member.codes[0]!);
      }
    }
  });

  it("answers 404 for A's tracks reached through B's own album", async () => {
    const { track } = albumsOfA.draft;
    const results = await run(
      b.api,
      albumRoutes(ownAlbumOfB.id, track.id, track.recording.id).filter(([, path]) => path.includes(track.id)),
    );
    expect(results).toHaveLength(7);
    expect(results.map((r) => r.line).filter((line) => !line.endsWith('→ 404 NOT_FOUND'))).toEqual([]);
    expect((await getAlbum(a.api, albumsOfA.draft.album.id)).tracks[0]?.recording.title).toBe(track.recording.title);
  });

  it("refuses to cite A's recordings that are not approved, as not found", async () => {
    for (const state of ['draft', 'submitted', 'returned'] as const) {
      const res = await b.api.call('POST', `/albums/${ownAlbumOfB.id}/tracks/cite`, { recordingId: albumsOfA[state].track.recording.id });
      expect(`${res.statusCode} ${res.json<{ error: { code: string } }>().error.code}`).toBe('404 RECORDING_NOT_CITABLE');
      expect(res.body).not.toContain('Secret');
    }
    expect((await getAlbum(b.api, ownAlbumOfB.id)).tracks.map((t) => t.id)).toEqual([ownTrackOfB.id]);
  });

  it("never finds A's recordings by title, and A's albums not at all", async () => {
    expect(await citable(b.api, 'Secret')).toEqual([]);
    expect(await citable(b.api, 'A Approved')).toEqual([]);
    for (const { album, track } of Object.values(albumsOfA)) {
      for (const q of [String(album.albumNumber), album.title, 'A 的歌手', track.recording.isrcDisplay ?? '']) {
        expect((await listAlbums(b.api, `q=${encodeURIComponent(q)}`)).items).toEqual([]);
      }
    }
    expect((await listAlbums(b.api, 'view=all')).items.map((x) => x.id)).toEqual([ownAlbumOfB.id]);
    expect((await b.api.call('GET', `/albums?registrantId=${a.member.registrantId}`)).statusCode).toBe(404);
  });

  it("says a foreign code A reported is taken without naming A's album", async () => {
    const foreign = await addTrack(a.api, albumsOfA.draft.album.id, { title: 'A Import Secret' }, { mode: 'foreign', isrc: 'DEABC2400017' });
    const res = await b.api.call('POST', `/albums/${ownAlbumOfB.id}/tracks`, { isrc: { mode: 'foreign', isrc: 'de-abc-24-00017' }, recording: { title: 'B 也要', producedAbroad: true } });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toBe('ISRC DE-ABC-24-00017 已被使用（其他登記者的曲目）。');
    expect(res.body).not.toContain(albumsOfA.draft.album.id);
    expect(res.body).not.toContain(String(albumsOfA.draft.album.albumNumber));
    expect(res.body).not.toContain('A Draft');
    expect((await b.api.call('DELETE', `/albums/${ownAlbumOfB.id}/tracks/${foreign.id}`)).statusCode).toBe(404);
    expect((await a.api.call('DELETE', `/albums/${albumsOfA.draft.album.id}/tracks/${foreign.id}`)).statusCode).toBe(204);
  });

  it("leaves A's albums exactly as they were", async () => {
    for (const [state, { album, track }] of Object.entries(albumsOfA)) {
      const now = await getAlbum(a.api, album.id);
      expect(now.status).toBe(state);
      expect(now.title).toBe(album.title);
      expect(now.tracks.map((t) => [t.id, t.recording.title, t.recording.isrc])).toEqual([[track.id, track.recording.title, track.recording.isrc]]);
    }
  });
});
