import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRequestResponse } from '../../src/change-requests/change-requests.schemas.js';
import { API, completeAlbumFields, createAlbum, failed, memberSession, ok, type MemberSession, type Reply } from '../helpers/catalog.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { pdfDocument } from './change-requests-fixtures.js';
import { image } from './covers-fixtures.js';

/**
 * Uploads and bodies a hostile client shapes by hand: too many parts, file names with paths and
 * NUL, multipart or plain text sent to JSON routes, JSON sent to upload routes. Each is a clear
 * 4xx with its own code; "the cover is over 5 MB" is no answer to a body of tiny fields.
 */

const env = useTestApp(realClock);
let s: MemberSession;
let albumId: string;
let changeRequestId: string;

interface Part {
  name: string;
  fileName?: string;
  content: Buffer | string;
}

/** A multipart body written out by hand (names are sent as given, NUL and all). */
function multipart(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----hostile7d1f';
  const chunks = parts.flatMap((part) => {
    const disposition = `form-data; name="${part.name}"${part.fileName === undefined ? '' : `; filename="${part.fileName}"`}`;
    return [Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`, 'utf8'), Buffer.from(part.content), Buffer.from('\r\n')];
  });
  return { payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function send(method: 'PUT' | 'POST', path: string, body: { payload: Buffer | string; headers: Record<string, string> }, lang = 'zh-TW'): Promise<Reply> {
  return env.app.inject({ method, url: `${API}${path}`, payload: body.payload, headers: { ...body.headers, cookie: s.api.cookie, 'accept-language': lang } });
}

const uploads = () => [
  { method: 'PUT' as const, path: `/albums/${albumId}/cover` },
  { method: 'POST' as const, path: `/change-requests/${changeRequestId}/attachment` },
  { method: 'PUT' as const, path: `/albums/${albumId}/tracks/00000000-0000-4000-8000-000000000000/audio` },
];

beforeAll(async () => {
  s = await memberSession(env, 'company');
  albumId = (await createAlbum(s.api, completeAlbumFields('上傳'))).id;
  const request = ok(await s.api.call('POST', '/change-requests', { changes: [{ field: 'address', after: '新地址 1 號' }], reason: '搬遷' }), 201);
  changeRequestId = request.json<ChangeRequestResponse>().id;
});

describe('multipart a client shaped by hand', () => {
  it('answers too many parts as a malformed request, not as a file over its size', async () => {
    const fields = multipart(Array.from({ length: 40 }, (_, i) => ({ name: `f${i}`, content: 'x' })));
    for (const { method, path } of uploads().slice(0, 2)) {
      const error = failed(await send(method, path, fields, 'en'), 400, 'MALFORMED_REQUEST');
      expect(error.message).not.toMatch(/MB/);
    }
  });

  it('answers a body with no file part, or a cut-off body, with a 4xx of its own', async () => {
    failed(await send('PUT', `/albums/${albumId}/cover`, multipart([{ name: 'note', content: '沒有檔案' }])), 400, 'COVER_FILE_MISSING');
    failed(await send('POST', `/change-requests/${changeRequestId}/attachment`, multipart([])), 400, 'FILE_MISSING');
    const cut = {
      payload: '------hostile7d1f\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
      headers: { 'content-type': 'multipart/form-data; boundary=----hostile7d1f' },
    };
    failed(await send('PUT', `/albums/${albumId}/cover`, cut), 400, 'MALFORMED_REQUEST');
  });

  it('keeps a file name with a path, NUL or a huge length only as a harmless name', async () => {
    for (const fileName of ['../../../etc/passwd.pdf', 'a\u0000b.pdf', `${'長'.repeat(5000)}.pdf`, '..\\..\\win.pdf']) {
      const res = await send('POST', `/change-requests/${changeRequestId}/attachment`, multipart([{ name: 'file', fileName, content: pdfDocument() }]));
      expect(res.statusCode, res.body).toBeLessThan(500);
      if (res.statusCode === 200) {
        const stored = res.json<ChangeRequestResponse>().attachment?.fileName ?? '';
        expect(stored).not.toMatch(/[/\\]/);
        expect(stored).not.toContain('\u0000');
        expect(stored.length).toBeLessThanOrEqual(255);
      } else {
        expect(res.statusCode).toBe(400);
      }
    }
    const cover = await send('PUT', `/albums/${albumId}/cover`, multipart([{ name: 'file', fileName: '../../x\u0000.png', content: await image('png', 40, 40) }]));
    expect(cover.statusCode, cover.body).toBeLessThan(500);
  });

  it('refuses multipart and forms on JSON routes as 415, and never reads plain text as JSON', async () => {
    const before = ok(await s.api.call('GET', '/albums')).json<{ total: number }>().total;
    const bodies = [multipart([{ name: 'releaseType', content: 'digital' }]), { payload: 'releaseType=digital', headers: { 'content-type': 'application/x-www-form-urlencoded' } }];
    for (const body of bodies) {
      failed(await send('POST', '/albums', body), 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    // A cross-site form may send text/plain without a preflight: no route takes plain text, so it is 415, never read as JSON.
    failed(await send('POST', '/albums', { payload: '{"releaseType":"digital"}', headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(ok(await s.api.call('GET', '/albums')).json<{ total: number }>().total).toBe(before);
  });

  it('refuses JSON on upload routes as 415', async () => {
    for (const { method, path } of uploads().slice(0, 2)) {
      failed(await send(method, path, { payload: '{"file":"x"}', headers: { 'content-type': 'application/json' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
  });
});
