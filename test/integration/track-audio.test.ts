import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse, AlbumTrackResponse } from '../../src/catalog/catalog.schemas.js';
import type { TrackAudio } from '../../src/media/track-audio.schemas.js';
import {
  addTrack,
  approvedAlbum,
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
import { queryRows } from '../helpers/db.js';
import { TAG_ISRCS, type FixtureName } from '../media/make-media.js';
import { getAudio, leftovers, putAudio, sha256, useAudioApp } from './track-audio-setup.js';

const env = useAudioApp();
let staff: Client;
let s: MemberSession;

beforeAll(async () => {
  staff = await staffSession(env);
  s = await memberSession(env);
});

/** A draft album of `s` with one track (next ISRC) lasting `seconds` as registered. */
async function albumWithTrack(seconds = 3, releaseType: 'digital' | 'physical' = 'digital'): Promise<{ album: AlbumResponse; track: AlbumTrackResponse }> {
  const album = await createAlbum(s.api, completeAlbumFields('音檔測試'), releaseType);
  await addTrack(s.api, album.id, completeRecording('一首歌', { duration: `0:00:${String(seconds).padStart(2, '0')}` }), { mode: 'next' });
  const full = await getAlbum(s.api, album.id);
  return { album: full, track: full.tracks[0]! };
}

async function upload(albumId: string, trackId: string, name: string, fixture: FixtureName): Promise<TrackAudio> {
  return ok(await putAudio(env, s.api, albumId, trackId, name, await env.bytes(fixture))).json<TrackAudio>();
}

async function objectRows(sha: string): Promise<number> {
  return (await queryRows(env.handle, sql`select sha256 from stored_objects where sha256 = ${sha}`)).length;
}

describe('per-track audio upload', () => {
  it.each([
    ['song.mp3', 'mp3-cbr', 'mp3', 'audio/mpeg', 'mp3', 3000, 44100, 2],
    ['母帶.WAV', 'wav-16-stereo', 'wav', 'audio/wav', 'pcm_s16le', 3000, 44100, 2],
    ['music video.mp4', 'mp4-music-video', 'mp4', 'video/mp4', 'aac', 2000, 44100, 2],
    ['itunes.mp4', 'm4a-itunes-isrc', 'mp4', 'audio/mp4', 'aac', 3000, 44100, 2],
  ] as const)('accepts %s (%s), reads its technical data and plays it back byte for byte', async (name, fixture, container, type, codec, ms, rate, channels) => {
    const { album, track } = await albumWithTrack();
    expect(track.audio).toBeNull();
    expect(track.audioReplaceable).toBe(true);
    expect(album.audioUploadAllowed).toBe(true);
    const bytes = await env.bytes(fixture);
    const audio = await upload(album.id, track.id, name, fixture);
    expect(audio).toMatchObject({ fileName: name, container, contentType: type, size: bytes.length, sha256: sha256(bytes), technical: { codec, sampleRate: rate, channels } });
    expect(Math.abs(audio.technical.durationMs - ms)).toBeLessThan(150);
    expect(audio.url).toBe(`/api/v1/albums/${album.id}/tracks/${track.id}/audio?v=${audio.sha256.slice(0, 16)}`);

    const again = await getAlbum(s.api, album.id);
    expect(again.tracks[0]?.audio).toEqual(audio);
    expect(again.tracks[0]?.audioReplaceable).toBe(true);

    for (const who of [s.api, staff]) {
      const res = ok(await env.app.inject({ method: 'GET', url: audio.url, headers: { cookie: who.cookie } }));
      expect(sha256(res.rawPayload)).toBe(audio.sha256);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['content-length']).toBe(String(bytes.length));
      expect(res.headers['accept-ranges']).toBe('bytes');
      expect(res.headers['content-disposition']).toContain(`attachment;`);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${track.recording.isrc}.${container}`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    }
    expect((await leftovers(env)).staged).toEqual([]);
  });

  it('takes audio on a physical release and on a track whose ISRC is still empty (named by position)', async () => {
    const physical = await albumWithTrack(3, 'physical');
    ok(await putAudio(env, s.api, physical.album.id, physical.track.id, 'a.mp3', await env.bytes('mp3-cbr')));

    const person = await memberSession(env, 'individual');
    const album = await createAlbum(person.api, completeAlbumFields('個人專輯'));
    const track = await addTrack(person.api, album.id, completeRecording('未編碼'));
    expect(track.recording.isrc).toBeNull();
    ok(await putAudio(env, person.api, album.id, track.id, 'demo.wav', await env.bytes('wav-24-mono')));
    const res = ok(await getAudio(env, person.api, album.id, track.id));
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''track-1.wav");
  });

  it('warns, without refusing, about a duration off by more than 2 s and an ISRC tag of another recording', async () => {
    const { album, track } = await albumWithTrack(10);
    const audio = await upload(album.id, track.id, 'tagged.mp4', 'm4a-itunes-isrc');
    expect(audio.tagIsrcs).toEqual([TAG_ISRCS.itunes]);
    expect(audio.warnings.map((w) => w.code)).toEqual(['duration-mismatch', 'isrc-tag-mismatch']);
    expect(audio.warnings[1]?.params).toMatchObject({ expectedIsrc: track.recording.isrc, tagIsrcs: TAG_ISRCS.itunes });
    expect(audio.warnings[0]?.message).toMatch(/相差超過 2 秒/);

    const english = ok(await s.api.call('GET', `/albums/${album.id}`, undefined, 'en')).json<AlbumResponse>();
    const messages = english.tracks[0]?.audio?.warnings.map((w) => w.message) ?? [];
    expect(messages[0]).toMatch(/more than 2 s away from the registered duration/);
    expect(messages[1]).toMatch(/differs from the track's ISRC/);
    const chinese = await getAlbum(s.api, album.id);
    expect(chinese.tracks[0]?.audio?.warnings[1]?.message).toMatch(/檔案內嵌的 ISRC/);

    // The registered duration is corrected: the warning goes, the file stays.
    ok(await s.api.call('PATCH', `/albums/${album.id}/tracks/${track.id}`, { duration: '0:00:03' }));
    expect((await getAlbum(s.api, album.id)).tracks[0]?.audio?.warnings.map((w) => w.code)).toEqual(['isrc-tag-mismatch']);
  });

  it('replaces a file and releases the old object; deleting releases the last one', async () => {
    const { album, track } = await albumWithTrack();
    // Bytes no other test stores: their objects go as soon as this track lets go.
    const first = await upload(album.id, track.id, 'first.mp3', 'mp3-22k-mono');
    const second = await upload(album.id, track.id, 'second.mp3', 'mp3-vbr-id3v23');
    expect(await objectRows(first.sha256)).toBe(0);
    expect((await leftovers(env)).files.some((f) => f.includes(first.sha256))).toBe(false);
    expect((await getAlbum(s.api, album.id)).tracks[0]?.audio?.sha256).toBe(second.sha256);

    ok(await s.api.call('DELETE', `/albums/${album.id}/tracks/${track.id}/audio`), 204);
    expect((await getAlbum(s.api, album.id)).tracks[0]?.audio).toBeNull();
    expect(await objectRows(second.sha256)).toBe(0);
    expect((await leftovers(env)).files.some((f) => f.includes(second.sha256))).toBe(false);
    failed(await s.api.call('DELETE', `/albums/${album.id}/tracks/${track.id}/audio`), 404, 'NOT_FOUND');
    failed(await getAudio(env, s.api, album.id, track.id), 404, 'NOT_FOUND');

    const rows = await queryRows(env.handle, sql`select action, before, after from audit_log where entity_id = ${album.id} and action like 'trackAudio.%' order by id`);
    expect(rows.map((r) => r.action)).toEqual(['trackAudio.upload', 'trackAudio.upload', 'trackAudio.delete']);
    expect(rows[1]?.before).toMatchObject({ trackId: track.id, sha256: first.sha256 });
    expect(rows[1]?.after).toMatchObject({ trackId: track.id, sha256: second.sha256, container: 'mp3', fileName: 'second.mp3' });
  });

  it('releases the audio of a track that is deleted', async () => {
    const { album, track } = await albumWithTrack();
    // Bytes no other test here stores.
    const audio = await upload(album.id, track.id, 'gone.mp3', 'mp3-txxx');
    expect(await objectRows(audio.sha256)).toBe(1);
    ok(await s.api.call('DELETE', `/albums/${album.id}/tracks/${track.id}`), 204);
    expect(await objectRows(audio.sha256)).toBe(0);
    expect((await leftovers(env)).files.some((f) => f.includes(audio.sha256))).toBe(false);
  });
});

describe('refused audio leaves nothing behind', () => {
  it.each([
    ['a text file named .mp3', 'notes.mp3', 'text-as-mp3', 422, 'AUDIO_REFUSED', /不是音訊或影音檔.*檔案未儲存/],
    ['a program named .mp3', 'setup.mp3', 'elf-as-mp3', 422, 'AUDIO_REFUSED', /不是音訊或影音檔/],
    ['MPEG Layer II named .mp3', 'old.mp3', 'mp2-as-mp3', 422, 'AUDIO_REFUSED', /MPEG Layer II/],
    ['a WAV named .mp3', 'wrong.mp3', 'wav-as-mp3', 422, 'AUDIO_REFUSED', /內容與副檔名不符/],
    ['an HLS playlist named .mp3', 'list.mp3', 'hls-as-mp3', 422, 'AUDIO_REFUSED', /播放清單/],
    ['an empty file', 'empty.mp3', 'empty', 422, 'AUDIO_REFUSED', /檔案是空的/],
    ['a name without an audio extension', 'song.flac', 'mp3-cbr', 400, 'AUDIO_FILE_NAME_INVALID', /「song\.flac」的副檔名不符/],
  ] as const)('%s', async (_label, name, fixture, status, code, message) => {
    const { album, track } = await albumWithTrack();
    const kept = await upload(album.id, track.id, 'kept.mp3', 'mp3-cbr');
    const before = await leftovers(env);
    const error = failed(await putAudio(env, s.api, album.id, track.id, name, await env.bytes(fixture)), status, code);
    expect(error.message).toMatch(message);
    expect(await leftovers(env)).toEqual(before);
    expect(before.staged).toEqual([]);
    expect((await getAlbum(s.api, album.id)).tracks[0]?.audio).toEqual(kept);
  });

  it.each([
    ['a right-to-left override', 'evil\u202egpj.mp3', 'U+202E'],
    ['a C1 control', 'a\u0085b.mp3', 'U+0085'],
    ['a byte-order mark', '\ufeffsong.mp3', 'U+FEFF'],
  ])('refuses a name with %s, naming the character, and keeps nothing', async (_label, name, character) => {
    const { album, track } = await albumWithTrack();
    const before = await leftovers(env);
    const error = failed(await putAudio(env, s.api, album.id, track.id, name, await env.bytes('mp3-cbr'), 'en'), 400, 'VALIDATION_FAILED');
    expect(error.details?.fields).toEqual([expect.objectContaining({ field: 'file', code: 'invalidCharacter', message: `Contains a character that is not allowed (${character}).` })]);
    expect(await leftovers(env)).toEqual(before);
    expect((await getAlbum(s.api, album.id)).tracks[0]?.audio).toBeNull();
  });

  it('says it in English too', async () => {
    const { album, track } = await albumWithTrack();
    const res = await putAudio(env, s.api, album.id, track.id, 'notes.mp3', await env.bytes('text-as-mp3'), 'en');
    expect(failed(res, 422, 'AUDIO_REFUSED').message).toMatch(/^The file is not audio or video .* The file was not stored\.$/);
  });

  it('refuses a body that is not multipart, or has no file', async () => {
    const { album, track } = await albumWithTrack();
    failed(await s.api.call('PUT', `/albums/${album.id}/tracks/${track.id}/audio`, { file: 'x' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const boundary = 'nofile';
    const res = await env.app.inject({
      method: 'PUT',
      url: `/api/v1/albums/${album.id}/tracks/${track.id}/audio`,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: s.api.cookie, 'accept-language': 'en' },
    });
    expect(failed(res, 400, 'AUDIO_FILE_MISSING').message).toBe('Choose an audio file to upload (MP3, WAV or MP4, up to 500 MB).');
    expect((await leftovers(env)).staged).toEqual([]);
  });
});

describe('playback with HTTP ranges', () => {
  let album: AlbumResponse;
  let track: AlbumTrackResponse;
  let bytes: Buffer;

  beforeAll(async () => {
    ({ album, track } = await albumWithTrack());
    bytes = await env.bytes('mp3-cbr');
    await upload(album.id, track.id, 'play.mp3', 'mp3-cbr');
  });

  it.each([
    ['bytes=100-199', 100, 199],
    ['bytes=1000-', 1000, -1],
    ['bytes=-50', -50, -1],
  ])('answers %s with 206 and exactly those bytes', async (range, from, to) => {
    const start = from < 0 ? bytes.length + from : from;
    const end = to < 0 ? bytes.length - 1 : to;
    const res = await getAudio(env, s.api, album.id, track.id, { range });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${bytes.length}`);
    expect(res.headers['content-length']).toBe(String(end - start + 1));
    expect(res.rawPayload.equals(bytes.subarray(start, end + 1))).toBe(true);
  });

  it('answers HEAD with the headers only', async () => {
    const res = await env.app.inject({ method: 'HEAD', url: `/api/v1/albums/${album.id}/tracks/${track.id}/audio`, headers: { cookie: s.api.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe(String(bytes.length));
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.rawPayload.length).toBe(0);
  });

  it('answers 416 to a range past the end, and the whole file when If-Range names other bytes', async () => {
    const res = await getAudio(env, s.api, album.id, track.id, { range: `bytes=${bytes.length}-` });
    expect(res.statusCode).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${bytes.length}`);
    const stale = await getAudio(env, s.api, album.id, track.id, { range: 'bytes=0-9', 'if-range': '"0000"' });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload.equals(bytes)).toBe(true);
  });
});

describe('who may upload, replace and hear audio', () => {
  it("answers 404 to another registrant's member for every audio route, and changes nothing", async () => {
    const { album, track } = await albumWithTrack();
    const audio = await upload(album.id, track.id, 'mine.mp3', 'mp3-cbr');
    const other = await memberSession(env);
    const before = await leftovers(env);
    failed(await getAudio(env, other.api, album.id, track.id), 404, 'NOT_FOUND');
    failed(await env.app.inject({ method: 'GET', url: audio.url, headers: { cookie: other.api.cookie, range: 'bytes=0-1' } }), 404, 'NOT_FOUND');
    failed(await putAudio(env, other.api, album.id, track.id, 'x.mp3', await env.bytes('mp3-cbr-no-info')), 404, 'NOT_FOUND');
    failed(await other.api.call('DELETE', `/albums/${album.id}/tracks/${track.id}/audio`), 404, 'NOT_FOUND');
    expect(await leftovers(env)).toEqual(before);
    // Officers listen, but do not change.
    ok(await getAudio(env, staff, album.id, track.id));
    failed(await putAudio(env, staff, album.id, track.id, 'x.mp3', await env.bytes('mp3-cbr')), 403, 'FORBIDDEN');
    failed(await staff.call('DELETE', `/albums/${album.id}/tracks/${track.id}/audio`), 403, 'FORBIDDEN');
  });

  it('follows the album: uploads while submitted; after approval only tracks without audio take a file', async () => {
    const album = await createAlbum(s.api, completeAlbumFields('送審音檔'));
    await addTrack(s.api, album.id, completeRecording('第一首'), { mode: 'next' });
    await addTrack(s.api, album.id, completeRecording('第二首'), { mode: 'next' });
    const [first, second] = (await getAlbum(s.api, album.id)).tracks;
    await upload(album.id, first!.id, 'one.mp3', 'mp3-cbr');
    const submitted = ok(await s.api.call('POST', `/albums/${album.id}/submit`)).json<AlbumResponse>();
    expect(submitted.tracks[0]?.audio?.fileName).toBe('one.mp3');
    await upload(album.id, first!.id, 'one-again.mp3', 'mp3-cbr-no-info');

    const approved = ok(await staff.call('POST', `/albums/${album.id}/approve`)).json<AlbumResponse>();
    expect(approved.audioUploadAllowed).toBe(true);
    expect(approved.tracks.map((t) => [t.audio?.fileName ?? null, t.audioReplaceable])).toEqual([
      ['one-again.mp3', false],
      [null, true],
    ]);
    const locked = failed(await putAudio(env, s.api, album.id, first!.id, 'three.mp3', await env.bytes('mp3-cbr')), 409, 'AUDIO_LOCKED');
    expect(locked.message).toBe('專輯已通過審核，已上傳的影音檔不可更換或刪除；如需更正，請洽 ISRC 管理中心。');
    failed(await s.api.call('DELETE', `/albums/${album.id}/tracks/${first!.id}/audio`), 409, 'AUDIO_LOCKED');
    await upload(album.id, second!.id, 'two.wav', 'wav-16-stereo');
    expect((await getAlbum(s.api, album.id)).tracks.map((t) => t.audioReplaceable)).toEqual([false, false]);
    expect((await leftovers(env)).staged).toEqual([]);
  });

  it('changes nothing once the album’s audio is deposited', async () => {
    const session = await memberSession(env);
    const album = await approvedAlbum(session, staff, '已送存', ['一', '二']);
    const [first, second] = album.tracks;
    ok(await putAudio(env, session.api, album.id, first!.id, 'a.mp3', await env.bytes('mp3-cbr')));
    await env.handle.db.execute(sql`insert into audio_deposits (album_id, registrant_id) values (${album.id}, ${session.member.registrantId})`);
    const after = await getAlbum(session.api, album.id);
    expect(after.audioUploadAllowed).toBe(false);
    expect(after.tracks.map((t) => t.audioReplaceable)).toEqual([false, false]);
    failed(await putAudio(env, session.api, album.id, second!.id, 'b.mp3', await env.bytes('mp3-cbr')), 409, 'AUDIO_DEPOSITED');
    failed(await session.api.call('DELETE', `/albums/${album.id}/tracks/${first!.id}/audio`), 409, 'AUDIO_DEPOSITED');
    ok(await getAudio(env, session.api, album.id, first!.id));
  });
});
