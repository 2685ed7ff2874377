/**
 * Covers (上傳專輯封面, 專輯匯入's cover) and change-request scans with files as other producers'
 * tools write them, and as hostile clients send them: each is accepted with the right type and
 * size, or refused with its own message in zh-TW and English — never a 500, and a pixel bomb is
 * refused from its header without the server's memory growing by the decoded size.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRequestResponse } from '../../src/change-requests/change-requests.schemas.js';
import type { ImportPreviewResponse } from '../../src/import/import.schemas.js';
import type { AlbumCover } from '../../src/media/covers.schemas.js';
import { API, compact, createAlbum, failed, memberSession, ok, staffSession, type Client, type MemberSession } from '../helpers/catalog.js';
import { JPEG_IMAGE, multipartBody, pdfDocument, pngImage } from './change-requests-fixtures.js';
import { getImage, image, leftovers, putCover, sha256, useCoverApp } from './covers-fixtures.js';
import { goodAlbum, postPreview, trackRow, workbook } from './import-fixtures.js';
import { goodCovers, HTML_AS_PDF, HTML_PAGE, PDF_HTML_POLYGLOT, pdfWithScript, pixelBombs, renamedFiles, SVG_WITH_SCRIPT, truncatedImages } from './images-producers-fixtures.js';

const env = useCoverApp();
let staff: Client;
let s: MemberSession;
let good: Awaited<ReturnType<typeof goodCovers>>;
let renamed: Awaited<ReturnType<typeof renamedFiles>>;
let truncated: Awaited<ReturnType<typeof truncatedImages>>;

beforeAll(async () => {
  staff = await staffSession(env);
  s = await memberSession(env, 'company');
  [good, renamed, truncated] = await Promise.all([goodCovers(), renamedFiles(), truncatedImages()]);
}, 60_000);

/** A refusal: its status and code, and a message in each language that is no generic error. */
async function refusedBoth(send: (lang: string) => Promise<Awaited<ReturnType<typeof putCover>>>, status: number, code: string, zh: RegExp, en: RegExp) {
  expect(failed(await send('zh-TW'), status, code).message).toMatch(zh);
  expect(failed(await send('en'), status, code).message).toMatch(en);
}

