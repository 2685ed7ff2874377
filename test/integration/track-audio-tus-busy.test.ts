import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import { MAX_SENDING_UPLOADS_PER_USER } from '../../src/media/tus-uploads.routes.js';
import { addTrack, completeAlbumFields, completeRecording, createAlbum, getAlbum, memberSession, type MemberSession } from '../helpers/catalog.js';
import { createUpload, tus, uploadMetadata, useAudioApp } from './track-audio-setup.js';

// One user sending many files at once must not take every upload lock (and, on PostgreSQL, every
// connection of the locks' pool): past MAX_SENDING_UPLOADS_PER_USER the next one is told to resume
// shortly (503 UPLOADS_BUSY with Retry-After, which tus clients retry), and another user is not held up.

const env = useAudioApp();
let s: MemberSession;
let other: MemberSession;
let album: AlbumResponse;
let otherAlbum: AlbumResponse;

const SIZE = 1000;

beforeAll(async () => {
  s = await memberSession(env);
  other = await memberSession(env);
  const created = await createAlbum(s.api, completeAlbumFields('同時上傳'));
  for (let i = 0; i <= MAX_SENDING_UPLOADS_PER_USER; i++) {
    await addTrack(s.api, created.id, completeRecording(`第 ${i + 1} 首`), { mode: 'next' });
  }
  album = await getAlbum(s.api, created.id);
  const theirs = await createAlbum(other.api, completeAlbumFields('別人的'));
  await addTrack(other.api, theirs.id, completeRecording('一'), { mode: 'next' });
  otherAlbum = await getAlbum(other.api, theirs.id);
});

async function uploadUrl(session: MemberSession, a: AlbumResponse, index: number): Promise<string> {
  const res = await createUpload(env, session.api, SIZE, { albumId: a.id, trackId: a.tracks[index]!.id, filename: `${a.tracks[index]!.recording.isrc!}.mp3` });
  expect(res.statusCode, res.body).toBe(201);
  return String(res.headers.location);
}

/** A PATCH whose body stays open: the request keeps sending (and holding its lock) until `end`. */
function openPatch(session: MemberSession, url: string) {
  const body = new PassThrough();
  body.write(Buffer.alloc(10));
  const reply = env.app.inject({
    method: 'PATCH',
    url,
    headers: { 'tus-resumable': '1.0.0', cookie: session.api.cookie, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
    payload: body,
  });
  return { reply, end: () => body.end() };
}

describe('uploads one user sends at once', () => {
  it(`takes ${MAX_SENDING_UPLOADS_PER_USER} at once from one user, tells the next to resume shortly, and serves another user meanwhile`, async () => {
    const urls = await Promise.all(Array.from({ length: MAX_SENDING_UPLOADS_PER_USER + 1 }, (_, i) => uploadUrl(s, album, i)));
    const open = urls.slice(0, MAX_SENDING_UPLOADS_PER_USER).map((url) => openPatch(s, url));
    // Let the open requests reach the server and take their locks.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const refused = await tus(env, s.api, 'PATCH', urls[MAX_SENDING_UPLOADS_PER_USER]!, { 'upload-offset': '0', 'accept-language': 'en' }, Buffer.alloc(10));
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'UPLOADS_BUSY',
      message: 'Too many uploads are being written at this moment; resume in 5 seconds. What was sent is kept.',
    });
    // Asking where an upload stands is never refused.
    expect((await tus(env, s.api, 'HEAD', urls[MAX_SENDING_UPLOADS_PER_USER]!)).statusCode).toBe(200);
    // An upload already sending, resumed (its old request not seen to end yet), is let through to
    // tus, which takes the lock over from the stale request: never "busy".
    const resumed = await tus(env, s.api, 'PATCH', urls[0]!, { 'upload-offset': '0' }, Buffer.alloc(10));
    expect(resumed.statusCode, resumed.body).not.toBe(503);

    const theirs = await uploadUrl(other, otherAlbum, 0);
    const served = await tus(env, other.api, 'PATCH', theirs, { 'upload-offset': '0' }, Buffer.alloc(10));
    expect(served.statusCode, served.body).toBe(204);

    // Once they are done, the user may send again.
    for (const o of open) {
      o.end();
    }
    const answers = await Promise.all(open.map((o) => o.reply));
    expect(answers.map((a) => a.statusCode)).toEqual(open.map(() => 204));
    const again = await tus(env, s.api, 'PATCH', urls[MAX_SENDING_UPLOADS_PER_USER]!, { 'upload-offset': '0' }, Buffer.alloc(10));
    expect(again.statusCode, again.body).toBe(204);
  });

  it('counts uploads created and sent in one request by a key of the server’s, not the client’s X-Request-Id', async () => {
    const creation = (index: number, payload: PassThrough | Buffer) =>
      env.app.inject({
        method: 'POST',
        url: '/api/v1/uploads',
        headers: {
          'tus-resumable': '1.0.0',
          cookie: s.api.cookie,
          'content-type': 'application/offset+octet-stream',
          'upload-length': String(SIZE),
          'upload-metadata': uploadMetadata({ albumId: album.id, trackId: album.tracks[index]!.id, filename: `${album.tracks[index]!.recording.isrc!}.mp3` }),
          // The same id on every request: formerly taken for one upload resumed again and again.
          'x-request-id': 'same-request-id-0001',
        },
        payload,
      });
    const bodies = Array.from({ length: MAX_SENDING_UPLOADS_PER_USER }, () => new PassThrough());
    const open = bodies.map((body, i) => {
      body.write(Buffer.alloc(10));
      return creation(i, body);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await creation(MAX_SENDING_UPLOADS_PER_USER, Buffer.alloc(10));
    expect(refused.statusCode, refused.body).toBe(503);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('UPLOADS_BUSY');
    bodies.forEach((body) => body.end());
    expect((await Promise.all(open)).map((a) => a.statusCode)).toEqual(open.map(() => 201));
  });
});
