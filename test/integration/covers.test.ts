import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import type { AlbumCover } from '../../src/media/covers.schemas.js';
import { MAX_COVER_BYTES } from '../../src/media/covers.schemas.js';
import {
  API,
  addTrack,
  completeAlbumFields,
  completeRecording,
  createAlbum,
  failed,
  getAlbum,
  listAlbums,
  memberSession,
  ok,
  staffSession,
  type Client,
  type MemberSession,
} from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { pdfDocument } from './change-requests-fixtures.js';
import { animatedGif, getImage, image, leftovers, multipart, putCover, rotatedJpeg, sha256, useCoverApp } from './covers-fixtures.js';

const env = useCoverApp();
let staff: Client;
let s: MemberSession;

beforeAll(async () => {
  staff = await staffSession(env);
  s = await memberSession(env);
});

async function upload(api: Client, albumId: string, name: string, content: Buffer): Promise<AlbumCover> {
  return ok(await putCover(env, api, albumId, name, content)).json<AlbumCover>();
}

async function objectRows(...shas: string[]): Promise<number> {
  const rows = await queryRows(env.handle, sql`select sha256 from stored_objects`);
  return rows.filter((r) => shas.includes(String(r.sha256))).length;
}

describe('album cover upload', () => {
  it.each([
    ['封面.png', 'png', 1200, 1200, 'image/png'],
    ['cover.JPG', 'jpeg', 1600, 900, 'image/jpeg'],
    ['cover.gif', 'gif', 300, 200, 'image/gif'],
  ] as const)('accepts %s with its dimensions, gives it back byte for byte and makes a thumbnail', async (name, format, width, height, type) => {
    const album = await createAlbum(s.api);
    const bytes = await image(format, width, height);
    const cover = await upload(s.api, album.id, name, bytes);
    expect(cover).toMatchObject({ width, height, contentType: type, size: bytes.length, sha256: sha256(bytes) });

    expect((await getAlbum(s.api, album.id)).cover).toEqual(cover);
    const listed = (await listAlbums(s.api, 'view=all&pageSize=100')).items.find((a) => a.id === album.id);
    expect(listed?.coverThumbnailUrl).toBe(cover.thumbnailUrl);

    for (const who of [s.api, staff]) {
      const res = ok(await getImage(env, who, cover.url));
      expect(res.headers['content-type']).toBe(type);
      expect(sha256(res.rawPayload)).toBe(cover.sha256);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      expect(res.headers.etag).toBe(`"${cover.sha256}"`);
    }
    const thumb = ok(await getImage(env, s.api, cover.thumbnailUrl));
    expect(thumb.headers['content-type']).toBe('image/webp');
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.width).toBe(Math.min(width, 320));
    expect(meta.height).toBe(Math.round((Math.min(width, 320) * height) / width));
  });

  it('measures a JPEG as shown (EXIF orientation) and takes the first frame of an animated GIF', async () => {
    const album = await createAlbum(s.api);
    const rotated = await upload(s.api, album.id, 'phone.jpg', await rotatedJpeg());
    expect([rotated.width, rotated.height]).toEqual([200, 400]);
    const thumbMeta = await sharp(ok(await getImage(env, s.api, rotated.thumbnailUrl)).rawPayload).metadata();
    expect([thumbMeta.width, thumbMeta.height]).toEqual([200, 400]);

    const animated = await upload(s.api, album.id, 'moving.gif', await animatedGif(160, 90));
    expect(animated).toMatchObject({ width: 160, height: 90, contentType: 'image/gif' });
    const { data } = await sharp(ok(await getImage(env, s.api, animated.thumbnailUrl)).rawPayload)
      .raw()
      .toBuffer({ resolveWithObject: true });
    // Red, not blue (WebP is lossy: nearly red).
    expect(data[0]).toBeGreaterThan(200);
    expect(data[2]).toBeLessThan(50);
  });

  it('answers 304 to If-None-Match and caches versioned URLs only', async () => {
    const album = await createAlbum(s.api);
    const cover = await upload(s.api, album.id, 'a.png', await image('png', 64, 64));
    const first = ok(await getImage(env, s.api, cover.url));
    expect(first.headers['cache-control']).toBe('private, max-age=86400');
    const again = await getImage(env, s.api, cover.url, { 'if-none-match': `W/"x", "${cover.sha256}"` });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect(again.headers.etag).toBe(`"${cover.sha256}"`);
    const stale = ok(await getImage(env, s.api, `${API}/albums/${album.id}/cover`, { 'if-none-match': '"0000"' }));
    expect(stale.headers['cache-control']).toBe('private, no-cache');
    expect(sha256(stale.rawPayload)).toBe(cover.sha256);
  });

  it('replaces a cover and releases the old objects; identical bytes on two albums stay until both let go', async () => {
    const album = await createAlbum(s.api);
    const firstBytes = await image('png', 500, 500, '#aa0000');
    const first = await upload(s.api, album.id, 'first.png', firstBytes);
    const firstThumb = sha256(ok(await getImage(env, s.api, first.thumbnailUrl)).rawPayload);
    expect(await objectRows(first.sha256, firstThumb)).toBe(2);

    const second = await upload(s.api, album.id, 'second.jpg', await image('jpeg', 800, 600, '#00aa00'));
    expect(second.sha256).not.toBe(first.sha256);
    expect(await objectRows(first.sha256, firstThumb)).toBe(0);
    expect((await leftovers(env)).files.some((f) => f.includes(first.sha256) || f.includes(firstThumb))).toBe(false);
    expect((await getImage(env, s.api, first.url)).statusCode).toBe(200); // the URL now gives the current cover
    expect(sha256((await getImage(env, s.api, first.url)).rawPayload)).toBe(second.sha256);

    const other = await createAlbum(s.api);
    await upload(s.api, other.id, 'same.jpg', await image('jpeg', 800, 600, '#00aa00'));
    ok(await s.api.call('DELETE', `/albums/${album.id}/cover`), 204);
    expect((await getAlbum(s.api, album.id)).cover).toBeNull();
    expect(await objectRows(second.sha256)).toBe(1);
    expect(sha256(ok(await getImage(env, s.api, (await getAlbum(s.api, other.id)).cover!.url)).rawPayload)).toBe(second.sha256);
    failed(await s.api.call('DELETE', `/albums/${album.id}/cover`), 404, 'NOT_FOUND');

    ok(await s.api.call('DELETE', `/albums/${other.id}`), 204);
    expect(await objectRows(second.sha256)).toBe(0);
    expect((await leftovers(env)).files.some((f) => f.includes(second.sha256))).toBe(false);
  });

  it('records uploads and removals in the audit log', async () => {
    const album = await createAlbum(s.api);
    const cover = await upload(s.api, album.id, 'a.png', await image('png', 32, 32));
    ok(await s.api.call('DELETE', `/albums/${album.id}/cover`), 204);
    const rows = await queryRows(env.handle, sql`select action, after, before from audit_log where entity_id = ${album.id} and action like 'album.cover.%' order by id`);
    expect(rows.map((r) => r.action)).toEqual(['album.cover.upload', 'album.cover.remove']);
    expect(rows[0]?.after).toMatchObject({ sha256: cover.sha256, width: 32, height: 32, contentType: 'image/png' });
    expect(rows[1]?.before).toMatchObject({ sha256: cover.sha256 });
  });
});

