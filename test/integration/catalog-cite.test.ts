import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse, TrackResponse } from '../../src/catalog/catalog.schemas.js';
import {
  addTrack,
  approvedAlbum,
  citable,
  completeAlbumFields,
  completeRecording,
  createAlbum,
  failed,
  getAlbum,
  listAlbums,
  memberSession,
  ok,
  staffSession,
  type Client,
  type MemberSession,
} from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';

// 曲目新增 → 引用: approved recordings, found by the registrant's own titles or anyone's exact
// ISRC, put unchanged (same recording, same ISRC) on more albums.

const env = useTestApp();
let staff: Client;
let a: MemberSession;
let b: MemberSession;
let approved: AlbumResponse;
let moon: TrackResponse;
let draftTrack: TrackResponse;
let submittedTrack: TrackResponse;

beforeAll(async () => {
  staff = await staffSession(env);
  a = await memberSession(env);
  b = await memberSession(env);
  approved = await approvedAlbum(a, staff, '已通過', ['Blue Moon', 'Red Sun']);
  moon = approved.tracks[0]!;
  const draft = await createAlbum(a.api, { title: 'A 草稿' });
  draftTrack = await addTrack(a.api, draft.id, { title: 'Blue Draft' }, { mode: 'next' });
  const submitted = await createAlbum(a.api, completeAlbumFields('A 審核中'));
  submittedTrack = await addTrack(a.api, submitted.id, completeRecording('Blue Pending'), { mode: 'next' });
  ok(await a.api.call('POST', `/albums/${submitted.id}/submit`));
});

const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('finding recordings to cite', () => {
  it("finds the registrant's own approved recordings by title or ISRC", async () => {
    expect(approved.status).toBe('approved');
    expect(moon.recording).toMatchObject({ title: 'Blue Moon', approved: true });
    const byTitle = await citable(a.api, 'blue');
    expect(byTitle).toEqual([
      { id: moon.recording.id, isrc: moon.recording.isrc, isrcDisplay: moon.recording.isrcDisplay, title: 'Blue Moon', artist: '測試歌手', own: true, isrcSource: 'system' },
    ]);
    expect(ids(await citable(a.api, (moon.recording.isrcDisplay ?? '').toLowerCase()))).toEqual([moon.recording.id]);
    expect(ids(await citable(a.api, 'SUN'))).toEqual([approved.tracks[1]!.recording.id]);
  });

  it("says a recording of the registrant's own reported with a foreign ISRC is foreign, not a code of its own", async () => {
    const album = await createAlbum(a.api, completeAlbumFields('境外錄音專輯'));
    const foreign = await addTrack(a.api, album.id, completeRecording('Abroad Song'), { mode: 'foreign', isrc: 'US-RC1-76-07839' });
    ok(await a.api.call('POST', `/albums/${album.id}/submit`));
    ok(await staff.call('POST', `/albums/${album.id}/approve`));
    expect(await citable(a.api, 'abroad')).toEqual([expect.objectContaining({ id: foreign.recording.id, own: true, isrcSource: 'foreign', isrcDisplay: 'US-RC1-76-07839' })]);
    expect(await citable(b.api, 'USRC17607839')).toEqual([expect.objectContaining({ id: foreign.recording.id, own: false, isrcSource: 'foreign' })]);
  });

  it('never lists recordings that are not approved', async () => {
    expect(ids(await citable(a.api, 'Blue Draft'))).toEqual([]);
    expect(ids(await citable(a.api, draftTrack.recording.isrc ?? ''))).toEqual([]);
    expect(ids(await citable(a.api, 'Pending'))).toEqual([]);
    expect(ids(await citable(a.api, submittedTrack.recording.isrcDisplay ?? ''))).toEqual([]);
  });

  it("finds another registrant's recording by its exact ISRC only, never by title", async () => {
    expect(await citable(b.api, 'Blue Moon')).toEqual([]);
    expect(await citable(b.api, 'blue')).toEqual([]);
    const found = await citable(b.api, `ISRC ${moon.recording.isrcDisplay ?? ''}`);
    expect(found).toEqual([expect.objectContaining({ id: moon.recording.id, own: false, isrc: moon.recording.isrc })]);
    expect(await citable(b.api, (moon.recording.isrc ?? '').slice(0, 11))).toEqual([]);
    failed(await b.api.call('GET', '/recordings/citable?q='), 400, 'VALIDATION_FAILED');
    failed(await staff.call('GET', '/recordings/citable?q=blue'), 403, 'FORBIDDEN');
  });
});

