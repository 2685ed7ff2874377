/**
 * Shared by the audio-deposit and fixity tests: an app whose context has file storage (the
 * filesystem under a temporary directory unless a test gives another), and track audio put in place
 * the way an upload leaves it (staged, stored, a track_audio row), without going through the
 * upload routes: deposit, BagIt and fixity read bytes, they do not analyse audio.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import { trackAudio } from '../../src/db/schema/index.js';
import type { ServiceContext } from '../../src/db/context.js';
import type { AudioContainer } from '../../src/shared/enums.js';
import { createFsStorage } from '../../src/storage/fs-storage.js';
import { storeStaged, type CommittedObject } from '../../src/storage/objects.service.js';
import { stageUpload } from '../../src/storage/staging.js';
import type { FileStorage } from '../../src/storage/storage.js';
import type { Clock } from '../../src/shared/clock.js';
import { testApp } from '../helpers/app.js';
import { testContext } from '../helpers/context.js';
import { openTestDatabase } from '../helpers/db.js';
import type { TestEnv } from '../helpers/setup.js';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import { addTrack, completeAlbumFields, completeRecording, createAlbum, ok, type Client, type MemberSession } from '../helpers/catalog.js';

export interface StorageTestEnv extends TestEnv {
  /** Root of the filesystem storage (its objects are `<filesDir>/objects/ab/<sha256>`). */
  filesDir: string;
  stagingDir: string;
}

/** Like useTestApp, with storage: the filesystem under a fresh directory, or what `makeStorage` makes (given that directory). */
export function useStorageTestApp(options: { clock?: Clock; makeStorage?: (filesDir: string) => Promise<FileStorage> } = {}): StorageTestEnv {
  const env = {} as StorageTestEnv;
  beforeAll(async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'isrc-deposit-'));
    env.filesDir = path.join(root, 'files');
    env.stagingDir = path.join(root, 'staging');
    env.handle = await openTestDatabase();
    const storage = options.makeStorage === undefined ? createFsStorage(env.filesDir) : await options.makeStorage(env.filesDir);
    env.ctx = { ...testContext(env.handle, options.clock), storage, stagingDir: env.stagingDir };
    env.app = await testApp(env.ctx);
  });
  afterAll(async () => {
    await env.app.close();
    await env.handle.close();
    fs.rmSync(path.dirname(env.filesDir), { recursive: true, force: true });
  });
  return env;
}

const CONTENT_TYPES: Readonly<Record<AudioContainer, string>> = { mp3: 'audio/mpeg', wav: 'audio/wav', mp4: 'video/mp4' };

/** Bytes standing in for an audio file: random, so each call stores a new object. */
export function someAudioBytes(size = 4096): Buffer {
  return randomBytes(size);
}

/** Stores `bytes` as the audio of one album track, as an upload would. */
export async function attachAudio(ctx: ServiceContext, albumId: string, trackId: string, bytes: Buffer, container: AudioContainer = 'mp3'): Promise<CommittedObject> {
  if (ctx.stagingDir === undefined) {
    throw new Error('the test context has no staging directory');
  }
  const staged = await stageUpload(Readable.from([bytes]), { dir: ctx.stagingDir, maxBytes: 50 * 1024 * 1024 });
  return storeStaged(ctx, [{ staged, contentType: CONTENT_TYPES[container] }], async (tx, [object]) => {
    if (object === undefined) {
      throw new Error('nothing stored');
    }
    await tx.db
      .insert(trackAudio)
      .values({
        albumTrackId: trackId,
        albumId,
        objectSha256: object.sha256,
        container,
        technical: { codec: container === 'wav' ? 'pcm_s16le' : container === 'mp3' ? 'mp3' : 'aac', sampleRate: 44100, channels: 2, bitRate: 320000, durationMs: 180_000 },
        originalName: `track.${container}`,
      })
      .onConflictDoUpdate({ target: trackAudio.albumTrackId, set: { objectSha256: object.sha256, container } });
    return object;
  });
}

/** The file of a stored object on the filesystem storage. */
export function storedFilePath(env: StorageTestEnv, storageKey: string): string {
  return path.join(env.filesDir, ...storageKey.split('/'));
}

/** A complete digital album of the member's registrant with `tracks` new tracks, submitted and approved. */
export async function approvedDigitalAlbum(session: MemberSession, staff: Client, title: string, tracks: number): Promise<AlbumResponse> {
  const album = await createAlbum(session.api, completeAlbumFields(title), 'digital');
  for (let i = 1; i <= tracks; i++) {
    await addTrack(session.api, album.id, completeRecording(`${title} 第 ${i} 首`), session.member.codes.length === 0 ? { mode: 'none' } : { mode: 'next' });
  }
  ok(await session.api.call('POST', `/albums/${album.id}/submit`));
  return ok(await staff.call('POST', `/albums/${album.id}/approve`)).json<AlbumResponse>();
}

/** Audio for every track of the album (random bytes of `size`); returns the stored objects in track order. */
export async function attachAllAudio(ctx: ServiceContext, album: AlbumResponse, size = 4096): Promise<CommittedObject[]> {
  const objects: CommittedObject[] = [];
  for (const track of album.tracks) {
    objects.push(await attachAudio(ctx, album.id, track.id, someAudioBytes(size + track.position)));
  }
  return objects;
}