describe('refused covers leave nothing behind', () => {
  const cases: [string, string, () => Promise<Buffer>, number, string, RegExp][] = [
    ['a PDF named .png', 'scan.png', () => Promise.resolve(pdfDocument()), 415, 'COVER_TYPE_NOT_ALLOWED', /僅接受 JPG、PNG 或 GIF/],
    ['a text file named .jpg', 'notes.jpg', () => Promise.resolve(Buffer.from('這不是圖片，只是文字。\n'.repeat(50))), 415, 'COVER_TYPE_NOT_ALLOWED', /依檔案內容判斷/],
    ['a truncated JPEG', 'cut.jpg', async () => (await image('jpeg', 900, 900)).subarray(0, 4000), 422, 'COVER_IMAGE_UNREADABLE', /已損毀或不完整/],
    [
      'garbage after a JPEG signature',
      'fake.jpg',
      () => Promise.resolve(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 0x41)])),
      422,
      'COVER_IMAGE_UNREADABLE',
      /無法讀取/,
    ],
    ['a truncated PNG', 'cut.png', async () => (await image('png', 400, 300)).subarray(0, 600), 422, 'COVER_IMAGE_UNREADABLE', /無法讀取/],
    [
      'a file of exactly 5 MB that is no image',
      'big.png',
      () => Promise.resolve(Buffer.concat([pngSignature(), Buffer.alloc(MAX_COVER_BYTES - 8, 1)])),
      422,
      'COVER_IMAGE_UNREADABLE',
      /無法讀取/,
    ],
    ['5 MB + 1 byte', 'huge.png', () => Promise.resolve(Buffer.concat([pngSignature(), Buffer.alloc(MAX_COVER_BYTES - 7, 1)])), 413, 'COVER_TOO_LARGE', /上限為 5 MB/],
    [
      'a 60-megapixel image',
      'wide.png',
      () =>
        sharp({ create: { width: 10000, height: 6000, channels: 3, background: '#fff' } })
          .png({ compressionLevel: 9 })
          .toBuffer(),
      422,
      'COVER_IMAGE_TOO_LARGE',
      /10000 × 6000/,
    ],
  ];

  it.each(cases)('%s', async (_label, name, make, status, code, message) => {
    const album = await createAlbum(s.api);
    const kept = await upload(s.api, album.id, 'kept.png', await image('png', 40, 40));
    const before = await leftovers(env);
    const error = failed(await putCover(env, s.api, album.id, name, await make()), status, code);
    expect(error.message).toMatch(message);
    expect(await leftovers(env)).toEqual(before);
    expect(before.staged).toEqual([]);
    expect((await getAlbum(s.api, album.id)).cover).toEqual(kept);
  });

  it('says it in English too', async () => {
    const album = await createAlbum(s.api);
    const { payload, headers } = multipart('x.jpg', Buffer.from('plain text'));
    const res = await env.app.inject({ method: 'PUT', url: `${API}/albums/${album.id}/cover`, payload, headers: { ...headers, cookie: s.api.cookie, 'accept-language': 'en' } });
    expect(failed(res, 415, 'COVER_TYPE_NOT_ALLOWED').message).toBe('A cover must be a JPG, PNG or GIF image (judged by the content, not the file name).');
  });

  it('refuses a body that is not multipart, or has no file', async () => {
    const album = await createAlbum(s.api);
    failed(await s.api.call('PUT', `/albums/${album.id}/cover`, { file: 'x' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const boundary = 'nofile';
    const res = await env.app.inject({
      method: 'PUT',
      url: `${API}/albums/${album.id}/cover`,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: s.api.cookie },
    });
    expect(failed(res, 400, 'COVER_FILE_MISSING').message).toMatch(/請選擇專輯封面圖檔/);
    expect((await leftovers(env)).staged).toEqual([]);
  });
});

