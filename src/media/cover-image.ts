import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { CoverType } from '../shared/enums.js';
import { COVER_THUMBNAIL_WIDTH } from './covers.schemas.js';

/**
 * Reads a staged cover image with sharp (libvips): its dimensions, and a thumbnail for lists and
 * the album header. Decoding the whole image to make the thumbnail is also the check that the file
 * is a sound image: a cut or damaged file fails here (`failOn: 'error'`, and for a JPEG the libjpeg
 * warnings that mean lost picture data), not in a browser later.
 */

/** Images with more pixels are refused before they are decoded (a small file can expand enormously). */
export const MAX_COVER_PIXELS = 50_000_000;

/** The thumbnail keeps transparency (PNG, GIF) and is small: WebP. */
export const THUMBNAIL_TYPE = 'image/webp';

const SHARP_FORMAT: Readonly<Record<CoverType, string>> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/gif': 'gif' };

export type CoverImageProblem = { kind: 'unreadable' } | { kind: 'too-many-pixels'; width: number; height: number };

export class CoverImageError extends Error {
  constructor(readonly problem: CoverImageProblem) {
    super(`cover image refused: ${problem.kind}`);
    this.name = 'CoverImageError';
  }
}

export interface CoverImage {
  /** As displayed: EXIF orientation applied. */
  width: number;
  height: number;
  thumbnail: Buffer;
}

const unreadable = () => new CoverImageError({ kind: 'unreadable' });

/**
 * How many images are decoded at once. Under the pixel limit a decode still takes up to ~250 MB
 * (a 7000×7000 GIF is decoded whole); parallel hostile uploads would multiply that, so further
 * decodes wait for a slot and the server's memory stays bounded whatever the number of clients.
 */
const DECODE_SLOTS = 2;
let decoding = 0;
const waiting: Array<() => void> = [];

export async function withDecodeSlot<T>(work: () => Promise<T>): Promise<T> {
  if (decoding >= DECODE_SLOTS) {
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    decoding += 1;
  }
  try {
    return await work();
  } finally {
    // The slot passes straight to the next waiter (the count stays), or is given back.
    const next = waiting.shift();
    if (next === undefined) {
      decoding -= 1;
    } else {
      next();
    }
  }
}

/**
 * Dimensions and thumbnail of the image in `file`, whose type `type` was decided from its first
 * bytes; the decoder must agree. An animated GIF gives its first frame. Throws `CoverImageError`.
 */
export async function readCoverImage(file: string, type: CoverType): Promise<CoverImage> {
  // At most 5 MB: read once into memory, so libvips keeps no handle on the staged file.
  const bytes = await readFile(file);
  return withDecodeSlot(() => decodeCover(bytes, type));
}

/**
 * libjpeg warnings after which part of the picture is grey or garbled, yet only warnings: a JPEG
 * cut short and given an end marker (FF D9) decodes "fine" with its lower part grey, so
 * `failOn: 'error'` alone lets a half scan through.
 */
const JPEG_DAMAGE = /premature end|huffman|instead of RST|JPEG datastream contains no image/i;

function isJpegDamage(err: unknown): boolean {
  return err instanceof Error && JPEG_DAMAGE.test(err.message);
}

function makeThumbnail(bytes: Buffer, failOn: 'warning' | 'error'): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: MAX_COVER_PIXELS, failOn }).autoOrient().resize({ width: COVER_THUMBNAIL_WIDTH, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
}

async function decodeCover(bytes: Buffer, type: CoverType): Promise<CoverImage> {
  let meta: sharp.Metadata;
  try {
    // The header only; the pixel limit is checked here with a message of its own.
    meta = await sharp(bytes, { limitInputPixels: false, failOn: 'error' }).metadata();
  } catch {
    throw unreadable();
  }
  if (meta.format !== SHARP_FORMAT[type] || meta.width <= 0 || meta.height <= 0) {
    throw unreadable();
  }
  if (meta.width * meta.height > MAX_COVER_PIXELS) {
    throw new CoverImageError({ kind: 'too-many-pixels', width: meta.width, height: meta.height });
  }
  let thumbnail: Buffer;
  try {
    thumbnail = await makeThumbnail(bytes, type === 'image/jpeg' ? 'warning' : 'error');
  } catch (err) {
    if (type !== 'image/jpeg' || isJpegDamage(err)) {
      throw unreadable();
    }
    // A harmless libjpeg warning (stray bytes before a marker, as some cameras write): decode as before.
    try {
      thumbnail = await makeThumbnail(bytes, 'error');
    } catch {
      throw unreadable();
    }
  }
  const shown = meta.autoOrient;
  return { width: shown.width, height: shown.height, thumbnail };
}
