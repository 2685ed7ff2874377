/**
 * Album cover tests: an app with file storage and staging in fresh temporary folders, real images
 * made with sharp, multipart bodies, and what the database and the folders hold afterwards.
 */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { API, type Client } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { useTestApp, type TestEnv } from '../helpers/setup.js';

export type CoverTestEnv = TestEnv;

/** `useTestApp`: file storage and staging in fresh temporary folders. */
export function useCoverApp(): CoverTestEnv {
  return useTestApp();
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A solid image with a white square, so a thumbnail has something to show. */
export async function image(format: 'jpeg' | 'png' | 'gif', width: number, height: number, colour = '#3366cc'): Promise<Buffer> {
  const square = await sharp({ create: { width: Math.ceil(width / 2), height: Math.ceil(height / 2), channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();
  const base = sharp({ create: { width, height, channels: 3, background: colour } }).composite([{ input: square, gravity: 'centre' }]);
  return format === 'jpeg' ? base.jpeg({ quality: 85 }).toBuffer() : format === 'png' ? base.png().toBuffer() : base.gif().toBuffer();
}

/** A two-frame animated GIF: red, then blue. */
export async function animatedGif(width: number, height: number): Promise<Buffer> {
  const frame = (background: string) =>
    sharp({ create: { width, height, channels: 3, background } })
      .png()
      .toBuffer();
  return sharp([await frame('#ff0000'), await frame('#0000ff')], { join: { animated: true } })
    .gif({ delay: [300, 300], loop: 0 })
    .toBuffer();
}

/** A JPEG stored landscape with EXIF orientation 6: shown (and measured) portrait. */
export async function rotatedJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 200, channels: 3, background: '#888888' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A multipart/form-data body with one file part. */
export function multipart(fileName: string, content: Buffer, contentType = 'application/octet-stream', field = 'file'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----cover${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`, 'utf8');
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function putCover(env: TestEnv, api: Client, albumId: string, fileName: string, content: Buffer, lang = 'zh-TW') {
  const { payload, headers } = multipart(fileName, content);
  return env.app.inject({ method: 'PUT', url: `${API}/albums/${albumId}/cover`, payload, headers: { ...headers, cookie: api.cookie, 'accept-language': lang } });
}

export function getImage(env: TestEnv, api: Client, url: string, headers: Record<string, string> = {}) {
  return env.app.inject({ method: 'GET', url, headers: { cookie: api.cookie, ...headers } });
}

/** What an upload may leave behind: stored_objects rows, files under storage, files in staging. */
export async function leftovers(env: CoverTestEnv): Promise<{ objects: string[]; files: string[]; staged: string[] }> {
  const rows = await queryRows(env.handle, sql`select sha256 from stored_objects order by sha256`);
  const entries = await readdir(env.filesDir, { recursive: true, withFileTypes: true });
  return {
    objects: rows.map((r) => String(r.sha256)),
    files: entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(env.filesDir, path.join(e.parentPath, e.name)))
      .sort(),
    staged: await readdir(env.stagingDir),
  };
}
