/**
 * Audio as more producers write it (test/media/make-producer-media-2.ts: DAWs' RF64/BW64 and BWF,
 * taggers' ID3v2.4/APEv2/Lyrics3, phones' 3GP and AMR, editors' edit lists and QuickTime movies),
 * through the real upload routes: each file is stored byte for byte with the right facts, or refused
 * with 422 and a message naming what it is, in zh-TW and English, leaving nothing behind.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import type { AudioBatchResponse, AudioUploadResult, TrackAudio } from '../../src/media/track-audio.schemas.js';
import { addTrack, API, completeAlbumFields, completeRecording, createAlbum, failed, getAlbum, memberSession, ok, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';
import { makeProducerMedia2, PRODUCER_FILES_2, TAGGED_ISRC, type ProducerFile2, type ProducerMedia2 } from '../media/make-producer-media-2.js';
import { getAudio, leftovers, postBatch, putAudio, sha256, tus, tusInPieces, uploadMetadata } from './track-audio-setup.js';

const env = useTestApp();
let media: ProducerMedia2;
let mediaDir = '';
let s: MemberSession;

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(tmpdir(), 'isrc-producer-media-2-'));
  media = await makeProducerMedia2(mediaDir);
  s = await memberSession(env);
}, 120_000);

afterAll(async () => {
  await rm(mediaDir, { recursive: true, force: true });
});

/** A draft album of `s` with one track per duration (seconds), each with the next ISRC. */
async function albumWithTracks(...seconds: number[]): Promise<AlbumResponse> {
  const album = await createAlbum(s.api, completeAlbumFields('他廠母帶（二）'));
  for (const [i, duration] of seconds.entries()) {
    await addTrack(s.api, album.id, completeRecording(`第 ${i + 1} 首`, { duration: `0:00:0${duration}` }), { mode: 'next' });
  }
  return getAlbum(s.api, album.id);
}

const isrcOf = (album: AlbumResponse, i = 0): string => album.tracks[i]?.recording.isrc ?? '';

interface Facts {
  container: TrackAudio['container'];
  contentType: string;
  codec: string;
  sampleRate: number;
  channels: number;
  /** What the file plays, in seconds (3 unless an edit list trims it). */
  seconds: number;
  /** The file's tags hold TAGGED_ISRC (another track's): stored, with a warning. */
  tagged: boolean;
}

type Options = Partial<Pick<Facts, 'seconds' | 'tagged'>>;
const mp3 = (sampleRate = 44100, o: Options = {}): Facts => ({ container: 'mp3', contentType: 'audio/mpeg', codec: 'mp3', sampleRate, channels: 2, seconds: 3, tagged: false, ...o });
const wav = (codec: string, sampleRate = 44100, channels = 2, o: Options = {}): Facts => ({
  container: 'wav',
  contentType: 'audio/wav',
  codec,
  sampleRate,
  channels,
  seconds: 3,
  tagged: false,
  ...o,
});
const mp4 = (codec = 'aac', contentType = 'audio/mp4', o: Options = {}): Facts => ({ container: 'mp4', contentType, codec, sampleRate: 44100, channels: 2, seconds: 3, tagged: false, ...o });
const tagged = { tagged: true };