describe('covers from other producers', () => {
  it('accepts every JPG/PNG/GIF variant, measured as shown, and serves it back safely', async () => {
    for (const [label, name, bytes, type, width, height] of good) {
      const album = await createAlbum(s.api);
      const res = await putCover(env, s.api, album.id, name, bytes);
      expect(res.statusCode, `${label}: ${res.body}`).toBe(200);
      const cover = res.json<AlbumCover>();
      expect(cover, label).toMatchObject({ contentType: type, width, height, size: bytes.length, sha256: sha256(bytes) });
      const served = ok(await getImage(env, staff, cover.url));
      expect(served.headers['content-type'], label).toBe(type);
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      expect(sha256(served.rawPayload)).toBe(cover.sha256);
      expect(ok(await getImage(env, s.api, cover.thumbnailUrl)).headers['content-type']).toBe('image/webp');
    }
  }, 60_000);

  it.each(['png', 'lyingPng'] as const)(
    'refuses a pixel bomb (%s) from its header: 422 with its size, memory stays flat, nothing kept',
    async (kind) => {
      const album = await createAlbum(s.api);
      const bomb = await pixelBombs[kind]();
      expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
      const before = await leftovers(env);
      const rss = process.memoryUsage().rss;
      const size = kind === 'png' ? '30000 × 30000' : '100000 × 100000';
      await refusedBoth((lang) => putCover(env, s.api, album.id, 'bomb.png', bomb, lang), 422, 'COVER_IMAGE_TOO_LARGE', new RegExp(`${size} 像素`), new RegExp(`${size} pixels`));
      // Decoded, the smaller bomb alone would take 2.7 GB.
      expect(process.memoryUsage().rss - rss).toBeLessThan(300 * 1024 * 1024);
      expect(await leftovers(env)).toEqual(before);
    },
    60_000,
  );

  it('refuses SVG, HTML and other formats by content whatever their name, and an empty file', async () => {
    const album = await createAlbum(s.api);
    // A format a phone or design tool writes is named; anything else is just not a cover type.
    const NAMED: Record<string, string> = { WebP: 'WebP', AVIF: 'AVIF', BMP: 'BMP', TIFF: 'TIFF' };
    for (const [label, name, bytes] of renamed) {
      const res = await putCover(env, s.api, album.id, name, bytes, 'en');
      const format = NAMED[label.split(' ')[0] ?? ''];
      if (format === undefined) {
        expect(failed(res, 415, 'COVER_TYPE_NOT_ALLOWED').message, label).toBe('A cover must be a JPG, PNG or GIF image (judged by the content, not the file name).');
      } else {
        expect(failed(res, 415, 'COVER_FORMAT_NOT_ALLOWED').message, label).toBe(
          `This is a ${format} image: a cover must be a JPG, PNG or GIF image (judged by the content, not the file name). Please save it as JPG or PNG and upload it again.`,
        );
      }
    }
    const webp = renamed.find(([label]) => label.startsWith('WebP'))?.[2] ?? Buffer.alloc(0);
    await refusedBoth(
      (lang) => putCover(env, s.api, album.id, 'cover.jpg', webp, lang),
      415,
      'COVER_FORMAT_NOT_ALLOWED',
      /這是 WebP 圖檔，專輯封面僅接受 JPG、PNG 或 GIF/,
      /This is a WebP image/,
    );
    await refusedBoth((lang) => putCover(env, s.api, album.id, 'x.png', SVG_WITH_SCRIPT, lang), 415, 'COVER_TYPE_NOT_ALLOWED', /僅接受 JPG、PNG 或 GIF/, /JPG, PNG or GIF/);
    // An empty file is told as such, not as a wrong type.
    await refusedBoth((lang) => putCover(env, s.api, album.id, 'empty.jpg', Buffer.alloc(0), lang), 422, 'FILE_EMPTY', /檔案是空的（0 位元組）/, /The uploaded file is empty \(0 bytes\)/);
    expect(ok(await env.app.inject({ method: 'GET', url: `${API}/albums/${album.id}`, headers: { cookie: s.api.cookie } })).json<{ cover: unknown }>().cover).toBeNull();
  });

  it('refuses a cut or lying image as damaged', async () => {
    const album = await createAlbum(s.api);
    for (const [label, name, bytes] of truncated) {
      const res = await putCover(env, s.api, album.id, name, bytes);
      expect(failed(res, 422, 'COVER_IMAGE_UNREADABLE').message, label).toMatch(/已損毀或不完整/);
    }
  });
});

describe('專輯匯入 cover from other producers', () => {
  const preview = async (cover: Buffer, lang = 'zh-TW') => {
    const code = s.member.codes[0] ?? '';
    const xlsx = await workbook(goodAlbum, [trackRow(1, compact(code, 1))]);
    return ok(await postPreview(env, s.api, xlsx, cover, { lang }), 201).json<ImportPreviewResponse>();
  };
  const coverLines = (p: ImportPreviewResponse) => JSON.stringify(p).match(/"message":"[^"]*(?:封面|圖片|image|cover)[^"]*"/giu) ?? [];

  it('takes a CMYK JPEG, and lists SVG, HTML, a pixel bomb and a cut PNG as one cover error each', async () => {
    const cmyk = good.find(([label]) => label.startsWith('CMYK'))?.[2] ?? Buffer.alloc(0);
    const taken = await preview(cmyk);
    expect(taken.errorCount, JSON.stringify(taken)).toBe(0);
    for (const [bytes, zh] of [
      [SVG_WITH_SCRIPT, /僅接受 JPG、PNG 或 GIF/],
      [HTML_PAGE, /僅接受 JPG、PNG 或 GIF/],
      [renamed.find(([label]) => label.startsWith('TIFF'))?.[2] ?? Buffer.alloc(0), /這是 TIFF 圖檔/],
      [await pixelBombs.lyingPng(), /100000 × 100000 像素/],
      [truncated[1]?.[2] ?? Buffer.alloc(0), /已損毀或不完整/],
    ] as const) {
      const p = await preview(bytes);
      expect(p.errorCount).toBeGreaterThan(0);
      expect(coverLines(p).join('\n')).toMatch(zh);
    }
    const en = await preview(SVG_WITH_SCRIPT, 'en');
    expect(coverLines(en).join('\n')).toMatch(/A cover must be a JPG, PNG or GIF image/);
  }, 60_000);
});

