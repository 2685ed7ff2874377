/**
 * Image and PDF files as other producers' tools (and hostile clients) make them, built at test
 * time: sharp for most images, ffmpeg for APNG, animated GIF and BMP, and hand-written bytes for
 * the headers that lie (a PNG declaring 100,000 × 100,000 pixels over a few bytes of data).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { pdfDocument } from './change-requests-fixtures.js';

const run = promisify(execFile);

/** A small test card (so each producer file has real content), as a sharp pipeline. */
const card = (width = 160, height = 120) => sharp({ create: { width, height, channels: 3, background: '#2a6f97', noise: { type: 'gaussian', mean: 120, sigma: 30 } } } as sharp.SharpOptions);

/** ffmpeg's test pattern, 160×120, written with the given output options. */
async function ffmpeg(ext: string, args: string[]): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'isrc-img-'));
  try {
    const out = path.join(dir, `out.${ext}`);
    await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x120:duration=0.4:rate=10', ...args, out]);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG whose IHDR declares `width` × `height` RGB pixels over 1 KB of zeros. */
export function lyingPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1024))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG with `count` APP2 ICC_PROFILE segments of 64 KB filler after SOI (a huge, bogus profile). */
async function jpegWithHugeIcc(count: number): Promise<Buffer> {
  const jpeg = await card().jpeg().toBuffer();
  const payload = Buffer.alloc(65_000, 0x20);
  const segments = Array.from({ length: count }, (_, i) => {
    const head = Buffer.alloc(4 + 14);
    head.writeUInt16BE(0xffe2, 0);
    head.writeUInt16BE(2 + 14 + payload.length, 2);
    head.write('ICC_PROFILE\0', 4, 'latin1');
    head[16] = i + 1;
    head[17] = count;
    return Buffer.concat([head, payload]);
  });
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

/** Single-colour images with far more pixels than the limit, still only a few MB (or KB) on disk. */
export const pixelBombs = {
  /** 30000 × 30000 = 900 megapixels: 2.7 GB once decoded, 2.7 MB as a PNG. */
  png: () =>
    sharp({ create: { width: 30000, height: 30000, channels: 3, background: '#000000' }, limitInputPixels: false })
      .png({ compressionLevel: 9 })
      .toBuffer(),
  /** IHDR says 100000 × 100000, the data is 1 KB. */
  lyingPng: () => Promise.resolve(lyingPng(100_000, 100_000)),
};

/** Files that must be accepted as covers: [label, name, bytes, content type, width, height shown]. */
export async function goodCovers(): Promise<Array<[string, string, Buffer, string, number, number]>> {
  const png = card().png();
  return [
    ['baseline JPEG', 'front.jpg', await card().jpeg({ quality: 90 }).toBuffer(), 'image/jpeg', 160, 120],
    ['progressive JPEG', 'front.jpg', await card().jpeg({ progressive: true }).toBuffer(), 'image/jpeg', 160, 120],
    ['CMYK JPEG (print house)', 'cmyk.jpg', await card().toColourspace('cmyk').jpeg().toBuffer(), 'image/jpeg', 160, 120],
    ['JPEG with EXIF orientation 6 (phone)', 'IMG_0001.JPG', await card().jpeg().withMetadata({ orientation: 6 }).toBuffer(), 'image/jpeg', 120, 160],
    ['JPEG with a 3.9 MB ICC profile', 'icc.jpg', await jpegWithHugeIcc(60), 'image/jpeg', 160, 120],
    ['16-bit PNG', 'deep.png', await card().toColourspace('rgb16').png().toBuffer(), 'image/png', 160, 120],
    ['PNG with alpha', 'alpha.png', await card().ensureAlpha(0.5).png().toBuffer(), 'image/png', 160, 120],
    ['palette PNG', 'palette.png', await png.clone().png({ palette: true }).toBuffer(), 'image/png', 160, 120],
    ['interlaced PNG', 'adam7.png', await card().png({ progressive: true }).toBuffer(), 'image/png', 160, 120],
    ['APNG (first frame)', 'anim.png', await ffmpeg('apng', ['-plays', '0', '-f', 'apng']), 'image/png', 160, 120],
    ['animated GIF (ffmpeg)', 'anim.gif', await ffmpeg('gif', []), 'image/gif', 160, 120],
    ['GIF87a', 'old.gif', await gif87a(), 'image/gif', 160, 120],
  ];
}

async function gif87a(): Promise<Buffer> {
  const gif = Buffer.from(await card().gif().toBuffer());
  gif.write('GIF87a', 0, 'latin1');
  return gif;
}

export const SVG_WITH_SCRIPT = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(document.cookie)</script></svg>\n');
export const HTML_PAGE = Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/v1/me")</script></body></html>\n');

/** Files that are no JPG/PNG/GIF whatever their name: [label, name, bytes]. */
export async function renamedFiles(): Promise<Array<[string, string, Buffer]>> {
  const files: Array<[string, string, Buffer]> = [
    ['WebP named .jpg', 'cover.jpg', await card().webp().toBuffer()],
    ['AVIF named .png', 'cover.png', await card().avif().toBuffer()],
    ['BMP named .jpg', 'cover.jpg', await ffmpeg('bmp', ['-frames:v', '1'])],
    ['TIFF named .png', 'cover.png', await card().tiff().toBuffer()],
    ['SVG with a script named .png', 'cover.png', SVG_WITH_SCRIPT],
    ['SVG with a script named .svg', 'cover.svg', SVG_WITH_SCRIPT],
    ['HTML named .jpg', 'cover.jpg', HTML_PAGE],
    ['HTML named .png', 'cover.png', HTML_PAGE],
  ];
  return files;
}

export async function truncatedImages(): Promise<Array<[string, string, Buffer]>> {
  const jpeg = await card(600, 600).jpeg().toBuffer();
  const png = await card(600, 600).png().toBuffer();
  return [
    ['a JPEG cut in half', 'cut.jpg', jpeg.subarray(0, jpeg.length >> 1)],
    ['a PNG cut in half', 'cut.png', png.subarray(0, png.length >> 1)],
    ['a PNG that declares 7000 × 7000 over 1 KB of data', 'liar.png', lyingPng(7000, 7000)],
  ];
}

/** A one-page PDF with an OpenAction script (what a "smart form" export writes). */
export function pdfWithScript(): Buffer {
  const plain = pdfDocument().toString('latin1');
  return Buffer.from(plain.replace('<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>'), 'latin1');
}

/** HTML saved with a .pdf name, and a polyglot that starts like a PDF but is a page and never ends like one. */
export const HTML_AS_PDF = Buffer.from('<html><body><form action="https://evil.example/">請填寫</form></body></html>\n');
export const PDF_HTML_POLYGLOT = Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n');
