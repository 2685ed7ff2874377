import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../../src/http/types.js';
import { createPgUploadLocks, type UploadLocks } from '../../src/media/upload-locks.js';
import { MAX_UNFINISHED_UPLOADS_PER_USER } from '../../src/media/tus-uploads.js';
import { addTrack, API, completeAlbumFields, completeRecording, createAlbum, getAlbum, memberSession, type MemberSession } from '../helpers/catalog.js';
import { testApp } from '../helpers/app.js';
import { useTestApp } from '../helpers/setup.js';
import { filesUnder, uploadMetadata } from './track-audio-setup.js';

// The cap on one user's unfinished uploads counts the uploads' files, which tus writes only after
// the creation hook has said yes: creations sent at once must be counted one after the other, or
// they all pass. On PostgreSQL two more apps on the same staging folder and database stand for
// server processes behind nginx, sharing the PostgreSQL upload locks; on PGlite one process is all there is.

const env = useTestApp();
const URL = process.env.DATABASE_URL ?? '';
const onPostgres = /^postgres(ql)?:\/\//.test(URL);
const SENT = 2 * MAX_UNFINISHED_UPLOADS_PER_USER;
const LENGTH = 400 * 1024 * 1024;

let s: MemberSession;
let meta: Record<string, string>;
let apps: AppInstance[] = [];
const locks: UploadLocks[] = [];

beforeAll(async () => {
  s = await memberSession(env);
  const created = await createAlbum(s.api, completeAlbumFields('同時建立'));
  await addTrack(s.api, created.id, completeRecording('一', { duration: '0:00:03' }), { mode: 'next' });
  const album = await getAlbum(s.api, created.id);
  meta = { albumId: album.id, trackId: album.tracks[0]!.id, filename: 'race.mp3' };
  apps = [env.app];
  if (onPostgres) {
    for (let i = 0; i < 2; i++) {
      const uploadLocks = createPgUploadLocks(URL);
      locks.push(uploadLocks);
      apps.push(await testApp({ ...env.ctx, uploadLocks }));
    }
  }
});

afterAll(async () => {
  await Promise.all(apps.slice(1).map((app) => app.close()));
  await Promise.all(locks.map((l) => l.close()));
});

function createOn(app: AppInstance) {
  return app.inject({
    method: 'POST',
    url: `${API}/uploads`,
    headers: { 'tus-resumable': '1.0.0', cookie: s.api.cookie, 'accept-language': 'en', 'upload-length': String(LENGTH), 'upload-metadata': uploadMetadata(meta) },
  });
}

describe('creating resumable uploads at once', () => {
  it(`lets exactly ${MAX_UNFINISHED_UPLOADS_PER_USER} of ${SENT} creations sent at once through and refuses the rest`, async () => {
    // On PostgreSQL the creations alternate between the instances sharing the locks (not the first, without them).
    const targets = apps.length > 1 ? apps.slice(1) : apps;
    const replies = await Promise.all(Array.from({ length: SENT }, (_, i) => createOn(targets[i % targets.length]!)));
    const created = replies.filter((r) => r.statusCode === 201);
    const refused = replies.filter((r) => r.statusCode !== 201);
    expect(created).toHaveLength(MAX_UNFINISHED_UPLOADS_PER_USER);
    expect(refused).toHaveLength(SENT - MAX_UNFINISHED_UPLOADS_PER_USER);
    for (const r of refused) {
      expect(r.statusCode, r.body).toBe(429);
      expect(r.json<{ error: { code: string; message: string } }>().error).toMatchObject({
        code: 'UPLOAD_TOO_MANY',
        message: `You already have ${MAX_UNFINISHED_UPLOADS_PER_USER} unfinished uploads; finish or cancel some before starting another.`,
      });
    }
    // What the disk holds: the uploads created, each a data file and its info, and nothing else.
    const infos = (await filesUnder(env.stagingDir)).filter((f) => f.endsWith('.json'));
    expect(infos).toHaveLength(MAX_UNFINISHED_UPLOADS_PER_USER);

    // The user's turn to create is over after each request: one more is refused at once, and one
    // cancelled makes room for exactly one.
    expect((await createOn(env.app)).statusCode).toBe(429);
    const first = String(created[0]!.headers.location);
    const cancelled = await env.app.inject({ method: 'DELETE', url: first, headers: { 'tus-resumable': '1.0.0', cookie: s.api.cookie } });
    expect(cancelled.statusCode).toBe(204);
    const again = await Promise.all(Array.from({ length: 5 }, () => createOn(env.app)));
    expect(again.map((r) => r.statusCode).sort()).toEqual([201, 429, 429, 429, 429]);
  });
});
