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

// A page, a document or an archive joined to real audio, in front or behind: ffprobe skips junk in
// front of MP3 frames (sure of MP3 once 200 frames follow it), reads an archive after them as more
// frames, and ignores what follows a WAV's chunks or an mp4's boxes.
describe(`${probeAudio.name}: another file joined to the audio`, () => {
  const page = Buffer.from('<html><body><script>alert(document.domain)</script></body></html>', 'latin1');
  const zip = Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000', 'latin1'), noise(300_000), Buffer.from('PK\u0005\u0006', 'latin1'), Buffer.alloc(18)]);

  const refusal = (result: Awaited<ReturnType<typeof probeAudio>>): string => (result.ok ? 'accepted' : `${result.reason}: ${result.detail}`);

  async function probedAs(name: string, extension: AudioContainer, ...parts: Buffer[]): Promise<{ score: number | null; result: Awaited<ReturnType<typeof probeAudio>> }> {
    const path = join(staging, name);
    await writeFile(path, Buffer.concat(parts));
    const run = await runFfprobe(path);
    return { score: run.ok ? run.output.format.probeScore : null, result: await probeAudio(path, extension) };
  }

  it('refuses a page or a PDF header in front of an MP3, also a long one ffprobe is sure of', async () => {
    const cbr = await readFile(media.path('mp3-cbr'));
    const long = framesOf(cbr).slice(1);
    const html = await probedAs('html-first.mp3', 'mp3', page, noise(100), cbr);
    expect(refusal(html.result)).toMatch(/^extra-data: .*like another file \("<HTML"\)$/u);
    const sure = await probedAs('html-first-long.mp3', 'mp3', page, noise(1000), ...long, ...long, ...long);
    expect(sure.score).toBe(50);
    expect(sure.result).toMatchObject({ ok: false, reason: 'extra-data' });
    const pdf = await probedAs('pdf-first.mp3', 'mp3', Buffer.from('%PDF-1.4\n', 'latin1'), noise(500), cbr);
    expect(pdf.result).toMatchObject({ ok: false, reason: 'extra-data' });
    const tagged = await probedAs('tag-page.mp3', 'mp3', id3v2Tag(3, [{ id: 'TSRC', text: 'TWA012600001' }]), page, cbr);
    expect(tagged.result).toMatchObject({ ok: false, reason: 'extra-data' });
    const random = await probedAs('random-first.mp3', 'mp3', noise(8000), ...long, ...long, ...long);
    expect(refusal(random.result)).toMatch(/^extra-data: no run of frames within 1441 bytes/u);
  });

  it('refuses an archive or a page after an MP3 (ffprobe counts chance syncs in them as more frames)', async () => {
    const cbr = await readFile(media.path('mp3-cbr'));
    const zipped = await probedAs('zip-last.mp3', 'mp3', cbr, zip);
    expect(zipped.result).toEqual({ ok: false, reason: 'extra-data', detail: `${zip.length} bytes after the last frame (offset ${cbr.length}) are not audio` });
    const paged = await probedAs('page-last.mp3', 'mp3', cbr, page);
    expect(paged.result).toMatchObject({ ok: false, reason: 'extra-data' });
  });

  it('refuses an archive or a page after a WAV or an mp4', async () => {
    const wav = await readFile(media.path('wav-16-stereo'));
    expect(refusal((await probedAs('zip-last.wav', 'wav', wav, zip)).result)).toMatch(/^extra-data: \d+ bytes after the last chunk/u);
    expect((await probedAs('page-last.wav', 'wav', wav, page)).result).toMatchObject({ ok: false, reason: 'extra-data' });
    const m4a = await readFile(media.path('m4a-itunes-isrc'));
    expect(refusal((await probedAs('zip-last.mp4', 'mp4', m4a, zip)).result)).toMatch(/^extra-data: \d+ bytes after the last box/u);
    expect((await probedAs('page-last.mp4', 'mp4', m4a, page)).result).toMatchObject({ ok: false, reason: 'extra-data' });
  });

  it('still accepts the rest of a frame cut off in front, and zero padding after a WAV or an mp4', async () => {
    const cbr = await readFile(media.path('mp3-cbr'));
    expect(refusal((await probedAs('partial-first.mp3', 'mp3', framesOf(cbr)[5]?.subarray(100) ?? Buffer.alloc(0), cbr)).result)).toBe('accepted');
    expect((await probedAs('zeros-last.wav', 'wav', await readFile(media.path('wav-16-stereo')), Buffer.alloc(2000))).result).toMatchObject({ ok: true });
    expect((await probedAs('zeros-last.mp4', 'mp4', await readFile(media.path('m4a-itunes-isrc')), Buffer.alloc(2000))).result).toMatchObject({ ok: true });
  });
});