// Encoders add their delay and padding: lame up to ~0.17 s at 8 kHz.
const ACCEPTED: [ProducerFile2, Facts][] = [
  ['wav-rf64-16-small', wav('pcm_s16le')],
  ['wav-bw64', wav('pcm_s16le')],
  ['wav-bw64-axml-chna', wav('pcm_s16le')],
  ['wav-rf64-ds64-zero', wav('pcm_s16le')],
  ['wav-rf64-id3-isrc', wav('pcm_s16le', 44100, 2, tagged)],
  ['wav-bwf-chunks-after-data', wav('pcm_s16le', 44100, 2, tagged)],
  ['wav-bwf-chunks-before-data', wav('pcm_s16le', 44100, 2, tagged)],
  ['wav-extensible-24', wav('pcm_s24le', 48000)],
  ['wav-extensible-float32', wav('pcm_f32le', 48000)],
  ['wav-float32-fact-peak', wav('pcm_f32le', 48000)],
  ['wav-float64', wav('pcm_f64le')],
  ['wav-pcm32', wav('pcm_s32le')],
  ['wav-8bit-mono', wav('pcm_u8', 44100, 1)],
  ['wav-8bit-stereo-22k', wav('pcm_u8', 22050)],
  ['wav-192k-24', wav('pcm_s24le', 192000)],
  ['wav-mono-16', wav('pcm_s16le', 44100, 1)],
  ['wav-size-0-extensible-24', wav('pcm_s24le', 48000)],
  ['wav-size-ffffffff-extensible-24', wav('pcm_s24le', 48000)],
  ['wav-riff-size-stale', wav('pcm_s16le')],
  ['wav-odd-data-no-pad-at-end', wav('pcm_u8', 44100, 1)],
  ['wav-id3v2-in-front', wav('pcm_s16le', 44100, 2, tagged)],
  ['wav-alaw', wav('pcm_alaw')],
  ['wav-rifx', wav('pcm_s16le')],
  ['mp3-id3v24-footer', mp3(44100, tagged)],
  ['mp3-id3v24-unsync', mp3(44100, tagged)],
  ['mp3-id3v23-unsync', mp3(44100, tagged)],
  ['mp3-id3v22', mp3(44100, tagged)],
  ['mp3-two-id3v2-tags', mp3(44100, tagged)],
  ['mp3-ape-id3v1', mp3(44100, tagged)],
  ['mp3-ape-cover', mp3(44100, tagged)],
  ['mp3-vbr-ape-cover', mp3(44100, tagged)],
  ['mp3-appended-id3v24-cover', mp3(44100, tagged)],
  ['mp3-ape-png-cover', mp3()],
  ['mp3-appended-id3v24-png-cover', mp3()],
  ['mp3-lyrics3v2', mp3()],
  ['mp3-lyrics3v1', mp3()],
  ['mp3-vbri', mp3()],
  ['mp3-mpeg25-8k', mp3(8000)],
  ['mp3-mpeg25-11k', mp3(11025)],
  ['mp3-mpeg2-16k', mp3(16000)],
  ['mp3-mpeg2-24k', mp3(24000)],
  ['mp3-crc', mp3()],
  ['mp3-junk-first', mp3()],
  ['mp3-partial-frame-first', mp3()],
  ['mp3-zeros-before-audio', mp3(44100, tagged)],
  ['mp4-m4a-itunes', mp4()],
  ['mp4-alac-faststart', mp4('alac')],
  ['mp4-3gp', mp4()],
  ['mp4-3g2', mp4()],
  ['mp4-m4b', mp4()],
  ['mp4-f4v', mp4()],
  ['mp4-h264-bframes', mp4('aac', 'video/mp4')],
  ['mp4-hevc-aac', mp4('aac', 'video/mp4')],
  ['mp4-trimmed-copy', mp4('aac', 'video/mp4', { seconds: 2 })],
  ['mp4-edit-list-trim', mp4('aac', 'audio/mp4', { seconds: 1 })],
  ['mp4-video-edit-list-trim', mp4('aac', 'video/mp4', { seconds: 2 })],
  ['mp4-start-delay', mp4()],
  ['mp4-timecode-track', mp4('aac', 'video/mp4')],
  ['mp4-chapters', mp4()],
  ['mp4-two-audio-tracks', mp4()],
];

