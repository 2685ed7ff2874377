import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { id3v2Tag } from '../../test/media/tag-bytes.js';
import { chainFillsAudio, MAX_FRAME_BYTES, mp3ExtraData, mp3FrameChain, type FrameChain } from './mp3-frame-chain.js';

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

describe(mp3ExtraData.name, () => {
  /** Binary bytes with no frame sync and no text run: the rest of a frame cut off at the start. */
  const binary = (length: number): Buffer => Buffer.from(Array.from({ length }, (_, i) => 0x80 + ((i * 37) % 0x7f)));
  const script = Buffer.from('<html><body><script>alert(document.domain)</script>', 'latin1');
  const zip = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), binary(3000), Buffer.from('PK\u0005\u0006', 'latin1'), Buffer.alloc(18)]);

  async function extraOf(name: string, ...parts: Buffer[]): Promise<string | undefined> {
    const path = join(dir, name);
    await writeFile(path, Buffer.concat(parts));
    return mp3ExtraData(path);
  }

  it('passes what real files hold: tags, zeros after them, a frame cut at either end, zero padding', async () => {
    expect(await extraOf('plain.mp3', tags, ...repeat(30, F128, F128_PADDED, F320))).toBeUndefined();
    expect(await extraOf('zeros-first.mp3', tags, Buffer.alloc(100_000), ...repeat(10))).toBeUndefined();
    expect(await extraOf('partial-first.mp3', F320.subarray(200), ...repeat(10))).toBeUndefined();
    expect(await extraOf('binary-first.mp3', binary(1000), ...repeat(10))).toBeUndefined();
    // LAME writes its name and fills a frame's unused bits with 0x55: text in the rest of a frame.
    expect(await extraOf('lame-first.mp3', binary(10), Buffer.from(`LAME3.100${'U'.repeat(300)}`, 'latin1'), binary(10), ...repeat(10))).toBeUndefined();
    expect(await extraOf('tag-like-first.mp3', Buffer.from('<Ax', 'latin1'), binary(100), ...repeat(10))).toBeUndefined();
    expect(await extraOf('cut-last.mp3', ...repeat(10), F128.subarray(0, 100))).toBeUndefined();
    expect(await extraOf('zeros-last.mp3', ...repeat(10), Buffer.alloc(300))).toBeUndefined();
  });

  it('passes files joined together: a tag between them, and another rate after it', async () => {
    const id3v1 = Buffer.concat([Buffer.from('TAG', 'latin1'), Buffer.alloc(125)]);
    expect(await extraOf('joined.mp3', tags, ...repeat(10), id3v1, tags, ...repeat(10, F128_48K), id3v1, ...repeat(5))).toBeUndefined();
    expect(await extraOf('rates.mp3', ...repeat(10), ...repeat(10, F128_48K))).toBeUndefined();
  });

  it('refuses a page, a document or a picture in front of the frames, however short', async () => {
    expect(await extraOf('html-first.mp3', script, binary(100), ...repeat(10))).toMatch(/^the 151 bytes in front of the first frame start like another file \("<HTML"\)$/u);
    expect(await extraOf('pdf-first.mp3', Buffer.from('%PDF-1.4\n', 'latin1'), binary(50), ...repeat(10))).toMatch(/like another file \("%PDF-"\)/u);
    const bomPage = Buffer.from('\uFEFF \r\n<!DOCTYPE html><p>x</p>', 'utf8');
    expect(await extraOf('bom-page-first.mp3', bomPage, binary(100), ...repeat(10))).toMatch(/like another file \("<!DOCTYPE HTML"\)/u);
    expect(await extraOf('svg-first.mp3', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>', 'latin1'), ...repeat(10))).toMatch(/\("<SVG"\)/u);
    expect(await extraOf('html-after-tags.mp3', tags, script, ...repeat(10))).toMatch(/like another file/u);
  });

  it('refuses more bytes in front of the frames than one frame cut off', async () => {
    expect(await extraOf('binary-long.mp3', binary(MAX_FRAME_BYTES + 2), ...repeat(10))).toMatch(/^no run of frames within 1441 bytes/u);
    expect(await extraOf('zip-first.mp3', zip, ...repeat(10))).toMatch(/^no run of frames/u);
  });

  it('refuses bytes after the last frame: an archive, a script, or a few frames before a page', async () => {
    expect(await extraOf('zip-last.mp3', tags, ...repeat(30), zip)).toBe(`${zip.length} bytes after the last frame (offset ${tags.length + 30 * 417}) are not audio`);
    expect(await extraOf('script-last.mp3', ...repeat(30), Buffer.from('<script>alert(1)</script>', 'latin1'))).toMatch(/^25 bytes after the last frame/u);
    expect(await extraOf('page-after-zeros.mp3', ...repeat(30), Buffer.alloc(100), script)).toMatch(/bytes after the last frame/u);
    expect(await extraOf('tags-only.mp3', tags)).toMatch(/^no run of frames/u);
    // An ID3v2 header claiming more than is left does not hide what follows it.
    const endless = Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0x7f, 0x7f, 0x7f, 0x7f]);
    expect(await extraOf('endless-tag-last.mp3', ...repeat(30), endless, zip)).toBe(`${endless.length + zip.length} bytes after the last frame (offset ${30 * 417}) are not audio`);
  });

  it('stops at the audio end it is given: the tags appended after it are no extra data', async () => {
    const path = join(dir, 'appended-tag.mp3');
    await writeFile(path, Buffer.concat([tags, ...repeat(10), Buffer.from('TAG', 'latin1'), Buffer.alloc(125)]));
    expect(await mp3ExtraData(path, tags.length + 4170)).toBeUndefined();
  });
});
