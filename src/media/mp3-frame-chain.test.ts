import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { id3v2Tag } from '../../test/media/tag-bytes.js';
import { chainFillsAudio, mp3FrameChain, type FrameChain } from './mp3-frame-chain.js';

// MPEG 1 Layer III, 44.1 kHz, stereo: 128 kbit/s is 417 bytes (418 padded), 320 kbit/s 1044 bytes.
const frame = (header: number[], length: number): Buffer => Buffer.concat([Buffer.from(header), Buffer.alloc(length - 4)]);
const F128 = frame([0xff, 0xfb, 0x90, 0x64], 417);
const F128_PADDED = frame([0xff, 0xfb, 0x92, 0x64], 418);
const F320 = frame([0xff, 0xfb, 0xe0, 0x64], 1044);
// The same bitrate at 48 kHz: another stream.
const F128_48K = frame([0xff, 0xfb, 0x94, 0x64], 384);
const tags = Buffer.concat([id3v2Tag(3, [{ id: 'TSRC', text: 'TWA012600001' }]), id3v2Tag(4, [{ id: 'TXXX', description: 'note', text: 'x' }])]);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mp3-frame-chain-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function chainOf(name: string, ...parts: Buffer[]): Promise<FrameChain> {
  const path = join(dir, name);
  await writeFile(path, Buffer.concat(parts));
  return mp3FrameChain(path);
}

const repeat = (count: number, ...frames: Buffer[]): Buffer[] => Array.from({ length: count }, (_, i) => frames[i % frames.length] ?? F128);

describe(mp3FrameChain.name, () => {
  it('walks the frames from the end of the ID3v2 tags to the end, through bitrate and padding changes', async () => {
    const frames = repeat(30, F128, F128_PADDED, F320);
    const bytes = frames.reduce((sum, f) => sum + f.length, 0);
    expect(await chainOf('vbr.mp3', tags, ...frames)).toEqual({ frames: 30, bytes, span: bytes });
  });

  it('counts a last frame cut short up to the end', async () => {
    expect(await chainOf('cut.mp3', tags, ...repeat(9), F128.subarray(0, 100))).toEqual({ frames: 10, bytes: 9 * 417 + 100, span: 9 * 417 + 100 });
  });

  it('stops at the first byte that is no frame, or a frame of another rate', async () => {
    const html = Buffer.from('<html><script>alert(1)</script>'.repeat(100));
    expect(await chainOf('html.mp3', tags, F128, F128, html)).toEqual({ frames: 2, bytes: 834, span: 834 + html.length });
    expect(await chainOf('rates.mp3', tags, ...repeat(10), ...repeat(10, F128_48K))).toEqual({ frames: 10, bytes: 4170, span: 4170 + 3840 });
    expect(await chainOf('junk-first.mp3', tags, Buffer.from([0]), ...repeat(10))).toEqual({ frames: 0, bytes: 0, span: 4171 });
    expect(await chainOf('tags-only.mp3', tags)).toEqual({ frames: 0, bytes: 0, span: 0 });
  });

  it('stops at the audio end it is given: the tags appended after it are no frames', async () => {
    const path = join(dir, 'appended.mp3');
    await writeFile(path, Buffer.concat([tags, ...repeat(10), Buffer.from('TAG'), Buffer.alloc(125)]));
    expect(await mp3FrameChain(path, tags.length + 4170)).toEqual({ frames: 10, bytes: 4170, span: 4170 });
    expect(await mp3FrameChain(path)).toEqual({ frames: 10, bytes: 4170, span: 4170 + 128 });
  });

  it('reads past its 256 KB window', async () => {
    expect(await chainOf('long.mp3', tags, ...repeat(700, F320))).toEqual({ frames: 700, bytes: 700 * 1044, span: 700 * 1044 });
  });
});

describe(chainFillsAudio.name, () => {
  it('needs 8 frames covering 95 % of the audio', () => {
    expect(chainFillsAudio({ frames: 8, bytes: 3336, span: 3336 })).toBe(true);
    expect(chainFillsAudio({ frames: 100, bytes: 95_000, span: 100_000 })).toBe(true);
    expect(chainFillsAudio({ frames: 100, bytes: 94_999, span: 100_000 })).toBe(false);
    expect(chainFillsAudio({ frames: 7, bytes: 2919, span: 2919 })).toBe(false);
    expect(chainFillsAudio({ frames: 2, bytes: 834, span: 834 })).toBe(false);
    expect(chainFillsAudio({ frames: 20, bytes: 8340, span: 163_340 })).toBe(false);
    expect(chainFillsAudio({ frames: 0, bytes: 0, span: 0 })).toBe(false);
  });
});
