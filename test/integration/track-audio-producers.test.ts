/**
 * Audio as other producers' tools write it (test/media/make-producer-media.ts), through the real
 * upload routes: each file is stored with the right facts, or refused with a message naming what
 * it is, in zh-TW and English, leaving nothing behind.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import type { AudioBatchResponse, AudioUploadResult, TrackAudio } from '../../src/media/track-audio.schemas.js';
import { addTrack, API, completeAlbumFields, completeRecording, createAlbum, failed, getAlbum, memberSession, ok, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';
import { makeProducerMedia, PRODUCER_FILES, type ProducerFile, type ProducerMedia } from '../media/make-producer-media.js';
import { leftovers, postBatch, putAudio, sha256, tus, tusInPieces, uploadMetadata } from './track-audio-setup.js';

const env = useTestApp();
let media: ProducerMedia;
let mediaDir = '';
let s: MemberSession;

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(tmpdir(), 'isrc-producer-media-'));
  media = await makeProducerMedia(mediaDir);
  s = await memberSession(env);
}, 120_000);

afterAll(async () => {
  await rm(mediaDir, { recursive: true, force: true });
});

/** A draft album of `s` with `count` 3-second tracks, each with the next ISRC. */
async function albumWithTracks(count: number): Promise<AlbumResponse> {
  const album = await createAlbum(s.api, completeAlbumFields('他廠母帶'));
  for (let i = 1; i <= count; i++) {
    await addTrack(s.api, album.id, completeRecording(`第 ${i} 首`, { duration: '0:00:03' }), { mode: 'next' });
  }
  return getAlbum(s.api, album.id);
}

