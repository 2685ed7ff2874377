import path from 'node:path';
import { Readable } from 'node:stream';
import { Upload as TusUpload } from 'tus-js-client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import { MAX_AUDIO_BYTES, type AudioUploadResult } from '../../src/media/track-audio.schemas.js';
import { MAX_UNFINISHED_UPLOADS_PER_USER } from '../../src/media/tus-uploads.js';
import { addTrack, API, completeAlbumFields, completeRecording, createAlbum, getAlbum, memberSession, ok, staffSession, type Client, type MemberSession } from '../helpers/catalog.js';
import { createUpload, filesUnder, leftovers, sha256, tus, uploadMetadata, useAudioApp } from './track-audio-setup.js';

const env = useAudioApp();
let staff: Client;
let s: MemberSession;
let album: AlbumResponse;

beforeAll(async () => {
  staff = await staffSession(env);
  s = await memberSession(env);
  const created = await createAlbum(s.api, completeAlbumFields('續傳'));
  for (const title of ['一', '二', '三', '四']) {
    await addTrack(s.api, created.id, completeRecording(title, { duration: '0:00:03' }), { mode: 'next' });
  }
  album = await getAlbum(s.api, created.id);
});

const tusDir = () => path.join(env.stagingDir, 'tus');
const track = (i: number) => album.tracks[i]!;
const isrcOf = (i: number) => track(i).recording.isrc!;

function locationOf(res: Awaited<ReturnType<typeof tus>>): string {
  expect(res.statusCode, res.body).toBe(201);
  const location = res.headers.location;
  expect(location).toMatch(/^\/api\/v1\/uploads\/[0-9a-f]{32}$/);
  return String(location);
}

function offsetOf(res: Awaited<ReturnType<typeof tus>>): number {
  return Number(res.headers['upload-offset']);
}

