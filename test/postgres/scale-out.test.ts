/**
 * Two app instances behind nginx (deploy/nginx/isrc-registry-proxy.conf) on one PostgreSQL and one
 * shared storage and staging folder: a registrant's whole flow with its requests spread over both —
 * logged in through one, album created through the other, a tus upload started on one and resumed
 * through the other, a multipart upload streamed through nginx, submitted through one, approved by
 * an officer through the other — ends exactly as the same flow through a single instance.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, withDatabase } from '../helpers/db.js';
import { startNginx, type NginxProcess } from './nginx-process.js';
import { freePort, startServer, stopServer, waitHealthy, type ServerProcess } from './server-process.js';

const BASE_URL = process.env.DATABASE_URL;
if (BASE_URL === undefined || !/^postgres(ql)?:\/\//.test(BASE_URL)) {
  throw new Error('test/postgres needs a PostgreSQL server: set DATABASE_URL=postgres://user@host:port/db (these tests never run on PGlite).');
}

const ADMIN_PASSWORD = 'two-instance-officer-pass-26';
const dbName = `isrc_so_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-scale-out-'));
let a: ServerProcess;
let b: ServerProcess;
let nginx: NginxProcess;
let wav: Buffer;

type Where = 'a' | 'b' | 'nginx';
const STEPS = ['admin', 'login', 'create', 'fill', 'tracks', 'tusStart', 'tusResume', 'multipart', 'submit', 'approve', 'read'] as const;
type Step = (typeof STEPS)[number];
type Route = Record<Step, Where>;

const baseOf = (where: Where) => (where === 'a' ? a.baseUrl : where === 'b' ? b.baseUrl : nginx.baseUrl);

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function call(where: Where, cookie: string, method: string, url: string, init: { json?: unknown; headers?: Record<string, string>; body?: Buffer | FormData } = {}): Promise<Answer> {
  const headers: Record<string, string> = { cookie, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers };
  const body = init.json === undefined ? init.body : JSON.stringify(init.json);
  const res = await fetch(`${baseOf(where)}${url.startsWith('/api/') ? url : `/api/v1${url}`}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, body: type.includes('json') && text !== '' ? (JSON.parse(text) as unknown) : text };
}

async function ok<T>(answer: Promise<Answer>, status = 200): Promise<T> {
  const r = await answer;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body as T;
}

async function login(where: Where, loginName: string, password: string): Promise<string> {
  const res = await fetch(`${baseOf(where)}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ loginName, password }) });
  expect(res.status, await res.clone().text()).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const tusMeta = (values: Record<string, string>) =>
  Object.entries(values)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');

interface AlbumJson {
  id: string;
  status: string;
  title: string;
  tracks: { id: string; position: number; recording: { title: string; isrc: string | null }; audio: { sha256: string; size: number; container: string } | null }[];
}

/** A company reports a digital album with two tracks and their audio, submits it, and an officer approves it. */
async function reportAlbum(route: Route, label: string): Promise<AlbumJson> {
  const admin = await login(route.admin, 'admin', ADMIN_PASSWORD);
  const registrant = await ok<{ id: string }>(call(route.admin, admin, 'POST', '/registrants', { json: { kind: 'company', name: `${label}唱片`, contactPerson: '王小明' } }), 201);
  await ok(call(route.admin, admin, 'POST', `/registrants/${registrant.id}/codes`, { json: {} }), 201);
  const loginName = `${label}.member`;
  await ok(call(route.admin, admin, 'POST', `/registrants/${registrant.id}/users`, { json: { loginName, password: 'member-secret-phrase-77', displayName: '王小明' } }), 201);

  const member = await login(route.login, loginName, 'member-secret-phrase-77');
  const album = await ok<AlbumJson>(call(route.create, member, 'POST', '/albums', { json: { releaseType: 'digital' } }), 201);
  const credits = [{ role: 'performer', names: ['分流樂團'] }];
  await ok(
    call(route.fill, member, 'PATCH', `/albums/${album.id}`, {
      json: { title: '兩台主機', credits, publisher: '測試唱片', releaseDate: '2026.05.01', productionCompany: '測試製作', albumType: 'single' },
    }),
  );
  for (const title of ['第一首', '第二首']) {
    const recording = { title, credits, productionCompany: '測試製作', duration: '0:00:03' };
    await ok(call(route.tracks, member, 'POST', `/albums/${album.id}/tracks`, { json: { isrc: { mode: 'next' }, recording } }), 201);
  }
  const [first, second] = (await ok<AlbumJson>(call(route.read, member, 'GET', `/albums/${album.id}`))).tracks;

  // tus: created and half sent through one instance, the offset asked and the rest sent through the other.
  const tus = { 'tus-resumable': '1.0.0' };
  const created = await call(route.tusStart, member, 'POST', '/api/v1/uploads', {
    headers: { ...tus, 'upload-length': String(wav.length), 'upload-metadata': tusMeta({ albumId: album.id, trackId: first!.id, filename: 'first.wav' }) },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const location = created.headers.get('location') ?? '';
  const half = Math.floor(wav.length / 2);
  const patch = { ...tus, 'content-type': 'application/offset+octet-stream' };
  expect((await call(route.tusStart, member, 'PATCH', location, { headers: { ...patch, 'upload-offset': '0' }, body: wav.subarray(0, half) })).status).toBe(204);
  const head = await call(route.tusResume, member, 'HEAD', location, { headers: tus });
  expect(head.headers.get('upload-offset')).toBe(String(half));
  const done = await call(route.tusResume, member, 'PATCH', location, { headers: { ...patch, 'upload-offset': String(half) }, body: wav.subarray(half) });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  expect(done.body).toMatchObject({ status: 'stored', trackId: first!.id });

  const form = new FormData();
  form.append('file', new Blob([wav], { type: 'audio/wav' }), 'second.wav');
  await ok(call(route.multipart, member, 'PUT', `/albums/${album.id}/tracks/${second!.id}/audio`, { body: form }));

  await ok(call(route.submit, member, 'POST', `/albums/${album.id}/submit`));
  const officer = await login(route.approve, 'admin', ADMIN_PASSWORD);
  await ok(call(route.approve, officer, 'POST', `/albums/${album.id}/approve`));
  return ok<AlbumJson>(call(route.read, member, 'GET', `/albums/${album.id}`));
}

/** What must not depend on which instance served which request. */
function outcome(album: AlbumJson) {
  return {
    status: album.status,
    title: album.title,
    tracks: album.tracks.map((t) => ({
      position: t.position,
      title: t.recording.title,
      designation: t.recording.isrc?.slice(5),
      audio: t.audio && { sha256: t.audio.sha256, size: t.audio.size, container: t.audio.container },
    })),
  };
}

beforeAll(async () => {
  await adminQuery(BASE_URL, `create database ${dbName}`);
  await promisify(execFile)('sox', ['-n', '-r', '44100', '-c', '2', '-b', '16', path.join(dataDir, 'tone.wav'), 'synth', '3', 'sine', '440']);
  wav = fs.readFileSync(path.join(dataDir, 'tone.wav'));
  const [pa, pb, pn] = await Promise.all([freePort(), freePort(), freePort()]);
  // One database, one storage folder and one staging folder (tus state included) for both.
  const shared = { DATABASE_URL: withDatabase(BASE_URL, dbName), DATA_DIR: dataDir, ISRC_ADMIN_PASSWORD: ADMIN_PASSWORD, TRUST_PROXY: '127.0.0.1' };
  a = startServer({ ...shared, PORT: String(pa) });
  await waitHealthy(a, 150_000); // a migrates first; b then starts on a migrated database
  b = startServer({ ...shared, PORT: String(pb) });
  await waitHealthy(b, 150_000);
  nginx = await startNginx(pn, [`127.0.0.1:${pa}`, `127.0.0.1:${pb}`]);
}, 330_000);

afterAll(async () => {
  await nginx?.stop();
  await Promise.all([a, b].filter((s) => s !== undefined).map((s) => stopServer(s)));
  await adminQuery(BASE_URL, `drop database if exists ${dbName} with (force)`);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('two instances behind nginx', () => {
  it('serve one registrant flow spread over both exactly as one instance serves it', async () => {
    const single = Object.fromEntries(STEPS.map((s) => [s, 'a'])) as Route;
    const spread: Route = {
      admin: 'nginx',
      login: 'a',
      create: 'b',
      fill: 'nginx',
      tracks: 'nginx',
      tusStart: 'a',
      tusResume: 'b',
      multipart: 'nginx',
      submit: 'b',
      approve: 'a',
      read: 'nginx',
    };
    const alone = await reportAlbum(single, 'single');
    const both = await reportAlbum(spread, 'spread');
    expect(outcome(both)).toEqual(outcome(alone));
    const sha = createHash('sha256').update(wav).digest('hex');
    expect(outcome(both)).toMatchObject({
      status: 'approved',
      tracks: [
        { designation: '2600001', audio: { sha256: sha } },
        { designation: '2600002', audio: { sha256: sha } },
      ],
    });
  });
});
