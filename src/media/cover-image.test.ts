import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoverImageError, readCoverImage, withDecodeSlot } from './cover-image.js';

describe('withDecodeSlot', () => {
  it('runs at most two decodes at once, hands every slot on (also after a failure), and runs them all', async () => {
    let running = 0;
    let most = 0;
    const release: Array<() => void> = [];
    const work = (fail: boolean) => () =>
      new Promise<number>((resolve, reject) => {
        running += 1;
        most = Math.max(most, running);
        release.push(() => {
          running -= 1;
          if (fail) {
            reject(new Error('damaged'));
          } else {
            resolve(running);
          }
        });
      });
    const all = Promise.allSettled([true, false, false, true, false, false].map((fail) => withDecodeSlot(work(fail))));
    // Let the queue settle, then finish whatever is running, until all six have run.
    for (let finished = 0; finished < 6; finished += 1) {
      await new Promise((r) => setImmediate(r));
      expect(running).toBeLessThanOrEqual(2);
      release.shift()?.();
    }
    const results = await all;
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    // The slots are free again: a new decode starts at once.
    expect(await withDecodeSlot(() => Promise.resolve('free'))).toBe('free');
  });
});

describe('readCoverImage: a JPEG or PNG missing its lower part', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'isrc-cover-image-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const SCANS = path.join(import.meta.dirname, '../../test/fixtures/scans');
  const card = () => sharp({ create: { width: 300, height: 400, channels: 3, background: '#2a6f97', noise: { type: 'gaussian', mean: 120, sigma: 30 } } } as sharp.SharpOptions);
  const EOI = Buffer.from([0xff, 0xd9]);
  const IEND = Buffer.from('0000000049454e44ae426082', 'hex');
  let n = 0;
  async function read(bytes: Buffer, type: 'image/jpeg' | 'image/png') {
    n += 1;
    const file = path.join(dir, `${n}`);
    await writeFile(file, bytes);
    return readCoverImage(file, type).then(
      (image) => ({ width: image.width, height: image.height }),
      (err: unknown) => (err instanceof CoverImageError ? err.problem.kind : err),
    );
  }

  it('refuses a JPEG cut in half with an end marker appended (baseline and progressive), and one cut without', async () => {
    for (const jpeg of [await card().jpeg().toBuffer(), await card().jpeg({ progressive: true }).toBuffer(), await readFile(path.join(SCANS, 'ffmpeg-frame.jpg'))]) {
      expect(await read(jpeg, 'image/jpeg')).toMatchObject({ width: expect.any(Number) as number });
      expect(await read(Buffer.concat([jpeg.subarray(0, jpeg.length >> 1), EOI]), 'image/jpeg')).toBe('unreadable');
      expect(await read(jpeg.subarray(0, jpeg.length >> 1), 'image/jpeg')).toBe('unreadable');
    }
  });

  it('refuses a PNG cut in half with an IEND chunk appended, at a chunk boundary or not', async () => {
    const png = await card().png().toBuffer();
    expect(await read(Buffer.concat([png.subarray(0, png.length >> 1), IEND]), 'image/png')).toBe('unreadable');
    // Between two IDAT chunks near the middle: every chunk is sound, the image data is short.
    let boundary = 8;
    for (let at = 8; at <= png.length >> 1; at += 12 + png.readUInt32BE(at)) {
      boundary = at;
    }
    expect(png.toString('latin1', boundary + 4, boundary + 8)).toBe('IDAT');
    expect(await read(Buffer.concat([png.subarray(0, boundary), IEND]), 'image/png')).toBe('unreadable');
  });

  it('takes what phones, scanners and tools write, a harmless libjpeg warning included', async () => {
    const jpeg = await card().jpeg().toBuffer();
    const fixture = (name: string) => readFile(path.join(SCANS, name));
    const files: Array<[Buffer, 'image/jpeg' | 'image/png', number, number]> = [
      [jpeg, 'image/jpeg', 300, 400],
      [await card().jpeg({ progressive: true }).toBuffer(), 'image/jpeg', 300, 400],
      [await card().toColourspace('cmyk').jpeg().toBuffer(), 'image/jpeg', 300, 400],
      [await card().jpeg().withMetadata({ orientation: 6 }).toBuffer(), 'image/jpeg', 400, 300],
      [await card().toColourspace('rgb16').png().toBuffer(), 'image/png', 300, 400],
      [await card().withIccProfile('p3').png().toBuffer(), 'image/png', 300, 400],
      [await fixture('ffmpeg-frame.jpg'), 'image/jpeg', 240, 320],
      [await fixture('imagemagick-progressive.jpg'), 'image/jpeg', 240, 320],
      [await fixture('imagemagick-cmyk.jpg'), 'image/jpeg', 240, 320],
      [await fixture('imagemagick-16bit.png'), 'image/png', 120, 160],
      // Two stray bytes before the end marker: libjpeg warns ("extraneous bytes"), the picture is whole.
      [Buffer.concat([jpeg.subarray(0, jpeg.length - 2), Buffer.from([0, 0]), EOI]), 'image/jpeg', 300, 400],
    ];
    for (const [bytes, type, width, height] of files) {
      expect(await read(bytes, type)).toEqual({ width, height });
    }
  });
});