const isrcOf = (album: AlbumResponse, i = 0): string => album.tracks[i]?.recording.isrc ?? '';
/** `TWA012600001` → `TW-A01-26-00001`. */
const hyphenated = (isrc: string): string => `${isrc.slice(0, 2)}-${isrc.slice(2, 5)}-${isrc.slice(5, 7)}-${isrc.slice(7)}`;
/** The full-width spelling a Chinese IME types: ＴＷ－Ａ０１－２６－００００１. */
const fullWidth = (text: string): string => text.replace(/[!-~]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

interface Facts {
  container: TrackAudio['container'];
  contentType: string;
  codec: string;
  sampleRate: number;
  channels: number;
}

const mp3 = (sampleRate = 44100, channels = 2): Facts => ({ container: 'mp3', contentType: 'audio/mpeg', codec: 'mp3', sampleRate, channels });
const wav = (codec: string, sampleRate = 44100, channels = 2): Facts => ({ container: 'wav', contentType: 'audio/wav', codec, sampleRate, channels });
const m4a = (codec = 'aac', contentType = 'audio/mp4'): Facts => ({ container: 'mp4', contentType, codec, sampleRate: 44100, channels: 2 });

// Every source is 3 s of tone; encoders add their delay and padding (lame: up to ~0.17 s at 8 kHz).
const ACCEPTED: [ProducerFile, Facts][] = [
  ['mp3-id3v23-big-cover', mp3()],
  ['mp3-id3v24-big-cover', mp3()],
  ['mp3-id3v1-only', mp3()],
  ['mp3-no-tag-no-header', mp3()],
  ['mp3-vbr-xing', mp3()],
  ['mp3-vbr-no-xing', mp3()],
  ['mp3-mono-8k', mp3(8000, 1)],
  ['mp3-mpeg2-22k', mp3(22050)],
  ['wav-pcm16', wav('pcm_s16le')],
  ['wav-pcm24-extensible', wav('pcm_s24le', 48000)],
  ['wav-float32', wav('pcm_f32le')],
  ['wav-bwf-ixml', wav('pcm_s16le')],
  ['wav-odd-data', wav('pcm_u8', 8000, 1)],
  ['wav-streamed-size-0', wav('pcm_s16le')],
  ['wav-streamed-size-ffffffff', wav('pcm_s16le')],
  ['wav-rf64', wav('pcm_s24le')],
  ['wav-junk-first', wav('pcm_s16le')],
  ['wav-51-96k', wav('pcm_s24le', 96000, 6)],
  ['mp4-aac', m4a()],
  ['mp4-m4a-brand', m4a()],
  ['mp4-alac', m4a('alac')],
  ['mp4-h264-aac', m4a('aac', 'video/mp4')],
  ['mp4-moov-at-end', m4a()],
  ['mp4-fragmented', m4a()],
];

function expectFacts(audio: TrackAudio, facts: Facts, bytes: Buffer): void {
  expect(audio).toMatchObject({ container: facts.container, contentType: facts.contentType, size: bytes.length, sha256: sha256(bytes), warnings: [] });
  expect(audio.technical).toMatchObject({ codec: facts.codec, sampleRate: facts.sampleRate, channels: facts.channels });
  expect(Math.abs(audio.technical.durationMs - 3000), `duration ${audio.technical.durationMs} ms`).toBeLessThanOrEqual(200);
  expect(audio.technical.bitRate).toBeGreaterThan(0);
}

describe('files as other producers write them', () => {
  it.each(ACCEPTED)('stores %s with its container, codec, rate, channels and duration', async (file, facts) => {
    const album = await albumWithTracks(1);
    const bytes = await media.bytes(file);
    const res = await putAudio(env, s.api, album.id, album.tracks[0]!.id, `${file}.${facts.container}`, bytes);
    expectFacts(ok(res).json<TrackAudio>(), facts, bytes);
  });

  it('stores them by resumable upload too, in 1 MB pieces (cover art of 2 MB before the first MPEG frame, a streamed WAV, a fragmented mp4)', async () => {
    const cases: [ProducerFile, Facts][] = [
      ['mp3-id3v23-big-cover', mp3()],
      ['wav-streamed-size-ffffffff', wav('pcm_s16le')],
      ['mp4-fragmented', m4a()],
    ];
    const album = await albumWithTracks(cases.length);
    for (const [i, [file, facts]] of cases.entries()) {
      const bytes = await media.bytes(file);
      // Named by the ISRC in lower case with hyphens: any spelling the ISRC core accepts.
      const filename = `${hyphenated(isrcOf(album, i)).toLowerCase()}.${facts.container}`;
      const { created, last } = await tusInPieces(env, s.api, { albumId: album.id, filename }, bytes);
      expect(created.statusCode, created.body).toBe(201);
      expect(last.statusCode, last.body).toBe(200);
      expect(last.json<AudioUploadResult>()).toMatchObject({ status: 'stored', trackId: album.tracks[i]!.id });
    }
    const after = await getAlbum(s.api, album.id);
    for (const [i, [file, facts]] of cases.entries()) {
      expectFacts(after.tracks[i]!.audio!, facts, await media.bytes(file));
    }
    expect((await leftovers(env)).staged).toEqual([]);
  });
});

/** Each refused file, the words its zh-TW and English messages must hold. */
const REFUSED: [ProducerFile, RegExp, RegExp][] = [
  ['flac-as-mp3', /這個檔案是 FLAC 格式，不是 MP3、WAV 或 MP4/, /^This file is FLAC, not MP3, WAV or MP4/],
  ['flac-as-wav', /這個檔案是 FLAC 格式/, /This file is FLAC/],
  ['flac-id3-as-mp3', /這個檔案是 FLAC 格式/, /This file is FLAC/],
  ['ogg-vorbis-as-mp3', /這個檔案是 Ogg Vorbis 格式/, /This file is Ogg Vorbis/],
  ['ogg-opus-as-wav', /這個檔案是 Ogg Opus 格式/, /This file is Ogg Opus/],
  ['aiff-as-wav', /這個檔案是 AIFF 格式/, /This file is AIFF,/],
  ['aiff-as-mp3', /這個檔案是 AIFF-C 格式/, /This file is AIFF-C/],
  ['aac-adts-as-mp3', /這個檔案是 AAC \(ADTS\) 格式/, /This file is AAC \(ADTS\)/],
  ['wma-as-mp3', /這個檔案是 WMA\/WMV \(ASF\) 格式/, /This file is WMA\/WMV \(ASF\)/],
  ['ac3-as-mp3', /這個檔案是 AC-3 \(Dolby Digital\) 格式/, /This file is AC-3/],
  ['webm-as-mp4', /這個檔案是 Matroska\/WebM 格式/, /This file is Matroska\/WebM/],
  ['mov-qt-brand', /QuickTime（\.mov）影片，不是 MP4/, /QuickTime \(\.mov\) movie, not MP4/],
  ['mp3-free-format', /free format/, /"free format"/],
  ['wav-odd-chunk-no-pad', /奇數長度的區塊少了補齊位元組/, /an odd-sized chunk lacks its pad byte/],
  ['mp3-info-truncated', /檔案不完整/, /The file is incomplete/],
  ['wav-truncated', /檔案不完整/, /The file is incomplete/],
  ['mp4-moov-at-end-truncated', /檔案不完整/, /The file is incomplete/],
  ['mp4-faststart-truncated', /檔案不完整/, /The file is incomplete/],
  ['empty-mp3', /檔案是空的（0 位元組）/, /The file is empty \(0 bytes\)/],
  ['text-as-mp3', /不是音訊或影音檔/, /not audio or video/],
];

describe('files refused by content', () => {
  it.each(['zh-TW', 'en'] as const)('names what each file is, in %s, and stores nothing of them (數位媒體批次上傳)', async (lang) => {
    const album = await albumWithTracks(1);
    const before = await leftovers(env);
    // All named by the one track's ISRC: a refused file does not take its track.
    const named = await Promise.all(REFUSED.map(async ([file]) => ({ name: `${isrcOf(album)}.${PRODUCER_FILES[file]}`, content: await media.bytes(file) })));
    const res = await postBatch(env, s.api, album.id, named, lang);
    const results = ok(res).json<AudioBatchResponse>().results;
    expect(results.map((r) => [r.status, r.code])).toEqual(REFUSED.map(() => ['refused', 'AUDIO_REFUSED']));
    for (const [i, [file, zh, en]] of REFUSED.entries()) {
      expect(results[i]?.message, file).toMatch(lang === 'zh-TW' ? zh : en);
      expect(results[i]?.message, file).toMatch(lang === 'zh-TW' ? /檔案未儲存。$/ : /The file was not stored\.$/);
    }
    expect(await leftovers(env)).toEqual(before);
    expect((await getAlbum(s.api, album.id)).tracks[0]?.audio).toBeNull();
  });

  it('refuses a renamed FLAC and a cut mp4 on the per-track and resumable routes with 422, never a 500', async () => {
    const album = await albumWithTracks(1);
    const track = album.tracks[0]!;
    const flac = failed(await putAudio(env, s.api, album.id, track.id, 'master.wav', await media.bytes('flac-as-wav'), 'en'), 422, 'AUDIO_REFUSED');
    expect(flac.message).toMatch(/^This file is FLAC, not MP3, WAV or MP4/);
    expect(flac.details).toMatchObject({ reason: 'other-audio-format', format: 'FLAC' });
    const cut = await media.bytes('mp4-moov-at-end-truncated');
    const created = await tus(env, s.api, 'POST', `${API}/uploads`, {
      'upload-length': String(cut.length),
      'upload-metadata': uploadMetadata({ albumId: album.id, filename: `${isrcOf(album)}.mp4` }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const last = await tus(env, s.api, 'PATCH', String(created.headers.location), { 'upload-offset': '0' }, cut);
    expect(last.statusCode, last.body).toBe(422);
    expect(last.json<AudioUploadResult>().message).toMatch(/檔案不完整/);
    expect((await leftovers(env)).staged).toEqual([]);
  });

  it('refuses an empty resumable upload with the empty-file message', async () => {
    const album = await albumWithTracks(1);
    const created = await tus(env, s.api, 'POST', `${API}/uploads`, { 'upload-length': '0', 'upload-metadata': uploadMetadata({ albumId: album.id, filename: `${isrcOf(album)}.mp3` }) });
    // Either refused at once (the upload is complete when created) or on its first PATCH.
    const answer = created.statusCode === 201 ? await tus(env, s.api, 'PATCH', String(created.headers.location), { 'upload-offset': '0' }, Buffer.alloc(0)) : created;
    expect(answer.statusCode, answer.body).toBe(422);
    expect(answer.json<AudioUploadResult>().message).toMatch(/檔案是空的/);
    expect((await leftovers(env)).staged).toEqual([]);
  });
});

describe('file names', () => {
  it('takes the ISRC in lower case, with hyphens, and in full-width characters (數位媒體批次上傳)', async () => {
    const album = await albumWithTracks(3);
    const bytes = await media.bytes('mp3-vbr-xing');
    const names = [`${isrcOf(album, 0).toLowerCase()}.mp3`, `${hyphenated(isrcOf(album, 1))}.MP3`, `${fullWidth(hyphenated(isrcOf(album, 2)))}．ｍｐ３`];
    const results = ok(
      await postBatch(
        env,
        s.api,
        album.id,
        names.map((name) => ({ name, content: bytes })),
      ),
    ).json<AudioBatchResponse>().results;
    expect(results.map((r) => [r.fileName, r.status, r.trackId])).toEqual(names.map((name, i) => [name, 'stored', album.tracks[i]!.id]));
    // The name shown later is the one the registrant gave.
    expect((await getAlbum(s.api, album.id)).tracks.map((t) => t.audio?.fileName)).toEqual(names);
  });

  it('refuses a name that is no ISRC or has another extension with the rule spelt out, and takes full-width names on the per-track route', async () => {
    const album = await albumWithTracks(1);
    const bytes = await media.bytes('wav-pcm16');
    const [copy] = ok(await postBatch(env, s.api, album.id, [{ name: `${isrcOf(album)} (1).wav`, content: bytes }])).json<AudioBatchResponse>().results;
    expect(copy).toMatchObject({ status: 'refused', code: 'AUDIO_FILE_NAME_NOT_ISRC' });
    expect(copy?.message).toMatch(/檔名不是 ISRC：批次上傳的檔名須為曲目的 ISRC 加副檔名/);
    const audio = ok(await putAudio(env, s.api, album.id, album.tracks[0]!.id, '母帶　最終版（混音２）.wav', bytes)).json<TrackAudio>();
    expect(audio).toMatchObject({ fileName: '母帶　最終版（混音２）.wav', container: 'wav' });
    // A full-width extension too, as for batch names.
    const wide = ok(await putAudio(env, s.api, album.id, album.tracks[0]!.id, '母帶．ＷＡＶ', bytes)).json<TrackAudio>();
    expect(wide).toMatchObject({ fileName: '母帶．ＷＡＶ', container: 'wav' });
    // An .m4a is told to be renamed .mp4; a .flac only that it is not accepted.
    const m4aName = failed(await putAudio(env, s.api, album.id, album.tracks[0]!.id, 'master.m4a', await media.bytes('mp4-m4a-brand')), 400, 'AUDIO_FILE_NAME_INVALID');
    expect(m4aName.message).toBe('「master.m4a」的副檔名不符：影音檔僅接受 .mp3、.wav 或 .mp4。.m4a 檔的內容就是 MP4，請將副檔名改為 .mp4 後再上傳。');
    const flacName = failed(await putAudio(env, s.api, album.id, album.tracks[0]!.id, 'master.flac', await media.bytes('flac-as-mp3'), 'en'), 400, 'AUDIO_FILE_NAME_INVALID');
    expect(flacName.message).toBe('"master.flac" has the wrong extension: audio files must end in .mp3, .wav or .mp4.');
  });
});