describe('resumable uploads (tus)', () => {
  it('creates, takes the file in two pieces, tells the offset between, and stores it with the right hash', async () => {
    const bytes = await env.bytes('wav-16-stereo');
    const url = locationOf(await createUpload(env, s.api, bytes.length, { albumId: album.id, trackId: track(0).id, filename: '母帶 final.wav' }));
    const half = Math.floor(bytes.length / 2);
    const first = await tus(env, s.api, 'PATCH', url, { 'upload-offset': '0' }, bytes.subarray(0, half));
    expect(first.statusCode, first.body).toBe(204);
    expect(offsetOf(first)).toBe(half);
    const head = await tus(env, s.api, 'HEAD', url);
    expect(head.statusCode).toBe(200);
    expect(offsetOf(head)).toBe(half);
    expect(head.headers['upload-length']).toBe(String(bytes.length));

    const last = await tus(env, s.api, 'PATCH', url, { 'upload-offset': String(half) }, bytes.subarray(half));
    expect(last.statusCode, last.body).toBe(200);
    expect(last.headers['content-type']).toMatch(/^application\/json/);
    expect(last.json<AudioUploadResult>()).toEqual({ fileName: '母帶 final.wav', status: 'stored', trackId: track(0).id, isrc: isrcOf(0), warnings: [] });
    const audio = (await getAlbum(s.api, album.id)).tracks[0]?.audio;
    expect(audio).toMatchObject({ fileName: '母帶 final.wav', container: 'wav', size: bytes.length, sha256: sha256(bytes) });
    // Gone from the tus store: a client asking again starts afresh.
    expect((await tus(env, s.api, 'HEAD', url)).statusCode).toBe(404);
    expect(await filesUnder(tusDir())).toEqual([]);
  });

  it('resumes after a connection broken mid-way: HEAD says where, the rest completes with the right hash', async () => {
    const bytes = await env.bytes('mp3-vbr-id3v23');
    const url = locationOf(await createUpload(env, s.api, bytes.length, { albumId: album.id, filename: `${isrcOf(1)}.mp3` }));
    const sent = Math.floor(bytes.length / 3);
    // The client sends a third, then its connection drops.
    const broken = new Readable({
      read() {
        this.push(bytes.subarray(0, sent));
        setTimeout(() => this.destroy(new Error('connection reset')), 20);
        this.read = () => undefined;
      },
    });
    await env.app
      .inject({ method: 'PATCH', url, headers: { 'tus-resumable': '1.0.0', cookie: s.api.cookie, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' }, payload: broken })
      .catch(() => undefined);
    const head = await tus(env, s.api, 'HEAD', url);
    const offset = offsetOf(head);
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(sent);

    const rest = await tus(env, s.api, 'PATCH', url, { 'upload-offset': String(offset) }, bytes.subarray(offset));
    expect(rest.statusCode, rest.body).toBe(200);
    expect(rest.json<AudioUploadResult>()).toMatchObject({ status: 'stored', trackId: track(1).id, isrc: isrcOf(1) });
    expect((await getAlbum(s.api, album.id)).tracks[1]?.audio?.sha256).toBe(sha256(bytes));
    expect(await filesUnder(tusDir())).toEqual([]);
  });

  it('creates and finishes in one request (creation with upload)', async () => {
    const bytes = await env.bytes('mp3-cbr');
    const res = await tus(
      env,
      s.api,
      'POST',
      `${API}/uploads`,
      { 'upload-length': String(bytes.length), 'upload-metadata': uploadMetadata({ albumId: album.id, trackId: track(2).id, filename: 'one go.mp3' }) },
      bytes,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AudioUploadResult>()).toMatchObject({ status: 'stored', trackId: track(2).id });
    expect((await getAlbum(s.api, album.id)).tracks[2]?.audio?.sha256).toBe(sha256(bytes));
  });

  it('refuses bad content when it is all in, with the result as JSON, and removes the upload', async () => {
    const bytes = await env.bytes('text-as-mp3');
    const before = await leftovers(env);
    const url = locationOf(await createUpload(env, s.api, bytes.length, { albumId: album.id, filename: `${isrcOf(3)}.mp3` }));
    const res = await tus(env, s.api, 'PATCH', url, { 'upload-offset': '0' }, bytes);
    expect(res.statusCode).toBe(422);
    expect(res.json<AudioUploadResult>()).toMatchObject({ fileName: `${isrcOf(3)}.mp3`, status: 'refused', code: 'AUDIO_REFUSED', trackId: track(3).id, warnings: [] });
    expect(res.json<AudioUploadResult>().message).toMatch(/不是音訊或影音檔/);
    // A resuming client finds nothing to resume, never a "complete" upload.
    expect((await tus(env, s.api, 'HEAD', url)).statusCode).toBe(404);
    expect(await leftovers(env)).toEqual(before);
    expect((await getAlbum(s.api, album.id)).tracks[3]?.audio).toBeNull();
  });

  it('refuses at creation what no upload could become: no size, a deferred size, over 500 MB, a bad name, another album’s ISRC', async () => {
    const meta = uploadMetadata({ albumId: album.id, trackId: track(3).id, filename: 'a.mp3' });
    const noLength = await tus(env, s.api, 'POST', `${API}/uploads`, { 'upload-metadata': meta });
    expect([noLength.statusCode, noLength.json<{ error: { code: string } }>().error.code]).toEqual([400, 'UPLOAD_PROTOCOL_ERROR']);
    const deferred = await tus(env, s.api, 'POST', `${API}/uploads`, { 'upload-defer-length': '1', 'upload-metadata': meta });
    expect(deferred.statusCode).toBe(400);
    expect(deferred.json<{ error: { code: string } }>().error.code).toBe('UPLOAD_LENGTH_REQUIRED');
    const huge = await createUpload(env, s.api, MAX_AUDIO_BYTES + 1, { albumId: album.id, trackId: track(3).id, filename: 'a.mp3' });
    expect([huge.statusCode, huge.json<{ error: { code: string } }>().error.code]).toEqual([413, 'AUDIO_TOO_LARGE']);
    // Without the protocol's version header: this API's error shape, in the language asked for.
    const plain = await env.app.inject({ method: 'POST', url: `${API}/uploads`, headers: { cookie: s.api.cookie, 'upload-length': '10', 'accept-language': 'en' } });
    expect(plain.statusCode).toBe(400);
    // …naming its request id in the body and the header, as every other route's errors do.
    const requestId = plain.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    expect(plain.json<{ error: { code: string; message: string } }>().error).toEqual({
      code: 'UPLOAD_PROTOCOL_ERROR',
      message: 'The resumable upload request does not follow the tus protocol (Tus-Resumable Required).',
      details: { tus: 'Tus-Resumable Required' },
      requestId,
    });
    const notIsrc = await createUpload(env, s.api, 1000, { albumId: album.id, filename: 'my song.mp3' });
    expect([notIsrc.statusCode, notIsrc.json<{ error: { code: string } }>().error.code]).toEqual([400, 'AUDIO_FILE_NAME_NOT_ISRC']);
    const flac = await createUpload(env, s.api, 1000, { albumId: album.id, trackId: track(3).id, filename: 'a.flac' });
    expect([flac.statusCode, flac.json<{ error: { code: string } }>().error.code]).toEqual([400, 'AUDIO_FILE_NAME_INVALID']);
    expect(flac.json<{ error: { requestId: string } }>().error.requestId).toBe(flac.headers['x-request-id']);
    const elsewhere = await createAlbum(s.api, completeAlbumFields('別張'));
    const foreignTrack = await addTrack(s.api, elsewhere.id, completeRecording('別首'), { mode: 'next' });
    const wrong = await createUpload(env, s.api, 1000, { albumId: album.id, filename: `${foreignTrack.recording.isrc!}.mp3` });
    expect([wrong.statusCode, wrong.json<{ error: { code: string } }>().error.code]).toEqual([422, 'AUDIO_NO_MATCHING_TRACK']);
    expect((await createUpload(env, s.api, 1000, { filename: 'a.mp3' })).statusCode).toBe(404);
    expect(await filesUnder(tusDir())).toEqual([]);
  });

  it('says so when a request sends more bytes than the upload declared (not "over 500 MB"), and keeps the upload to resume', async () => {
    const bytes = await env.bytes('mp3-cbr');
    const meta = { albumId: album.id, trackId: track(3).id, filename: 'long.mp3' };
    const url = locationOf(await createUpload(env, s.api, bytes.length, meta));
    const over = await tus(env, s.api, 'PATCH', url, { 'upload-offset': '0', 'accept-language': 'en' }, Buffer.concat([bytes, Buffer.from('EXTRA')]));
    expect(over.statusCode, over.body).toBe(413);
    expect(over.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'UPLOAD_LENGTH_EXCEEDED',
      message: 'The resumable upload sent more bytes than the file size it declared (Upload-Length); nothing past that size was written. Check the progress and send only the rest.',
    });
    const head = await tus(env, s.api, 'HEAD', url);
    expect([head.statusCode, offsetOf(head)]).toEqual([200, 0]);
    const zh = await tus(env, s.api, 'PATCH', url, { 'upload-offset': '0' }, Buffer.concat([bytes, Buffer.from('EXTRA')]));
    expect(zh.json<{ error: { code: string; message: string } }>().error.message).toMatch(/^續傳上傳送出的資料超過建立時告知的檔案大小/);
    expect((await tus(env, s.api, 'PATCH', url, { 'upload-offset': '0' }, bytes)).statusCode).toBe(200);
    expect((await getAlbum(s.api, album.id)).tracks[3]?.audio).toMatchObject({ fileName: 'long.mp3', sha256: sha256(bytes) });
    ok(await env.app.inject({ method: 'DELETE', url: `${API}/albums/${album.id}/tracks/${track(3).id}/audio`, headers: { cookie: s.api.cookie } }), 204);

    // Creation with upload: a body longer than its Upload-Length is the same refusal.
    const created = await tus(env, s.api, 'POST', `${API}/uploads`, { 'upload-length': '10', 'upload-metadata': uploadMetadata(meta) }, Buffer.alloc(20));
    expect([created.statusCode, created.json<{ error: { code: string } }>().error.code]).toEqual([413, 'UPLOAD_LENGTH_EXCEEDED']);
    for (const id of (await filesUnder(tusDir())).filter((f) => !f.endsWith('.json'))) {
      await tus(env, s.api, 'DELETE', `${API}/uploads/${id}`);
    }
    expect(await filesUnder(tusDir())).toEqual([]);
  });

  it("is 404 for anyone else: creating on another registrant's album, or touching another user's upload", async () => {
    const other = await memberSession(env);
    const meta = { albumId: album.id, trackId: track(3).id, filename: 'x.mp3' };
    const foreign = await createUpload(env, other.api, 1000, meta);
    expect([foreign.statusCode, foreign.json<{ error: { code: string } }>().error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await createUpload(env, staff, 1000, meta)).statusCode).toBe(403);
    expect(await filesUnder(tusDir())).toEqual([]);

    const bytes = await env.bytes('mp3-cbr');
    const url = locationOf(await createUpload(env, s.api, bytes.length, meta));
    ok(await tus(env, s.api, 'PATCH', url, { 'upload-offset': '0' }, bytes.subarray(0, 1000)), 204);
    for (const who of [other.api, staff]) {
      expect((await tus(env, who, 'HEAD', url)).statusCode).toBe(404);
      expect((await tus(env, who, 'PATCH', url, { 'upload-offset': '1000' }, bytes.subarray(1000))).statusCode).toBe(404);
      expect((await tus(env, who, 'DELETE', url)).statusCode).toBe(404);
    }
    expect(offsetOf(await tus(env, s.api, 'HEAD', url))).toBe(1000);
    const stale = await tus(env, s.api, 'PATCH', url, { 'upload-offset': '0' }, bytes.subarray(0, 10));
    expect([stale.statusCode, stale.json<{ error: { code: string } }>().error.code]).toEqual([409, 'UPLOAD_CONFLICT']);
    expect((await env.app.inject({ method: 'HEAD', url, headers: { 'tus-resumable': '1.0.0' } })).statusCode).toBe(401);
    // The owner may cancel: the bytes go.
    expect((await tus(env, s.api, 'DELETE', url)).statusCode).toBe(204);
    expect(await filesUnder(tusDir())).toEqual([]);
  });

  it('limits how many unfinished uploads one user keeps; cancelling one makes room, and others are not counted', async () => {
    const meta = { albumId: album.id, trackId: track(2).id, filename: 'later.mp3' };
    const urls: string[] = [];
    for (let i = 0; i < MAX_UNFINISHED_UPLOADS_PER_USER; i++) {
      urls.push(locationOf(await createUpload(env, s.api, 1000, meta)));
    }
    const refused = await createUpload(env, s.api, 1000, meta);
    expect([refused.statusCode, refused.json<{ error: { code: string } }>().error.code]).toEqual([429, 'UPLOAD_TOO_MANY']);
    // Another member of another registrant has a limit of their own.
    const other = await memberSession(env);
    const otherAlbum = await createAlbum(other.api, completeAlbumFields('別人的'));
    await addTrack(other.api, otherAlbum.id, completeRecording('歌', { duration: '0:00:03' }), { mode: 'next' });
    const otherTrack = (await getAlbum(other.api, otherAlbum.id)).tracks[0]!;
    locationOf(await createUpload(env, other.api, 1000, { albumId: otherAlbum.id, trackId: otherTrack.id, filename: 'a.mp3' }));

    expect((await tus(env, s.api, 'DELETE', urls[0]!)).statusCode).toBe(204);
    urls[0] = locationOf(await createUpload(env, s.api, 1000, meta));
    for (const url of urls) {
      expect((await tus(env, s.api, 'DELETE', url)).statusCode).toBe(204);
    }
  });

  it('works with tus-js-client over a real connection, in chunks, and hands the result to the client', async () => {
    const bytes = await env.bytes('mp3-22k-mono');
    // Listening until the app closes after the last test.
    const address = await env.app.listen({ port: 0, host: '127.0.0.1' });
    const body = await new Promise<string>((resolve, reject) => {
      const upload = new TusUpload(bytes, {
        endpoint: `${address}${API}/uploads`,
        chunkSize: 4096,
        retryDelays: [],
        headers: { cookie: s.api.cookie },
        metadata: { albumId: album.id, filename: `${isrcOf(3)}.mp3` },
        onError: reject,
        onAfterResponse: (_req, res) => {
          if (res.getStatus() === 200) {
            resolve(res.getBody());
          }
        },
      });
      upload.start();
    });
    expect(JSON.parse(body)).toMatchObject({ status: 'stored', trackId: track(3).id, isrc: isrcOf(3) });
    expect((await getAlbum(s.api, album.id)).tracks[3]?.audio?.sha256).toBe(sha256(bytes));
  });

  it('keeps only the metadata the server decided', async () => {
    const url = locationOf(await createUpload(env, s.api, 1000, { albumId: album.id, trackId: track(3).id, filename: 'x.mp3', userId: staffUserId(), extra: 'x' }));
    const head = await tus(env, s.api, 'HEAD', url);
    const meta = String(head.headers['upload-metadata']);
    expect(meta).not.toContain('extra');
    expect(meta).toContain(`userId ${Buffer.from(s.member.userId).toString('base64')}`);
    ok(await tus(env, s.api, 'DELETE', url), 204);
  });
});

function staffUserId(): string {
  return '00000000-0000-4000-8000-000000000000';
}