function pngSignature(): Buffer {
  return Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
}

describe('who may change and see a cover', () => {
  let album: AlbumResponse;
  let cover: AlbumCover;
  let other: MemberSession;

  beforeAll(async () => {
    album = await createAlbum(s.api);
    cover = await upload(s.api, album.id, 'mine.png', await image('png', 100, 100));
    other = await memberSession(env);
  });

  it("answers 404 to another registrant's member for every cover route, and changes nothing", async () => {
    const before = await leftovers(env);
    for (const url of [cover.url, cover.thumbnailUrl, `${API}/albums/${album.id}/cover`]) {
      failed(await getImage(env, other.api, url), 404, 'NOT_FOUND');
    }
    failed(await putCover(env, other.api, album.id, 'mine.png', await image('png', 10, 10)), 404, 'NOT_FOUND');
    failed(await other.api.call('PUT', `/albums/${album.id}/cover`), 404, 'NOT_FOUND');
    failed(await other.api.call('DELETE', `/albums/${album.id}/cover`), 404, 'NOT_FOUND');
    expect(await leftovers(env)).toEqual(before);
    expect((await getAlbum(s.api, album.id)).cover).toEqual(cover);
  });

  it('lets officers look but not change', async () => {
    ok(await getImage(env, staff, cover.thumbnailUrl));
    failed(await putCover(env, staff, album.id, 'x.png', await image('png', 10, 10)), 403, 'FORBIDDEN');
    failed(await staff.call('DELETE', `/albums/${album.id}/cover`), 403, 'FORBIDDEN');
  });

  it('follows the album: kept through submission, refused while under review, locked once approved', async () => {
    const submitted = await createAlbum(s.api, completeAlbumFields('封面送審'));
    await addTrack(s.api, submitted.id, completeRecording('一首歌'), { mode: 'next' });
    const mine = await upload(s.api, submitted.id, 'c.png', await image('png', 50, 50));
    const answer = ok(await s.api.call('POST', `/albums/${submitted.id}/submit`)).json<AlbumResponse>();
    expect(answer.cover).toEqual(mine);
    failed(await putCover(env, s.api, submitted.id, 'd.png', await image('png', 20, 20)), 409, 'ALBUM_NOT_EDITABLE');
    failed(await s.api.call('DELETE', `/albums/${submitted.id}/cover`), 409, 'ALBUM_NOT_EDITABLE');

    const approved = ok(await staff.call('POST', `/albums/${submitted.id}/approve`)).json<AlbumResponse>();
    expect(approved.cover).toEqual(mine);
    const locked = failed(await putCover(env, s.api, approved.id, 'e.png', await image('png', 20, 20)), 409, 'COVER_LOCKED');
    expect(locked.message).toBe('專輯已通過審核，專輯封面已鎖定，無法更換或移除。');
    failed(await s.api.call('DELETE', `/albums/${approved.id}/cover`), 409, 'COVER_LOCKED');
    expect((await leftovers(env)).staged).toEqual([]);
  });

  it('gives no cover of an album without one', async () => {
    const bare = await createAlbum(s.api);
    expect((await getAlbum(s.api, bare.id)).cover).toBeNull();
    failed(await getImage(env, s.api, `${API}/albums/${bare.id}/cover/thumbnail`), 404, 'NOT_FOUND');
    const listed = (await listAlbums(s.api, 'view=all&pageSize=100')).items.find((a) => a.id === bare.id);
    expect(listed?.coverThumbnailUrl).toBeNull();
  });
});
