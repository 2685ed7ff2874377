import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRequestResponse } from '../../src/change-requests/change-requests.schemas.js';
import { MAX_ATTACHMENT_BYTES } from '../../src/change-requests/change-request-fields.js';
import { registrantChangeRequests, storedObjects } from '../../src/db/schema/index.js';
import { contentKey, newStorageKey } from '../../src/storage/storage.js';
import { API, failed, memberSession, ok, staffSession, type Client, type MemberSession } from '../helpers/catalog.js';
import { EXE_BYTES, JPEG_IMAGE, multipartBody, pdfDocument, pngImage } from './change-requests-fixtures.js';
import { stagedFiles, storedFiles, useAppWithFiles } from './change-requests-setup.js';

const env = useAppWithFiles();
let staff: Client;

beforeAll(async () => {
  staff = await staffSession(env);
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
let serial = 0;
/** A PDF or PNG no other test uploads (identical bytes share one stored object). */
const uniquePdf = () => Buffer.concat([pdfDocument(), Buffer.from(`\n% ${++serial} ${Math.random()}\n`)]);
const uniquePng = () => pngImage(8 + (++serial % 50), 8, [serial % 256, 7, 9]);

async function storedObjectRow(bytes: Buffer) {
  const [row] = await env.handle.db
    .select()
    .from(storedObjects)
    .where(eq(storedObjects.sha256, sha256(bytes)));
  return row;
}

async function pendingRequest(): Promise<{ s: MemberSession; request: ChangeRequestResponse }> {
  const s = await memberSession(env);
  const res = await s.api.call('POST', '/change-requests', { changes: [{ field: 'address', after: `新址 ${Math.random()}` }], reason: '搬遷' });
  return { s, request: ok(res, 201).json<ChangeRequestResponse>() };
}

function upload(api: Client, id: string, fileName: string, content: Buffer, clientType = 'application/pdf', lang = 'zh-TW') {
  const { payload, headers } = multipartBody(fileName, content, clientType);
  return env.app.inject({ method: 'POST', url: `${API}/change-requests/${id}/attachment`, payload, headers: { ...headers, cookie: api.cookie, 'accept-language': lang } });
}

function download(api: Client, id: string) {
  return env.app.inject({ method: 'GET', url: `${API}/change-requests/${id}/attachment`, headers: { cookie: api.cookie } });
}

describe('attachment upload', () => {
  it.each([
    ['印章掃描.pdf', pdfDocument(), 'application/pdf'],
    ['scan.png', pngImage(), 'image/png'],
    ['scan.JPG', JPEG_IMAGE, 'image/jpeg'],
    ['no extension', pngImage(4, 4), 'image/png'],
  ])('accepts a real %s, stores its SHA-256 and size, and gives it back byte for byte', async (name, content, type) => {
    const { s, request } = await pendingRequest();
    const attached = ok(await upload(s.api, request.id, name, content, 'application/octet-stream')).json<ChangeRequestResponse>();
    expect(attached.attachment).toEqual({ fileName: name === 'no extension' ? 'no extension.png' : name, contentType: type, size: content.length, sha256: sha256(content) });
    for (const who of [s.api, staff]) {
      const res = ok(await download(who, request.id));
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(sha256(res.rawPayload)).toBe(attached.attachment?.sha256);
    }
  });

  it('names the download with the original name, RFC 5987-encoded, and an ASCII fallback', async () => {
    const { s, request } = await pendingRequest();
    ok(await upload(s.api, request.id, 'C:\\掃描\\變更登記表 (2026);100%.pdf', pdfDocument()));
    const res = ok(await download(staff, request.id));
    expect(res.headers['content-disposition']).toBe(`attachment; filename="_____ (2026)_100_.pdf"; filename*=UTF-8''%E8%AE%8A%E6%9B%B4%E7%99%BB%E8%A8%98%E8%A1%A8%20%282026%29%3B100%25.pdf`);
  });

  it('gives a scan whose name has another extension the one of its content, on upload and on download', async () => {
    const { s, request } = await pendingRequest();
    const attached = ok(await upload(s.api, request.id, 'scan.exe', pngImage(), 'image/png')).json<ChangeRequestResponse>();
    expect(attached.attachment?.fileName).toBe('scan.exe.png');
    expect(ok(await download(staff, request.id)).headers['content-disposition']).toBe(`attachment; filename="scan.exe.png"; filename*=UTF-8''scan.exe.png`);
  });

  it('refuses by content: a .exe renamed .pdf, claimed as application/pdf, is 415 and leaves nothing', async () => {
    const { s, request } = await pendingRequest();
    const before = await storedFiles(env);
    const err = failed(await upload(s.api, request.id, 'stamp.pdf', EXE_BYTES, 'application/pdf'), 415, 'FILE_TYPE_NOT_ALLOWED');
    expect(err.message).toContain('PDF、JPG 或 PNG');
    const en = failed(await upload(s.api, request.id, 'stamp.pdf', EXE_BYTES, 'application/pdf', 'en'), 415, 'FILE_TYPE_NOT_ALLOWED');
    expect(en.message).toContain('PDF, JPG or PNG');
    failed(await upload(s.api, request.id, 'empty.pdf', Buffer.alloc(0)), 422, 'FILE_EMPTY');
    expect(await storedFiles(env)).toEqual(before);
    expect(await stagedFiles(env)).toEqual([]);
    expect(ok(await s.api.call('GET', `/change-requests/${request.id}`)).json<ChangeRequestResponse>().attachment).toBeNull();
  });

  it('accepts exactly 5 MB and refuses 5 MB + 1 byte with 413, nothing left on disk', async () => {
    const { s, request } = await pendingRequest();
    // A PDF padded to the limit: it must still end with %%EOF (a cut PDF is refused).
    const pdfHead = Buffer.from('%PDF-1.4\n');
    const pdfEnd = Buffer.from('\n%%EOF\n');
    const exact = Buffer.concat([pdfHead, Buffer.alloc(MAX_ATTACHMENT_BYTES - pdfHead.length - pdfEnd.length, 0x20), pdfEnd]);
    const accepted = ok(await upload(s.api, request.id, 'big.pdf', exact)).json<ChangeRequestResponse>();
    expect(accepted.attachment?.size).toBe(MAX_ATTACHMENT_BYTES);
    const before = await storedFiles(env);
    const err = failed(await upload(s.api, request.id, 'bigger.pdf', Buffer.concat([exact, Buffer.from(' ')])), 413, 'BODY_TOO_LARGE');
    expect(err.message).toContain('5 MB');
    expect(await storedFiles(env)).toEqual(before);
    expect(await stagedFiles(env)).toEqual([]);
    expect(ok(await s.api.call('GET', `/change-requests/${request.id}`)).json<ChangeRequestResponse>().attachment?.fileName).toBe('big.pdf');
  });

  it('a new upload replaces the old file; a withdrawn request keeps its scan', async () => {
    const { s, request } = await pendingRequest();
    const first = uniquePng();
    const second = uniquePdf();
    ok(await upload(s.api, request.id, 'a.png', first));
    expect(await storedFiles(env)).toContain(contentKey(sha256(first)));
    ok(await upload(s.api, request.id, 'b.pdf', second));
    const files = await storedFiles(env);
    expect(files).not.toContain(contentKey(sha256(first)));
    expect(files).toContain(contentKey(sha256(second)));
    expect(await storedObjectRow(first)).toBeUndefined();
    expect(await storedObjectRow(second)).toMatchObject({ size: second.length, contentType: 'application/pdf', storageKey: contentKey(sha256(second)) });
    ok(await s.api.call('DELETE', `/change-requests/${request.id}`), 204);
    expect(await storedFiles(env)).toContain(contentKey(sha256(second)));
    expect(await storedObjectRow(second)).toBeDefined();
    expect(await stagedFiles(env)).toEqual([]);
    for (const who of [s.api, staff]) {
      expect(sha256(ok(await download(who, request.id)).rawPayload)).toBe(sha256(second));
    }
    failed(await upload(s.api, request.id, 'c.png', uniquePng()), 409, 'CHANGE_REQUEST_WITHDRAWN');
  });

  it('identical bytes attached to two requests are stored once, and stay while either still refers to them', async () => {
    const bytes = uniquePdf();
    const key = contentKey(sha256(bytes));
    const one = await pendingRequest();
    const two = await pendingRequest();
    ok(await upload(one.s.api, one.request.id, 'one.pdf', bytes));
    ok(await upload(two.s.api, two.request.id, 'two.pdf', bytes));
    expect((await storedFiles(env)).filter((f) => f === key)).toHaveLength(1);
    ok(await upload(one.s.api, one.request.id, 'one-replaced.png', uniquePng()));
    expect(await storedFiles(env)).toContain(key);
    ok(await upload(two.s.api, two.request.id, 'other.png', uniquePng()));
    expect(await storedFiles(env)).not.toContain(key);
    expect(await storedObjectRow(bytes)).toBeUndefined();
  });

  it('an attachment stored before content addressing (no stored_objects row) is deleted when replaced', async () => {
    const { s, request } = await pendingRequest();
    const storage = env.ctx.storage;
    if (storage === undefined) {
      throw new Error('no storage');
    }
    const legacy = newStorageKey('change-requests');
    const bytes = uniquePdf();
    await storage.put(legacy, Readable.from([bytes]));
    await env.handle.db
      .update(registrantChangeRequests)
      .set({ attachment: { key: legacy, fileName: 'old.pdf', contentType: 'application/pdf', size: bytes.length, sha256: sha256(bytes) } })
      .where(eq(registrantChangeRequests.id, request.id));
    expect(sha256(ok(await download(s.api, request.id)).rawPayload)).toBe(sha256(bytes));
    ok(await upload(s.api, request.id, 'same bytes.pdf', bytes));
    expect(await storage.exists(legacy)).toBe(false);
    expect(await storedFiles(env)).toContain(contentKey(sha256(bytes)));
    expect(sha256(ok(await download(s.api, request.id)).rawPayload)).toBe(sha256(bytes));
  });

  it("an attachment stored under a name with another extension is downloaded with its type's extension", async () => {
    const { s, request } = await pendingRequest();
    const bytes = uniquePdf();
    const key = newStorageKey('change-requests');
    await env.ctx.storage?.put(key, Readable.from([bytes]));
    await env.handle.db
      .update(registrantChangeRequests)
      .set({ attachment: { key, fileName: 'old.exe', contentType: 'application/pdf', size: bytes.length, sha256: sha256(bytes) } })
      .where(eq(registrantChangeRequests.id, request.id));
    expect(ok(await download(s.api, request.id)).headers['content-disposition']).toBe(`attachment; filename="old.exe.pdf"; filename*=UTF-8''old.exe.pdf`);
    // Replaced, the old-style object goes (the other tests expect only content addresses stored).
    ok(await upload(s.api, request.id, 'new.pdf', bytes));
    expect(await env.ctx.storage?.exists(key)).toBe(false);
  });

  it('keys are content addresses made by the server, never from the file name', async () => {
    const { s, request } = await pendingRequest();
    const bytes = uniquePng();
    ok(await upload(s.api, request.id, '../../../escape.png', bytes));
    const files = await storedFiles(env);
    expect(files.every((f) => /^objects\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(f))).toBe(true);
    expect(files).toContain(`objects/${sha256(bytes).slice(0, 2)}/${sha256(bytes)}`);
    expect(ok(await s.api.call('GET', `/change-requests/${request.id}`)).json<ChangeRequestResponse>().attachment?.fileName).toBe('escape.png');
  });

  it('refuses control characters in the file name, a missing file, a non-multipart and a broken multipart body', async () => {
    const { s, request } = await pendingRequest();
    failed(await upload(s.api, request.id, 'a\u0001b.pdf', pdfDocument()), 400, 'VALIDATION_FAILED');
    const { payload, headers } = multipartBody('x.pdf', pdfDocument(), 'application/pdf', 'file');
    const onlyField = payload.toString('latin1').replace(/; filename="x.pdf"\r\nContent-Type: application\/pdf/, '');
    const noFile = await env.app.inject({
      method: 'POST',
      url: `${API}/change-requests/${request.id}/attachment`,
      payload: Buffer.from(onlyField, 'latin1'),
      headers: { ...headers, cookie: s.api.cookie },
    });
    failed(noFile, 400, 'FILE_MISSING');
    const json = await env.app.inject({ method: 'POST', url: `${API}/change-requests/${request.id}/attachment`, payload: { file: 'x' }, headers: { cookie: s.api.cookie } });
    failed(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const broken = await env.app.inject({
      method: 'POST',
      url: `${API}/change-requests/${request.id}/attachment`,
      payload: '{}',
      headers: { 'content-type': 'multipart/form-data; boundary=x', cookie: s.api.cookie },
    });
    failed(broken, 400, 'MALFORMED_REQUEST');
    const cut = multipartBody('cut.pdf', pdfDocument());
    const truncated = await env.app.inject({
      method: 'POST',
      url: `${API}/change-requests/${request.id}/attachment`,
      payload: cut.payload.subarray(0, cut.payload.length - 40),
      headers: { ...cut.headers, cookie: s.api.cookie },
    });
    failed(truncated, 400, 'MALFORMED_REQUEST');
    expect(ok(await s.api.call('GET', `/change-requests/${request.id}`)).json<ChangeRequestResponse>().attachment).toBeNull();
  });

  it('only the requesting registrant attaches, only while pending; others get 404, staff 403', async () => {
    const { s, request } = await pendingRequest();
    const other = await memberSession(env);
    failed(await upload(other.api, request.id, 'x.pdf', pdfDocument()), 404, 'NOT_FOUND');
    failed(await upload(staff, request.id, 'x.pdf', pdfDocument()), 403, 'FORBIDDEN');
    ok(await staff.call('POST', `/change-requests/${request.id}/reject`, { reason: '資料不全' }));
    failed(await upload(s.api, request.id, 'x.pdf', pdfDocument()), 409, 'CHANGE_REQUEST_DECIDED');
    failed(await download(s.api, request.id), 404, 'NOT_FOUND');
  });
});
