import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import { MAX_BATCH_FILES, type AudioBatchResponse, type AudioUploadResult } from '../../src/media/track-audio.schemas.js';
import {
  addTrack,
  API,
  completeAlbumFields,
  completeRecording,
  createAlbum,
  display,
  failed,
  getAlbum,
  memberSession,
  ok,
  staffSession,
  type Client,
  type MemberSession,
} from '../helpers/catalog.js';
import { TAG_ISRCS } from '../media/make-media.js';
import { leftovers, multipart, postBatch, sha256, useAudioApp } from './track-audio-setup.js';

const env = useAudioApp();
let staff: Client;
let s: MemberSession;

beforeAll(async () => {
  staff = await staffSession(env);
  s = await memberSession(env);
});

/** A draft album of `s` with `count` tracks, each with the next ISRC. */
async function albumWithTracks(count: number, title = '批次上傳'): Promise<AlbumResponse> {
  const album = await createAlbum(s.api, completeAlbumFields(title));
  for (let i = 1; i <= count; i++) {
    await addTrack(s.api, album.id, completeRecording(`第 ${i} 首`, { duration: '0:00:03' }), { mode: 'next' });
  }
  return getAlbum(s.api, album.id);
}

function isrcOf(album: AlbumResponse, index: number): string {
  const isrc = album.tracks[index]?.recording.isrc;
  if (isrc === undefined || isrc === null) {
    throw new Error('track without an ISRC');
  }
  return isrc;
}

/** `TWA012600001` → `tw-a01-26-00001` (another spelling the core accepts). */
function hyphenatedLower(isrc: string): string {
  return display(isrc.slice(2, 5), Number(isrc.slice(7)), Number(isrc.slice(5, 7))).toLowerCase();
}

function results(res: Awaited<ReturnType<typeof postBatch>>): AudioUploadResult[] {
  return ok(res).json<AudioBatchResponse>().results;
}

