import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { TrackAudio } from '../../src/media/track-audio.schemas.js';
import { addTrack, completeAlbumFields, completeRecording, createAlbum, getAlbum, memberSession, ok, type MemberSession } from '../helpers/catalog.js';
import { putAudio, sha256, useAudioApp } from './track-audio-setup.js';

/** Runs once right after the next release of a replaced object (after the upload's transaction, before its answer). */
const afterRelease = vi.hoisted(() => ({ hook: undefined as (() => Promise<void>) | undefined }));

vi.mock('../../src/storage/objects.service.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/storage/objects.service.js')>();
  return {
    ...original,
    releaseObject: async (...args: Parameters<typeof original.releaseObject>) => {
      const released = await original.releaseObject(...args);
      const hook = afterRelease.hook;
      afterRelease.hook = undefined;
      await hook?.();
      return released;
    },
  };
});

const env = useAudioApp();
let s: MemberSession;

beforeAll(async () => {
  s = await memberSession(env);
});

describe('per-track upload racing another upload to the same track', () => {
  it('answers each caller about its own file, not the one stored after it', async () => {
    const album = await createAlbum(s.api, completeAlbumFields('競爭上傳'));
    await addTrack(s.api, album.id, completeRecording('一首歌', { duration: '0:00:03' }), { mode: 'next' });
    const track = (await getAlbum(s.api, album.id)).tracks[0]!;
    ok(await putAudio(env, s.api, album.id, track.id, 'first.mp3', await env.bytes('mp3-cbr')));

    // The second upload replaces the first; in the moment between its commit and its answer, a
    // third upload of other bytes replaces it in turn.
    const second = await env.bytes('wav-16-stereo');
    const third = await env.bytes('mp3-vbr-id3v23');
    let thirdAnswer: TrackAudio | undefined;
    afterRelease.hook = async () => {
      thirdAnswer = ok(await putAudio(env, s.api, album.id, track.id, 'third.mp3', third)).json<TrackAudio>();
    };
    const secondAnswer = ok(await putAudio(env, s.api, album.id, track.id, 'second.wav', second)).json<TrackAudio>();

    expect(thirdAnswer).toMatchObject({ fileName: 'third.mp3', container: 'mp3', size: third.length, sha256: sha256(third) });
    expect(secondAnswer).toMatchObject({ fileName: 'second.wav', container: 'wav', contentType: 'audio/wav', size: second.length, sha256: sha256(second) });
    expect(secondAnswer.url).toContain(`?v=${sha256(second).slice(0, 16)}`);
    // The track holds the last one stored.
    expect((await getAlbum(s.api, album.id)).tracks[0]?.audio).toEqual(thirdAnswer);
  });
});
