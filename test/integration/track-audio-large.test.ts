import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_AUDIO_BYTES } from '../../src/media/track-audio.schemas.js';
import { addTrack, API, completeAlbumFields, completeRecording, createAlbum, failed, getAlbum, memberSession } from '../helpers/catalog.js';
import { leftovers, useAudioApp } from './track-audio-setup.js';

const env = useAudioApp();

/** A multipart body whose one file is `size` bytes, made as it is read (never held in memory). */
function generatedUpload(size: number): { payload: Readable; headers: Record<string, string> } {
  const boundary = '----isrc-large';
  const chunk = Buffer.alloc(1024 * 1024, 0x55);
  function* body() {
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.wav"\r\nContent-Type: audio/wav\r\n\r\n`);
    for (let left = size; left > 0; left -= chunk.length) {
      yield left >= chunk.length ? chunk : chunk.subarray(0, left);
    }
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return { payload: Readable.from(body()), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('the 500 MB limit', () => {
  it('refuses 500 MB + 1 byte with 413 while it streams, and keeps nothing', { timeout: 300_000 }, async () => {
    const s = await memberSession(env);
    const album = await createAlbum(s.api, completeAlbumFields('大檔'));
    const track = await addTrack(s.api, album.id, completeRecording('很長'), { mode: 'next' });
    const before = await leftovers(env);
    const rss = process.memoryUsage().rss;
    const { payload, headers } = generatedUpload(MAX_AUDIO_BYTES + 1);
    const res = await env.app.inject({ method: 'PUT', url: `${API}/albums/${album.id}/tracks/${track.id}/audio`, payload, headers: { ...headers, cookie: s.api.cookie } });
    expect(failed(res, 413, 'AUDIO_TOO_LARGE').message).toBe('影音檔過大：上限為 500 MB，檔案未儲存。');
    // Streamed, not buffered: far less memory than the file.
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
    expect(await leftovers(env)).toEqual(before);
    expect(before.staged).toEqual([]);
    expect((await getAlbum(s.api, album.id)).tracks[0]?.audio).toBeNull();
  });
});