describe('數位媒體批次上傳', () => {
  it('stores the files named by this album’s ISRCs and refuses the others by name, storing nothing of them', async () => {
    const album = await albumWithTracks(4);
    const other = await albumWithTracks(1, '另一張專輯');
    const mp3 = await env.bytes('mp3-cbr');
    const wav = await env.bytes('wav-16-stereo');
    const before = await leftovers(env);
    const answer = results(
      await postBatch(env, s.api, album.id, [
        { name: `${hyphenatedLower(isrcOf(album, 0))}.MP3`, content: mp3 },
        { name: `ISRC ${display(isrcOf(album, 1).slice(2, 5), Number(isrcOf(album, 1).slice(7)))}.wav`, content: wav },
        { name: 'my song.mp3', content: mp3 },
        { name: `${isrcOf(other, 0)}.mp3`, content: mp3 },
        { name: `${isrcOf(album, 2)}.flac`, content: mp3 },
        { name: `${isrcOf(album, 2)}.mp3`, content: await env.bytes('text-as-mp3') },
        { name: `${isrcOf(album, 0)}.mp3`, content: await env.bytes('mp3-cbr-no-info') },
        { name: `${isrcOf(album, 3)}.mp4`, content: await env.bytes('m4a-itunes-isrc') },
      ]),
    );
    expect(answer.map((r) => [r.fileName, r.status, r.code ?? null])).toEqual([
      [`${hyphenatedLower(isrcOf(album, 0))}.MP3`, 'stored', null],
      [expect.stringMatching(/^ISRC TW-/), 'stored', null],
      ['my song.mp3', 'refused', 'AUDIO_FILE_NAME_NOT_ISRC'],
      [`${isrcOf(other, 0)}.mp3`, 'refused', 'AUDIO_NO_MATCHING_TRACK'],
      [`${isrcOf(album, 2)}.flac`, 'refused', 'AUDIO_FILE_NAME_INVALID'],
      [`${isrcOf(album, 2)}.mp3`, 'refused', 'AUDIO_REFUSED'],
      [`${isrcOf(album, 0)}.mp3`, 'refused', 'AUDIO_DUPLICATE_IN_BATCH'],
      [`${isrcOf(album, 3)}.mp4`, 'stored', null],
    ]);
    expect(answer[0]).toMatchObject({ trackId: album.tracks[0]?.id, isrc: isrcOf(album, 0), warnings: [] });
    expect(answer[3]?.message).toBe(`這張專輯沒有 ISRC 為 ${display(isrcOf(other, 0).slice(2, 5), Number(isrcOf(other, 0).slice(7)))} 的曲目，檔案未儲存。`);
    expect(answer[5]).toMatchObject({ trackId: album.tracks[2]?.id, isrc: isrcOf(album, 2) });
    expect(answer[5]?.message).toMatch(/不是音訊或影音檔/);
    expect(answer[7]?.warnings.map((w) => [w.code, w.params.tagIsrcs])).toEqual([['isrc-tag-mismatch', TAG_ISRCS.itunes]]);

    const after = await getAlbum(s.api, album.id);
    expect(after.tracks.map((t) => t.audio?.sha256 ?? null)).toEqual([sha256(mp3), sha256(wav), null, sha256(await env.bytes('m4a-itunes-isrc'))]);
    expect((await getAlbum(s.api, other.id)).tracks[0]?.audio).toBeNull();
    const left = await leftovers(env);
    expect(left.staged).toEqual([]);
    // Only the three stored files' objects are new.
    expect(left.objects.filter((o) => !before.objects.includes(o)).sort()).toEqual([sha256(mp3), sha256(wav), sha256(await env.bytes('m4a-itunes-isrc'))].sort());
  });

  it('answers in English too', async () => {
    const album = await albumWithTracks(1);
    const [result] = results(await postBatch(env, s.api, album.id, [{ name: 'notes.txt', content: Buffer.from('x') }], 'en'));
    expect(result).toMatchObject({ status: 'refused', code: 'AUDIO_FILE_NAME_INVALID', message: '"notes.txt" has the wrong extension: audio files must end in .mp3, .wav or .mp4.' });
  });

  it('refuses files for tracks of an approved album that have audio, and takes the others', async () => {
    const album = await albumWithTracks(2, '已通過');
    results(await postBatch(env, s.api, album.id, [{ name: `${isrcOf(album, 0)}.mp3`, content: await env.bytes('mp3-cbr') }]));
    ok(await s.api.call('POST', `/albums/${album.id}/submit`));
    ok(await staff.call('POST', `/albums/${album.id}/approve`));
    const answer = results(
      await postBatch(env, s.api, album.id, [
        { name: `${isrcOf(album, 0)}.mp3`, content: await env.bytes('mp3-cbr-no-info') },
        { name: `${isrcOf(album, 1)}.wav`, content: await env.bytes('wav-16-stereo') },
      ]),
    );
    expect(answer.map((r) => [r.status, r.code ?? null])).toEqual([
      ['refused', 'AUDIO_LOCKED'],
      ['stored', null],
    ]);
  });

  it(`answers more than ${MAX_BATCH_FILES} files with the results of the first ${MAX_BATCH_FILES} and a refusal naming the limit`, async () => {
    const album = await albumWithTracks(2);
    const mp3 = await env.bytes('mp3-cbr');
    // Refused by name, before a byte of them is analysed.
    const notes = Array.from({ length: MAX_BATCH_FILES }, (_, i) => ({ name: `note-${i}.mp3`, content: Buffer.from('x') }));
    const res = await postBatch(env, s.api, album.id, [{ name: `${isrcOf(album, 0)}.mp3`, content: mp3 }, ...notes], 'en');
    const body = ok(res).json<AudioBatchResponse>();
    expect(body.results).toHaveLength(MAX_BATCH_FILES);
    expect(body.results[0]).toMatchObject({ fileName: `${isrcOf(album, 0)}.mp3`, status: 'stored', trackId: album.tracks[0]?.id });
    expect(body.results.slice(1).every((r) => r.status === 'refused' && r.code === 'AUDIO_FILE_NAME_NOT_ISRC')).toBe(true);
    expect(body.results.at(-1)?.fileName).toBe(`note-${MAX_BATCH_FILES - 2}.mp3`);
    expect(body.error).toEqual({
      code: 'AUDIO_BATCH_TOO_MANY_FILES',
      message: `A batch may hold at most ${MAX_BATCH_FILES} files: the files after the ${MAX_BATCH_FILES}th were not read or stored. Please upload them in another batch.`,
      details: { max: MAX_BATCH_FILES },
    });
    const tracks = (await getAlbum(s.api, album.id)).tracks;
    expect(tracks[0]?.audio).toMatchObject({ sha256: sha256(mp3) });
    expect(tracks[1]?.audio).toBeNull();
    expect((await leftovers(env)).staged).toEqual([]);
  });

  it('answers a body cut off after a stored file with that file’s result and the failure; cut off before any, the failure alone', async () => {
    const album = await albumWithTracks(2);
    const mp3 = await env.bytes('mp3-cbr');
    const { payload, headers } = multipart([
      { name: `${isrcOf(album, 0)}.mp3`, content: mp3 },
      { name: `${isrcOf(album, 1)}.mp3`, content: mp3 },
    ]);
    const send = (body: Buffer) =>
      env.app.inject({ method: 'POST', url: `${API}/albums/${album.id}/audio/batch`, payload: body, headers: { ...headers, cookie: s.api.cookie, 'accept-language': 'en' } });
    const cut = ok(await send(payload.subarray(0, payload.length - 200))).json<AudioBatchResponse>();
    expect(cut.results).toEqual([expect.objectContaining({ fileName: `${isrcOf(album, 0)}.mp3`, status: 'stored' })]);
    expect(cut.error?.code).toBe('MALFORMED_REQUEST');
    const tracks = (await getAlbum(s.api, album.id)).tracks;
    expect(tracks[0]?.audio).toMatchObject({ sha256: sha256(mp3) });
    expect(tracks[1]?.audio).toBeNull();
    failed(await send(payload.subarray(0, 300)), 400, 'MALFORMED_REQUEST');
    expect((await leftovers(env)).staged).toEqual([]);
  });

  it("answers 404 for another registrant's album and stores nothing; a request without files is 400", async () => {
    const album = await albumWithTracks(1);
    const other = await memberSession(env);
    const before = await leftovers(env);
    failed(await postBatch(env, other.api, album.id, [{ name: `${isrcOf(album, 0)}.mp3`, content: await env.bytes('mp3-cbr') }]), 404, 'NOT_FOUND');
    failed(await postBatch(env, staff, album.id, [{ name: `${isrcOf(album, 0)}.mp3`, content: await env.bytes('mp3-cbr') }]), 403, 'FORBIDDEN');
    expect(await leftovers(env)).toEqual(before);
    const missing = failed(await postBatch(env, s.api, album.id, [], 'en'), 400, 'AUDIO_FILE_MISSING');
    expect(missing.message).toBe('Choose an audio file to upload (MP3, WAV or MP4, up to 500 MB).');
    expect(failed(await postBatch(env, s.api, album.id, []), 400, 'AUDIO_FILE_MISSING').message).toBe('請選擇要上傳的音檔（MP3、WAV 或 MP4，500 MB 以內）。');
    failed(await s.api.call('POST', `/albums/${album.id}/audio/batch`, {}), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});
