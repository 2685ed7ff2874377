import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMedia, TAG_ISRCS, type FixtureName, type MediaFixtures } from '../../test/media/make-media.js';
import { id3v2Tag } from '../../test/media/tag-bytes.js';
import type { AudioContainer } from '../shared/enums.js';
import { probeAudio, type AudioAnalysis, type AudioRefusal } from './audio-probe.js';
import { runFfprobe } from './ffprobe-run.js';
import { layer3Frame } from './mp3-vbr-header.js';

// Real files made with sox, lame and ffmpeg (test/media/make-media.ts), probed with the static ffprobe.
let media: MediaFixtures;
let staging: string;

beforeAll(async () => {
  media = await makeMedia(await mkdtemp(join(tmpdir(), 'audio-probe-')));
  staging = await mkdtemp(join(tmpdir(), 'audio-staging-'));
}, 120_000);

afterAll(async () => {
  await Promise.all([media.dir, staging].map((dir) => rm(dir, { recursive: true, force: true })));
});

interface Accepted {
  name: FixtureName;
  extension: AudioContainer;
  container: AudioContainer;
  contentType: AudioAnalysis['contentType'];
  codec: string;
  sampleRate: number;
  channels: number;
  seconds: number;
  tagIsrcs: string[];
}

const { a, b, c, d, txxx, ape, itunes } = TAG_ISRCS;
const mp3 = { extension: 'mp3', container: 'mp3', contentType: 'audio/mpeg', codec: 'mp3', sampleRate: 44100, channels: 2 } as const;
// lame adds its encoder delay and padding: 3 s of tone lasts 3.03 s in frames.
const ACCEPTED: Accepted[] = [
  { name: 'mp3-cbr', ...mp3, seconds: 3.03, tagIsrcs: [] },
  { name: 'mp3-cbr-no-info', ...mp3, seconds: 3.03, tagIsrcs: [] },
  { name: 'mp3-vbr-id3v23', ...mp3, seconds: 3.03, tagIsrcs: [a, b] },
  { name: 'mp3-id3v24', ...mp3, seconds: 3.03, tagIsrcs: [c, d] },
  { name: 'mp3-txxx', ...mp3, seconds: 3.03, tagIsrcs: [txxx] },
  { name: 'mp3-ape', ...mp3, seconds: 3.03, tagIsrcs: [ape] },
  { name: 'mp3-with-cover', ...mp3, seconds: 3.03, tagIsrcs: [] },
  { name: 'mp3-22k-mono', ...mp3, sampleRate: 22050, channels: 1, seconds: 2.06, tagIsrcs: [] },
  { name: 'wav-16-stereo', extension: 'wav', container: 'wav', contentType: 'audio/wav', codec: 'pcm_s16le', sampleRate: 44100, channels: 2, seconds: 3, tagIsrcs: [] },
  { name: 'wav-24-mono', extension: 'wav', container: 'wav', contentType: 'audio/wav', codec: 'pcm_s24le', sampleRate: 48000, channels: 1, seconds: 2, tagIsrcs: [] },
  // Its RIFF INFO ISRC chunk means "source": never an ISRC.
  { name: 'wav-riff-info-isrc', extension: 'wav', container: 'wav', contentType: 'audio/wav', codec: 'pcm_s16le', sampleRate: 44100, channels: 2, seconds: 3, tagIsrcs: [] },
  { name: 'm4a-itunes-isrc', extension: 'mp4', container: 'mp4', contentType: 'audio/mp4', codec: 'aac', sampleRate: 44100, channels: 2, seconds: 3, tagIsrcs: [itunes] },
  { name: 'mp4-music-video', extension: 'mp4', container: 'mp4', contentType: 'video/mp4', codec: 'aac', sampleRate: 44100, channels: 2, seconds: 2, tagIsrcs: [] },
];

const REFUSED: { name: FixtureName; extension: AudioContainer; reason: AudioRefusal }[] = [
  { name: 'mp2-as-mp3', extension: 'mp3', reason: 'mpeg-layer-2' },
  { name: 'mp3-vbr-truncated', extension: 'mp3', reason: 'duration-not-backed' },
  { name: 'm4a-truncated', extension: 'mp4', reason: 'duration-not-backed' },
  { name: 'mp4-ftyp-only', extension: 'mp4', reason: 'no-audio-stream' },
  { name: 'mp4-video-only', extension: 'mp4', reason: 'no-audio-stream' },
  { name: 'wav-without-fmt', extension: 'wav', reason: 'wav-without-fmt' },
  { name: 'hls-as-mp3', extension: 'mp3', reason: 'playlist' },
  { name: 'elf-as-mp3', extension: 'mp3', reason: 'not-audio' },
  { name: 'script-as-mp3', extension: 'mp3', reason: 'not-audio' },
  { name: 'text-as-mp3', extension: 'mp3', reason: 'not-audio' },
  { name: 'wav-as-mp3', extension: 'mp3', reason: 'extension-mismatch' },
  { name: 'm4a-as-mp3', extension: 'mp3', reason: 'extension-mismatch' },
  { name: 'empty', extension: 'mp3', reason: 'empty' },
];

/** Uploads are staged under a server-made name without the user's extension: probe such a copy too. */
async function stagedCopy(name: FixtureName): Promise<string> {
  const to = join(staging, `${name}.upload`);
  await copyFile(media.path(name), to);
  return to;
}

