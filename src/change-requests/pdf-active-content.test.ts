import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../test/helpers/pdf-builder.js';
import { inspectPdf, type PdfInspection } from './pdf-active-content.js';

const SCANS = path.join(import.meta.dirname, '../../test/fixtures/scans');
const js = '<< /S /JavaScript /JS (app.alert\\(1\\)) >>';
const features = (inspection: PdfInspection) => (inspection.kind === 'checked' ? [...inspection.features].sort() : inspection);

describe('inspectPdf', () => {
  it('finds nothing in a plain page, nor in one whose dictionaries are in an object stream', async () => {
    expect(features(await inspectPdf(buildPdf()))).toEqual([]);
    expect(features(await inspectPdf(buildPdf({ objectStream: true })))).toEqual([]);
    expect(features(await inspectPdf(await readFile(path.join(SCANS, 'qpdf-objstm-scan.pdf'))))).toEqual([]);
  });

  it.each([
    ['a script in plain text', { catalog: '/OpenAction 4 0 R', objects: [js] }, ['script']],
    ['a script inside an object stream', { objectStream: true, catalog: '/OpenAction 4 0 R', objects: [js] }, ['script']],
    ['a script with hex-escaped names', { catalog: '/OpenAction 4 0 R', objects: ['<< /S /J#61vaScript /#4A#53 (x) >>'] }, ['script']],
    ['hex-escaped names in an object stream', { objectStream: true, catalog: '/OpenAction 4 0 R', objects: ['<< /S /J#61vaScript /#4a#53 (x) >>'] }, ['script']],
    ['only /JS, its action type escaped past recognition', { objectStream: true, objects: ['<< /S /Foo /JS (x) >>'] }, ['script']],
    ['a launch action', { objectStream: true, catalog: '/OpenAction 4 0 R', objects: ['<< /S /Launch /F (cmd.exe) >>'] }, ['launch']],
    ['a form submission', { objectStream: true, objects: ['<< /S /SubmitForm /F << /FS /URL /F (https://evil.example/c) >> >>'] }, ['submitForm']],
    ['a data import, escaped', { catalog: '/OpenAction 4 0 R', objects: ['<< /S /Import#44ata /F (x.fdf) >>'] }, ['importData']],
    ['a remote go-to to an SMB path, escaped', { catalog: '/OpenAction 4 0 R', objects: ['<< /S /GoTo#52 /F (\\\\\\\\evil\\\\s\\\\a.pdf) /D [0 /Fit] >>'] }, ['remoteGoTo']],
    ['an embedded go-to in an object stream, fully escaped', { objectStream: true, objects: ['<< /S /#47#6F#54#6F#45 /T << /R /C /N (a) >> >>'] }, ['remoteGoTo']],
    ['an embedded file (escaped name tree key)', { objectStream: true, catalog: '/Names << /Embedded#46iles 4 0 R >>', objects: ['<< /Names [(a.exe) 5 0 R] >>'] }, ['embeddedFile']],
    ['a file specification with /EF', { objectStream: true, objects: ['<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>'] }, ['embeddedFile']],
    ['a file attachment annotation', { objects: ['<< /Type /Annot /Subtype /FileAttachment /FS 5 0 R >>'] }, ['embeddedFile']],
    ['rich media', { objectStream: true, objects: ['<< /Type /Annot /Subtype /RichMedia >>'] }, ['richMedia']],
    ['an XFA form', { objectStream: true, catalog: '/AcroForm << /Fields [] /XFA 4 0 R >>', objects: ['<< /Length 0 >>'] }, ['xfa']],
    ['an object stream whose filter name is escaped', { objectStream: true, objectStreamFilter: '/Filter /Fl#61teDecode', objects: [js] }, ['script']],
    ['an object stream without /Type, found by /N and /First', { objectStream: true, objectStreamFilter: '/Filter [/FlateDecode]', objects: [js] }, ['script']],
    ['an encryption dictionary in the trailer', { trailer: '/Encrypt << /Filter /Standard /V 5 >> ' }, ['encrypted']],
  ] as const)('finds %s', async (_label, parts, expected) => {
    expect(features(await inspectPdf(buildPdf(parts)))).toEqual(expected);
  });

  it('lets plain web links and go-tos within the document pass', async () => {
    const links = ['<< /S /URI /URI (https://www.example.org/) >>', '<< /S /GoTo /D [3 0 R /Fit] >>', '<< /Type /Annot /Subtype /Link /A << /S /URI /URI (mailto:a@b.tw) >> >>'];
    expect(features(await inspectPdf(buildPdf({ objects: links })))).toEqual([]);
    expect(features(await inspectPdf(buildPdf({ objectStream: true, objects: links })))).toEqual([]);
  });

  it('finds what qpdf put in object streams: an OpenAction script, an attached file; and an encrypted file', async () => {
    const fixture = (name: string) => readFile(path.join(SCANS, name));
    const script = await fixture('qpdf-objstm-script.pdf');
    // Not in the file's text: only inflating the object stream shows it.
    expect(script.includes('JavaScript', 0, 'latin1')).toBe(false);
    expect(features(await inspectPdf(script))).toEqual(['script']);
    expect(features(await inspectPdf(await fixture('qpdf-objstm-attachment.pdf')))).toEqual(['embeddedFile']);
    expect(features(await inspectPdf(await fixture('qpdf-encrypted.pdf')))).toEqual(['encrypted']);
  });

  it('inflates an object stream whose filter is listed twice, and one written straight after `stream` with no end of line', async () => {
    const twice = buildPdf({ objectStream: true, objectStreamFilter: '/Filter [/FlateDecode /FlateDecode]', encodeObjectStream: (b) => deflateSync(deflateSync(b)), objects: [js] });
    expect(features(await inspectPdf(twice))).toEqual(['script']);
    const noEol = Buffer.from(
      buildPdf({ objectStream: true, objects: [js] })
        .toString('latin1')
        .replace('>>\nstream\n', '>>\nstream'),
      'latin1',
    );
    expect(features(await inspectPdf(noEol))).toEqual(['script']);
  });

  it('ignores short names that binary stream data happens to hold (an image is no dictionary)', async () => {
    const image = `<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /Filter /DCTDecode /Length 20 >>\nstream\n\xff\xd8 /JS /XFA /EF \xff\xd9\nendstream`;
    expect(features(await inspectPdf(buildPdf({ objects: [image] })))).toEqual([]);
  });

  it('does not check what it cannot read: another filter, a predictor, a filter by reference, damaged data', async () => {
    const cases = [
      { objectStreamFilter: '/Filter /LZWDecode', encodeObjectStream: (b: Buffer) => b },
      { objectStreamFilter: '/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>' },
      { objectStreamFilter: '/Filter 9 0 R' },
      { encodeObjectStream: (b: Buffer) => Buffer.concat([Buffer.from([0x78, 0x9c, 0xff, 0xff]), b]) },
    ];
    for (const parts of cases) {
      expect(features(await inspectPdf(buildPdf({ objectStream: true, objects: [js], ...parts })))).toMatchObject({ kind: 'uncheckable' });
    }
  });

  describe('an object stream hidden by what comes before it', () => {
    const withScript = () => buildPdf({ objectStream: true, catalog: '/OpenAction 4 0 R', objects: [js] });
    /** `text` put just before the object stream (offsets move: readers rebuild the cross-reference table). */
    const before = (text: string) =>
      Buffer.from(
        withScript()
          .toString('latin1')
          .replace(/(\d+ 0 obj\n<< \/Type \/ObjStm)/, `${text}$1`),
        'latin1',
      );

    it.each([
      ['`stream` in a comment', '%stream\n'],
      ['`stream` in a string', '9 0 obj\n<< /Producer (stream\n) >>\nendobj\n'],
      ['`endstream` in a comment, then `stream`', '%endstream stream\n%\n'],
      ['`stream` in a string after a `>`, in a dictionary', '9 0 obj\n<< /Title (a>b stream\n) >>\nendobj\n'],
    ])('still reads it: %s', async (_label, text) => {
      const pdf = before(text);
      expect(pdf.includes(text, 0, 'latin1')).toBe(true);
      expect(features(await inspectPdf(pdf))).toEqual(['script']);
    });

    it.each([
      // A reader that ends the first stream by its /Length reads the object stream this reading would skip as data.
      ['a stream without `endstream` runs over it', '9 0 obj\n<< /Length 3 >>\nstream\nabc\nendobj\n'],
      ['`endstream` inside a stream, then a string over it', '9 0 obj\n<< /Length 99 0 R >>\nstream\nab endstream (\nendstream\nendobj\n'],
      ['a comment between the dictionary and `stream`, inside a string', '9 0 obj\n<< /Length 99 0 R >>\nstream\nab endstream (\n>> %x\n'],
    ])('refuses to vouch for it: %s', async (_label, text) => {
      expect(await inspectPdf(before(text))).toEqual({ kind: 'uncheckable', reason: 'streamHidden' });
    });
  });

  it('does not read an object stream whose decode parameters sit in another object (a predictor may hide in them)', async () => {
    for (const entry of ['/DecodeParms 8 0 R', '/DecodeParms [8 0 R]', '/Decode#50arms << /Predictor 12 /Columns 8 >>', '/DP 8 0 R']) {
      const pdf = buildPdf({ objectStream: true, objectStreamFilter: `/Filter /FlateDecode ${entry}`, catalog: '/OpenAction 4 0 R', objects: [js] });
      expect(await inspectPdf(pdf)).toEqual({ kind: 'uncheckable', reason: 'objectStreamFilter' });
    }
  });

  it('reads 5 MB of name-like bytes in well under a second (the check runs in the request)', async () => {
    for (const unit of ['/', '/#41#41#41#41#41#41#41#41#41#41#41#41#41#41#41#4 ', '/JS', 'stream\n', '%>>\n']) {
      const pdf = Buffer.from(`%PDF-1.7\n${unit.repeat(Math.floor((5 * 1024 * 1024) / unit.length))}\n%%EOF\n`, 'latin1');
      const started = performance.now();
      const inspection = await inspectPdf(pdf);
      // ~80 ms here; the quadratic scan it replaced took 2 s on '/'. Generous for a loaded CI machine.
      expect(performance.now() - started, unit).toBeLessThan(1000);
      expect(inspection.kind).toBe('checked');
    }
  });

  it('reads an object stream cut short as far as it goes', async () => {
    const cut = (b: Buffer) => {
      const full = deflateSync(b);
      return full.subarray(0, full.length - 6);
    };
    expect(features(await inspectPdf(buildPdf({ objectStream: true, objects: ['<< /Type /Annot >>', js], encodeObjectStream: cut })))).toEqual(['script']);
  });

  it('stops a zip bomb at the per-stream and total caps, without holding the inflated bytes', async () => {
    const bomb = (mb: number) => (plain: Buffer) => deflateSync(Buffer.concat([plain, Buffer.alloc(mb * 1024 * 1024, 0x20)]), { level: 9 });
    const limits = { perStream: 1024 * 1024, total: 3 * 1024 * 1024, streams: 10 };
    expect(await inspectPdf(buildPdf({ objectStream: true, encodeObjectStream: bomb(2) }), limits)).toEqual({ kind: 'uncheckable', reason: 'tooMuchToInflate' });
    // Under the per-stream cap, but four of them pass the total.
    const one = buildPdf({ objectStream: true, encodeObjectStream: bomb(0.9) });
    const four = Buffer.concat([one, one, one, one]);
    expect(await inspectPdf(four, limits)).toEqual({ kind: 'uncheckable', reason: 'tooMuchToInflate' });
    expect(features(await inspectPdf(one, limits))).toEqual([]);
    // Too many object streams.
    expect(await inspectPdf(Buffer.concat(Array.from({ length: 11 }, () => buildPdf({ objectStream: true }))), limits)).toEqual({ kind: 'uncheckable', reason: 'tooMuchToInflate' });
  });

  it('stops the default caps on a 200 MB bomb quickly', async () => {
    const bomb = buildPdf({ objectStream: true, encodeObjectStream: (plain) => deflateSync(Buffer.concat([plain, Buffer.alloc(200 * 1024 * 1024, 0x20)]), { level: 9 }) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    expect(await inspectPdf(bomb)).toEqual({ kind: 'uncheckable', reason: 'tooMuchToInflate' });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
