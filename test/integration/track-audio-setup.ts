/**
 * Track audio tests: an app with file storage and staging in fresh temporary folders, real media
 * made with sox, lame and ffmpeg (test/media/make-media.ts), multipart bodies, a tus client on
 * inject(), and what the database and the folders hold afterwards.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { API, type Client, type Reply } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { useTestApp, type TestEnv } from '../helpers/setup.js';
import { makeMedia, type FixtureName, type MediaFixtures } from '../media/make-media.js';

export interface AudioTestEnv extends TestEnv {
  media: MediaFixtures;
  /** The bytes of a fixture. */
  bytes(name: FixtureName): Promise<Buffer>;
}

/** `useTestApp` (file storage and staging in temporary folders) plus real media made for the file. */
export function useAudioApp(): AudioTestEnv {
  const env = useTestApp() as AudioTestEnv;
  let mediaDir = '';
  beforeAll(async () => {
    mediaDir = await mkdtemp(path.join(tmpdir(), 'isrc-audio-media-'));
    env.media = await makeMedia(mediaDir);
    env.bytes = (name) => readFile(env.media.path(name));
  });
  afterAll(async () => {
    await rm(mediaDir, { recursive: true, force: true });
  });
  return env;
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A multipart body with one file part per entry. */
export function multipart(files: readonly { name: string; content: Buffer }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----isrc${Math.random().toString(16).slice(2)}`;
  const parts = files.flatMap(({ name, content }) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`, 'utf8'),
    content,
    Buffer.from('\r\n', 'utf8'),
  ]);
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`, 'utf8')]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function putAudio(env: TestEnv, api: Client, albumId: string, trackId: string, name: string, content: Buffer, lang = 'zh-TW'): Promise<Reply> {
  const { payload, headers } = multipart([{ name, content }]);
  return env.app.inject({ method: 'PUT', url: `${API}/albums/${albumId}/tracks/${trackId}/audio`, payload, headers: { ...headers, cookie: api.cookie, 'accept-language': lang } });
}

export function postBatch(env: TestEnv, api: Client, albumId: string, files: readonly { name: string; content: Buffer }[], lang = 'zh-TW'): Promise<Reply> {
  const { payload, headers } = multipart(files);
  return env.app.inject({ method: 'POST', url: `${API}/albums/${albumId}/audio/batch`, payload, headers: { ...headers, cookie: api.cookie, 'accept-language': lang } });
}

export function getAudio(env: TestEnv, api: Client, albumId: string, trackId: string, headers: Record<string, string> = {}): Promise<Reply> {
  return env.app.inject({ method: 'GET', url: `${API}/albums/${albumId}/tracks/${trackId}/audio`, headers: { ...headers, cookie: api.cookie } });
}

/** Files under a folder (temporary ones included), relative paths; none when it does not exist. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** What an upload left: stored objects (rows and files) and staged files. */
export async function leftovers(env: TestEnv): Promise<{ objects: string[]; files: string[]; staged: string[] }> {
  const rows = await queryRows(env.handle, sql`select sha256 from stored_objects order by sha256`);
  return { objects: rows.map((r) => String(r.sha256)), files: (await filesUnder(env.filesDir)).sort(), staged: (await filesUnder(env.stagingDir)).sort() };
}

/** The tus metadata header value: `key base64(value)` pairs. */
export function uploadMetadata(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');
}

/** One tus request (Tus-Resumable set) on behalf of `api`. */
export function tus(
  env: TestEnv,
  api: Client,
  method: 'POST' | 'HEAD' | 'PATCH' | 'DELETE' | 'OPTIONS',
  url: string,
  headers: Record<string, string> = {},
  payload?: Buffer,
): Promise<Reply> {
  return env.app.inject({
    method,
    url,
    headers: { 'tus-resumable': '1.0.0', cookie: api.cookie, ...(payload === undefined ? {} : { 'content-type': 'application/offset+octet-stream' }), ...headers },
    ...(payload === undefined ? {} : { payload }),
  });
}

/** A whole file by tus: created, then sent in 1 MB PATCHes; the last answer (200 with the upload's result). */
export async function tusInPieces(env: TestEnv, api: Client, metadata: Readonly<Record<string, string>>, bytes: Buffer): Promise<{ created: Reply; last: Reply }> {
  const created = await createUpload(env, api, bytes.length, metadata);
  const url = String(created.headers.location);
  let last = created;
  for (let at = 0; created.statusCode === 201 && at < bytes.length; at += 1024 * 1024) {
    last = await tus(env, api, 'PATCH', url, { 'upload-offset': String(at) }, bytes.subarray(at, at + 1024 * 1024));
  }
  return { created, last };
}

/** Creates a tus upload; the Location it answers. */
export async function createUpload(env: TestEnv, api: Client, length: number, metadata: Readonly<Record<string, string>>): Promise<Reply> {
  return tus(env, api, 'POST', `${API}/uploads`, { 'upload-length': String(length), 'upload-metadata': uploadMetadata(metadata) });
}