describe(probeAudio.name, () => {
  it.each(ACCEPTED)('accepts $name as $container ($codec)', async (want) => {
    for (const path of [media.path(want.name), await stagedCopy(want.name)]) {
      const result = await probeAudio(path, want.extension);
      if (!result.ok) {
        throw new Error(`${want.name} refused: ${result.reason} (${result.detail})`);
      }
      const { analysis } = result;
      expect(analysis).toMatchObject({ container: want.container, contentType: want.contentType, tagIsrcs: want.tagIsrcs });
      expect(analysis.technical).toMatchObject({ codec: want.codec, sampleRate: want.sampleRate, channels: want.channels });
      expect(Math.abs(analysis.technical.durationMs / 1000 - want.seconds)).toBeLessThanOrEqual(0.1);
      expect(analysis.technical.bitRate).toBeGreaterThan(0);
    }
  });

  it.each(REFUSED)('refuses $name: $reason', async ({ name, extension, reason }) => {
    for (const path of [media.path(name), await stagedCopy(name)]) {
      const result = await probeAudio(path, extension);
      expect(result).toMatchObject({ ok: false, reason });
      expect(result.ok ? '' : result.detail).not.toBe('');
    }
  });

  it('refuses an mp4 or a wav named after another container, and accepts it under its own', async () => {
    expect(await probeAudio(media.path('wav-16-stereo'), 'mp4')).toMatchObject({ ok: false, reason: 'extension-mismatch' });
    expect(await probeAudio(media.path('mp3-cbr'), 'wav')).toMatchObject({ ok: false, reason: 'extension-mismatch' });
    expect(await probeAudio(media.path('m4a-as-mp3'), 'mp4')).toMatchObject({ ok: true, analysis: { container: 'mp4' } });
    expect(await probeAudio(media.path('wav-as-mp3'), 'wav')).toMatchObject({ ok: true, analysis: { container: 'wav' } });
  });

  it('has ffprobe itself refuse a playlist (format whitelist), also one hidden behind a junk byte', async () => {
    expect(await runFfprobe(media.path('hls-as-mp3'))).toMatchObject({ ok: false, failure: 'exit' });
    const sneaky = join(media.dir, 'sneaky.mp3');
    await writeFile(sneaky, '\u0001#EXTM3U\n#EXTINF:3.0,\nsegment0.mp3\n#EXT-X-ENDLIST\n');
    expect(await probeAudio(sneaky, 'mp3')).toMatchObject({ ok: false, reason: 'not-audio' });
  });

  it('throws (a server fault, not a refusal) when the file does not exist', async () => {
    await expect(probeAudio(join(staging, 'missing.upload'), 'mp3')).rejects.toThrow();
  });
});

/** The frames of an MP3 without tags, one Buffer each. */
function framesOf(mp3: Buffer): Buffer[] {
  const frames: Buffer[] = [];
  for (let at = 0, frame = layer3Frame(mp3, 0); frame !== undefined; at += frame.length, frame = layer3Frame(mp3, at)) {
    frames.push(mp3.subarray(at, at + frame.length));
  }
  if (frames.length < 100) {
    throw new Error(`framesOf: only ${frames.length} frames`);
  }
  return frames;
}

/** Pseudo-random bytes (xorshift32), the same on every run: no chance sync decides a test. */
function noise(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 0x9e3779b9;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

// ffprobe gives up behind two ID3v2 tags and only guesses MPEG audio (score below 25); the file is
// read again as MP3 only when its frames fill it from the tags to the end (mp3-frame-chain.ts).
describe(`${probeAudio.name}: MPEG audio ffprobe only guessed`, () => {
  const isrcTag = id3v2Tag(3, [{ id: 'TSRC', text: 'TWA012600001' }]);
  const twoTags = Buffer.concat([isrcTag, id3v2Tag(4, [{ id: 'TXXX', description: 'note', text: 'x' }])]);
  const html = Buffer.from('<html><script>alert(1)</script>'.repeat(5000));

  async function probed(name: string, bytes: Buffer): Promise<{ score: number | null; result: Awaited<ReturnType<typeof probeAudio>> }> {
    const path = join(staging, name);
    await writeFile(path, bytes);
    const run = await runFfprobe(path);
    return { score: run.ok ? run.output.format.probeScore : null, result: await probeAudio(path, 'mp3') };
  }

  it('accepts an MP3 behind two ID3v2 tags, the second with 60 KB of cover art', async () => {
    const cbr = await readFile(media.path('mp3-cbr'));
    const cover = id3v2Tag(4, [{ id: 'TXXX', description: 'cover', text: noise(60_000).toString('latin1') }]);
    const { score, result } = await probed('two-tags-cover.mp3', Buffer.concat([isrcTag, cover, cbr]));
    expect(score).toBeLessThan(25);
    expect(result).toMatchObject({ ok: true, analysis: { container: 'mp3', contentType: 'audio/mpeg', tagIsrcs: ['TWA012600001'] } });
    expect(result.ok ? result.analysis.technical.durationMs : 0).toBe(3030);
  });

  it.each([
    ['a web page after two real frames', 2, html],
    ['200 KB of random bytes after two real frames', 2, noise(200_000)],
    ['two real frames and nothing else', 2, Buffer.alloc(0)],
    ['a web page after twenty real frames', 20, html],
  ])('refuses %s behind two ID3v2 tags as not audio', async (_, count, junk) => {
    const frames = framesOf(await readFile(media.path('mp3-cbr'))).slice(1, 1 + count);
    const { score, result } = await probed(`polyglot-${count}-${junk.length}.mp3`, Buffer.concat([twoTags, ...frames, junk]));
    expect(score).toBe(1);
    expect(result).toEqual({ ok: false, reason: 'not-audio', detail: 'ffprobe only guessed mp3 (score 1)' });
  });
});