describe('change-request scans from other producers', () => {
  /** A registrant has one pending request at a time: each test files its own, as a new member. */
  async function pendingRequest(): Promise<ChangeRequestResponse & { api: Client }> {
    const m = await memberSession(env);
    const res = await m.api.call('POST', '/change-requests', { changes: [{ field: 'address', after: `新址 ${Math.random()}` }], reason: '搬遷' });
    return { ...ok(res, 201).json<ChangeRequestResponse>(), api: m.api };
  }
  const attach = (request: { id: string; api: Client }, name: string, bytes: Buffer, lang = 'zh-TW') => {
    const { payload, headers } = multipartBody(name, bytes, 'application/pdf');
    return env.app.inject({ method: 'POST', url: `${API}/change-requests/${request.id}/attachment`, payload, headers: { ...headers, cookie: request.api.cookie, 'accept-language': lang } });
  };

  it('accepts a tiny PDF, a CMYK JPEG and a 16-bit PNG, and serves each as a download that is never rendered', async () => {
    const cmyk = good.find(([label]) => label.startsWith('CMYK'))?.[2] ?? JPEG_IMAGE;
    const deep = good.find(([label]) => label.startsWith('16-bit'))?.[2] ?? pngImage();
    for (const [name, bytes, type] of [
      ['表單.pdf', pdfDocument(), 'application/pdf'],
      ['scan.jpg', cmyk, 'image/jpeg'],
      ['scan.png', deep, 'image/png'],
    ] as const) {
      const request = await pendingRequest();
      const res = await attach(request, name, bytes);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
      const got = ok(await env.app.inject({ method: 'GET', url: `${API}/change-requests/${request.id}/attachment`, headers: { cookie: staff.cookie } }));
      expect(got.headers['content-type']).toBe(type);
      expect(got.headers['content-disposition']).toMatch(/^attachment;/);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      expect(sha256(got.rawPayload)).toBe(sha256(bytes));
    }
  });

  it.each([
    ['HTML named .pdf', 'form.pdf', () => HTML_AS_PDF, 415, 'FILE_TYPE_NOT_ALLOWED', /僅接受 PDF、JPG 或 PNG/, /only PDF, JPG or PNG/],
    ['SVG named .png', 'scan.png', () => SVG_WITH_SCRIPT, 415, 'FILE_TYPE_NOT_ALLOWED', /僅接受 PDF、JPG 或 PNG/, /only PDF, JPG or PNG/],
    [
      'a GIF',
      'scan.gif',
      () => image('gif', 40, 40),
      415,
      'ATTACHMENT_FORMAT_NOT_ALLOWED',
      /^這是 GIF 檔，本系統不接受：僅接受 PDF、JPG 或 PNG/,
      /^This is a GIF file, which is not accepted: only PDF, JPG or PNG/,
    ],
    ['a zero-byte file', 'empty.pdf', () => Buffer.alloc(0), 422, 'FILE_EMPTY', /檔案是空的（0 位元組）/, /The uploaded file is empty \(0 bytes\)/],
    ['a truncated PDF', 'cut.pdf', () => pdfDocument().subarray(0, 200), 422, 'ATTACHMENT_UNREADABLE', /已損毀、不完整/, /damaged, incomplete/],
    ['a PDF/HTML polyglot', 'page.pdf', () => PDF_HTML_POLYGLOT, 422, 'ATTACHMENT_UNREADABLE', /已損毀、不完整/, /damaged, incomplete/],
    ['a PDF with JavaScript', 'smart.pdf', pdfWithScript, 422, 'ATTACHMENT_HAS_SCRIPT', /JavaScript/, /contains JavaScript/],
    ['a truncated JPEG', 'cut.jpg', () => truncated[0]?.[2] ?? Buffer.alloc(0), 422, 'ATTACHMENT_UNREADABLE', /已損毀、不完整/, /damaged, incomplete/],
    ['a PNG pixel bomb', 'bomb.png', pixelBombs.lyingPng, 422, 'ATTACHMENT_UNREADABLE', /5,000 萬像素/, /50 megapixels/],
  ] as const)('refuses %s with its own message and keeps nothing', async (_label, name, make, status, code, zh, en) => {
    const request = await pendingRequest();
    const bytes = await make();
    const before = await leftovers(env);
    expect(failed(await attach(request, name, bytes), status, code).message).toMatch(zh);
    expect(failed(await attach(request, name, bytes, 'en'), status, code).message).toMatch(en);
    expect(await leftovers(env)).toEqual(before);
  });
});