function expectFacts(audio: TrackAudio, facts: Facts, bytes: Buffer): void {
  expect(audio).toMatchObject({ container: facts.container, contentType: facts.contentType, size: bytes.length, sha256: sha256(bytes) });
  expect(audio.technical).toMatchObject({ codec: facts.codec, sampleRate: facts.sampleRate, channels: facts.channels });
  expect(Math.abs(audio.technical.durationMs - facts.seconds * 1000), `duration ${audio.technical.durationMs} ms`).toBeLessThanOrEqual(200);
  expect(audio.technical.bitRate).toBeGreaterThan(0);
  // The track's duration is the file's, so the only warning is the other track's ISRC in the tags.
  expect(audio.tagIsrcs).toEqual(facts.tagged ? [TAGGED_ISRC] : []);
  expect(audio.warnings.map((w) => w.code)).toEqual(facts.tagged ? ['isrc-tag-mismatch'] : []);
}

describe('files as more producers write them', () => {
  it.each(ACCEPTED)('stores %s with its container, codec, rate, channels, duration and tag ISRCs', async (file, facts) => {
    const album = await albumWithTracks(facts.seconds);
    const bytes = await media.bytes(file);
    const res = await putAudio(env, s.api, album.id, album.tracks[0]!.id, `${file}.${facts.container}`, bytes);
    expectFacts(ok(res).json<TrackAudio>(), facts, bytes);
  });

  it('gives back the very bytes stored (an RF64 with ds64 left at 0, an mp3 with APEv2 cover art, an edit-listed mp4)', async () => {
    const files: ProducerFile2[] = ['wav-rf64-ds64-zero', 'mp3-vbr-ape-cover', 'mp4-video-edit-list-trim'];
    const album = await albumWithTracks(3, 3, 2);
    for (const [i, file] of files.entries()) {
      const bytes = await media.bytes(file);
      ok(await putAudio(env, s.api, album.id, album.tracks[i]!.id, `${file}.${PRODUCER_FILES_2[file]}`, bytes));
      const back = ok(await getAudio(env, s.api, album.id, album.tracks[i]!.id));
      expect(sha256(back.rawPayload), file).toBe(sha256(bytes));
    }
  });

  it('stores them by resumable upload too, in 1 MB pieces (BW64 with chunks after the samples, two ID3v2 tags with cover art, a music video)', async () => {
    const cases: [ProducerFile2, Facts][] = [
      ['wav-bw64-axml-chna', wav('pcm_s16le')],
      ['mp3-two-id3v2-tags', mp3(44100, tagged)],
      ['mp4-h264-bframes', mp4('aac', 'video/mp4')],
    ];
    const album = await albumWithTracks(3, 3, 3);
    for (const [i, [file, facts]] of cases.entries()) {
      const bytes = await media.bytes(file);
      const { created, last } = await tusInPieces(env, s.api, { albumId: album.id, filename: `${isrcOf(album, i)}.${facts.container}` }, bytes);
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

const QUICKTIME: [RegExp, RegExp] = [/這是 QuickTime（\.mov）影片，不是 MP4/, /This is a QuickTime \(\.mov\) movie, not MP4/];
const INCOMPLETE: [RegExp, RegExp] = [/檔案不完整/, /The file is incomplete/];
const named = (zh: string, en: string): [RegExp, RegExp] => [new RegExp(`這個檔案是 ${zh} 格式，不是 MP3、WAV 或 MP4`), new RegExp(`^This file is ${en}, not MP3, WAV or MP4`)];

/** Each refused file, the words its zh-TW and English messages must hold. */
const REFUSED: [ProducerFile2, [RegExp, RegExp]][] = [
  ['mov-no-ftyp', QUICKTIME],
  ['mov-no-ftyp-wide', QUICKTIME],
  ['mov-chapters', QUICKTIME],
  ['w64-as-wav', named('Sony Wave64 \\(W64\\)', 'Sony Wave64 \\(W64\\)')],
  ['amr-as-mp3', named('AMR', 'AMR')],
  ['amr-wb-as-mp3', named('AMR', 'AMR')],
  ['mpeg-ts-as-mp4', named('MPEG-TS \\(MPEG transport stream\\)', 'MPEG-TS \\(MPEG transport stream\\)')],
  ['mpeg-ps-as-mp3', named('MPEG-PS \\(MPEG program stream\\)', 'MPEG-PS \\(MPEG program stream\\)')],
  ['flv-as-mp3', named('FLV \\(Flash Video\\)', 'FLV \\(Flash Video\\)')],
  ['mxf-as-wav', named('MXF', 'MXF')],
  ['tta-as-wav', named('TTA \\(True Audio\\)', 'TTA \\(True Audio\\)')],
  ['wav-rifx-truncated', INCOMPLETE],
  ['wav-rf64-truncated', INCOMPLETE],
  ['wav-bw64-truncated', INCOMPLETE],
  ['mp3-vbri-truncated', INCOMPLETE],
  ['mp3-unfinished-download', INCOMPLETE],
  ['mp4-edit-list-trim-truncated', INCOMPLETE],
];

describe('files refused by content', () => {
  it.each(['zh-TW', 'en'] as const)('names what each file is, in %s, and stores nothing of them (數位媒體批次上傳)', async (lang) => {
    const album = await albumWithTracks(3);
    const before = await leftovers(env);
    // All named by the one track's ISRC: a refused file does not take its track.
    const files = await Promise.all(REFUSED.map(async ([file]) => ({ name: `${isrcOf(album)}.${PRODUCER_FILES_2[file]}`, content: await media.bytes(file) })));
    const results = ok(await postBatch(env, s.api, album.id, files, lang)).json<AudioBatchResponse>().results;
    expect(results.map((r) => [r.status, r.code])).toEqual(REFUSED.map(() => ['refused', 'AUDIO_REFUSED']));
    for (const [i, [file, [zh, en]]] of REFUSED.entries()) {
      expect(results[i]?.message, file).toMatch(lang === 'zh-TW' ? zh : en);
      expect(results[i]?.message, file).toMatch(lang === 'zh-TW' ? /檔案未儲存。$/ : /The file was not stored\.$/);
    }
    expect(await leftovers(env)).toEqual(before);
    expect((await getAlbum(s.api, album.id)).tracks[0]?.audio).toBeNull();
  });

  it('refuses a QuickTime movie without ftyp and a phone AMR on the per-track and resumable routes with 422, never a 500', async () => {
    const album = await albumWithTracks(3);
    const track = album.tracks[0]!;
    const mov = failed(await putAudio(env, s.api, album.id, track.id, 'clip.mp4', await media.bytes('mov-no-ftyp'), 'en'), 422, 'AUDIO_REFUSED');
    expect(mov.message).toMatch(/^This is a QuickTime \(\.mov\) movie, not MP4/);
    expect(mov.details).toMatchObject({ reason: 'quicktime' });
    const amr = failed(await putAudio(env, s.api, album.id, track.id, 'memo.mp3', await media.bytes('amr-as-mp3'), 'en'), 422, 'AUDIO_REFUSED');
    expect(amr.details).toMatchObject({ reason: 'other-audio-format', format: 'AMR' });
    const bytes = await media.bytes('mov-no-ftyp-wide');
    const created = await tus(env, s.api, 'POST', `${API}/uploads`, {
      'upload-length': String(bytes.length),
      'upload-metadata': uploadMetadata({ albumId: album.id, filename: `${isrcOf(album)}.mp4` }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const last = await tus(env, s.api, 'PATCH', String(created.headers.location), { 'upload-offset': '0' }, bytes);
    expect(last.statusCode, last.body).toBe(422);
    expect(last.json<AudioUploadResult>().message).toMatch(/QuickTime（\.mov）影片，不是 MP4/);
    expect((await leftovers(env)).staged).toEqual([]);
    expect((await getAlbum(s.api, album.id)).tracks[0]?.audio).toBeNull();
  });
});