describe('citing a recording', () => {
  let target: AlbumResponse;
  let cited: TrackResponse;

  beforeAll(async () => {
    target = await createAlbum(a.api, { title: '精選輯' });
    await addTrack(a.api, target.id, { title: '新歌' });
  });

  it('puts the same recording, ISRC unchanged, at the end of the album', async () => {
    cited = ok(await a.api.call('POST', `/albums/${target.id}/tracks/cite`, { recordingId: moon.recording.id }), 201).json<TrackResponse>();
    expect(cited).toMatchObject({ position: 2, cited: true, done: true });
    expect(cited.recording).toEqual(moon.recording);
    const album = await getAlbum(a.api, target.id);
    expect(album.tracks.map((t) => [t.position, t.cited, t.recording.id])).toEqual([
      [1, false, album.tracks[0]!.recording.id],
      [2, true, moon.recording.id],
    ]);
    expect((await getAlbum(a.api, approved.id)).tracks[0]!.recording).toEqual(moon.recording);
  });

  it('lets one recording appear on many albums, found by its ISRC on each', async () => {
    const byIsrc = await listAlbums(a.api, `q=${encodeURIComponent(moon.recording.isrcDisplay ?? '')}&sort=albumNumber&order=asc`);
    expect(byIsrc.items.map((x) => x.id)).toEqual([approved.id, target.id]);
    const bAlbum = await createAlbum(b.api, { title: 'B 的合輯' });
    const bCited = ok(await b.api.call('POST', `/albums/${bAlbum.id}/tracks/cite`, { recordingId: moon.recording.id }), 201).json<TrackResponse>();
    expect(bCited.recording).toMatchObject({ id: moon.recording.id, isrc: moon.recording.isrc, registrantId: a.member.registrantId });
    expect((await listAlbums(b.api, `q=${moon.recording.isrc ?? ''}`)).items.map((x) => x.id)).toEqual([bAlbum.id]);
  });

  it('refuses a recording already on the album, naming its ISRC', async () => {
    const error = failed(await a.api.call('POST', `/albums/${target.id}/tracks/cite`, { recordingId: moon.recording.id }), 409, 'RECORDING_ALREADY_ON_ALBUM');
    expect(error.message).toBe(`這首曲目（ISRC ${moon.recording.isrcDisplay ?? ''}）已在本專輯中。`);
    failed(await a.api.call('POST', `/albums/${approved.id}/tracks/cite`, { recordingId: approved.tracks[1]!.recording.id }), 409, 'ALBUM_NOT_EDITABLE');
    expect((await getAlbum(a.api, target.id)).tracks).toHaveLength(2);
  });

  it('refuses recordings that are not approved (or do not exist) as not citable', async () => {
    for (const recordingId of [draftTrack.recording.id, submittedTrack.recording.id, '00000000-0000-4000-8000-000000000000']) {
      const error = failed(await a.api.call('POST', `/albums/${target.id}/tracks/cite`, { recordingId }), 404, 'RECORDING_NOT_CITABLE');
      expect(error.message).toBe('只能引用已審核通過的曲目。');
    }
    failed(await b.api.call('POST', `/albums/${(await createAlbum(b.api)).id}/tracks/cite`, { recordingId: draftTrack.recording.id }), 404, 'RECORDING_NOT_CITABLE');
    expect((await getAlbum(a.api, target.id)).tracks).toHaveLength(2);
  });

  it('keeps a cited recording read-only on the citing album', async () => {
    const edit = failed(await a.api.call('PATCH', `/albums/${target.id}/tracks/${cited.id}`, { title: '改名' }), 409, 'RECORDING_CITED_READONLY');
    expect(edit.message).toBe('引用的曲目資料不可在此修改。');
    failed(await a.api.call('PUT', `/albums/${target.id}/tracks/${cited.id}/isrc`, { isrc: { mode: 'next' } }), 409, 'RECORDING_CITED_READONLY');
    failed(await a.api.call('PUT', `/albums/${target.id}/tracks/${cited.id}/isrc`, { isrc: { mode: 'none' } }), 409, 'RECORDING_CITED_READONLY');
    expect(ok(await a.api.call('GET', `/albums/${target.id}/tracks/${cited.id}`)).json<TrackResponse>().recording).toEqual(moon.recording);
  });

  it('removes only the slot when a cited track is deleted; the recording stays citable', async () => {
    const third = await addTrack(a.api, target.id, { title: '第三首' });
    expect((await a.api.call('DELETE', `/albums/${target.id}/tracks/${cited.id}`)).statusCode).toBe(204);
    const album = await getAlbum(a.api, target.id);
    expect(album.tracks.map((t) => [t.position, t.id])).toEqual([
      [1, album.tracks[0]!.id],
      [2, third.id],
    ]);
    expect((await getAlbum(a.api, approved.id)).tracks[0]!.recording).toEqual(moon.recording);
    expect(ids(await citable(a.api, 'moon'))).toEqual([moon.recording.id]);
    const again = ok(await a.api.call('POST', `/albums/${target.id}/tracks/cite`, { recordingId: moon.recording.id }), 201).json<TrackResponse>();
    expect(again).toMatchObject({ position: 3, cited: true });
  });
});
