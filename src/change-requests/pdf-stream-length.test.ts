import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../test/helpers/pdf-builder.js';
import { inspectPdf, type PdfInspection } from './pdf-active-content.js';

const features = (inspection: PdfInspection) => (inspection.kind === 'checked' ? [...inspection.features].sort() : inspection);
const js = '<< /S /JavaScript /JS (app.alert\\(1\\)) >>';

function adler32(bytes: Buffer): Buffer {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const out = Buffer.alloc(4);
  out.writeUInt32BE(((b << 16) | a) >>> 0);
  return out;
}

/**
 * zlib data whose first block is stored (its bytes, `endstream` among them, appear in the file as
 * written) and whose rest, from the text after `after`, is deflated (so its names do not appear).
 */
function endstreamInData(plain: Buffer, after = '(endstream) >>\n'): Buffer {
  const split = plain.indexOf(after, 0, 'latin1') + after.length;
  const stored = plain.subarray(0, split);
  const header = Buffer.alloc(5);
  header.writeUInt16LE(stored.length, 1);
  header.writeUInt16LE(~stored.length & 0xffff, 3);
  return Buffer.concat([Buffer.from([0x78, 0x01]), header, stored, deflateRawSync(plain.subarray(split)), adler32(plain)]);
}

/** An object stream holding a script after a string `(endstream)`, with `/Length` as `length` makes it. */
function scriptAfterEndstream(length: (real: number) => string = (real) => `/Length ${real}`): Buffer {
  const pdf = buildPdf({ objectStream: true, catalog: '/OpenAction 5 0 R', objects: ['<< /Title (endstream) >>', js], encodeObjectStream: (plain) => endstreamInData(plain) });
  const text = pdf.toString('latin1');
  const real = /\/Type \/ObjStm .*?\/Length (\d+) >>/.exec(text)?.[1] ?? '';
  const rewritten = text.replace(`/Length ${real} >>`, `${length(Number(real))} >>`);
  return Buffer.from(rewritten, 'latin1');
}

describe("a stream's /Length", () => {
  it('reads an object stream whose compressed data spells `endstream` to its /Length, and finds the script after it', async () => {
    const pdf = scriptAfterEndstream();
    // Only inflating the whole stream shows the script: none of its names is in the file's text.
    for (const hidden of ['JavaScript', '/JS', 'app.alert']) {
      expect(pdf.includes(hidden, 0, 'latin1'), hidden).toBe(false);
    }
    expect(features(await inspectPdf(pdf))).toEqual(['script']);
  });

  it('resolves an indirect /Length (`/Length 99 0 R`), also with whitespace and a CR LF before `endstream`', async () => {
    let real = 0;
    const indirect = scriptAfterEndstream((length) => {
      real = length;
      return '/Length 99 0 R';
    });
    const defined = (text: string) => Buffer.from(indirect.toString('latin1').replace('startxref', `${text}startxref`), 'latin1');
    expect(features(await inspectPdf(defined(`99 0 obj\n${real}\nendobj\n`)))).toEqual(['script']);
    const crlf = defined(`99  0 obj ${real}  endobj\n`).toString('latin1').replace('\nendstream\nendobj', '\r\nendstream\nendobj').replace('/Length 99 0 R', '/Length  99\n0  R');
    expect(features(await inspectPdf(Buffer.from(crlf, 'latin1')))).toEqual(['script']);
  });

  it('takes the longest /Length that `endstream` follows, so a decoy in a nested dictionary cannot cut the data short', async () => {
    const pdf = scriptAfterEndstream((real) => `/Length ${real}`);
    const text = pdf.toString('latin1');
    const dataStart = text.indexOf('>>\nstream\n', text.indexOf('/Type /ObjStm')) + 10;
    const decoy = text.indexOf('endstream', dataStart) - dataStart;
    const withDecoy = text.replace('/Type /ObjStm', `/Type /ObjStm /X << /Length ${decoy} >> /Len#67th ${decoy}`);
    expect(features(await inspectPdf(Buffer.from(withDecoy, 'latin1')))).toEqual(['script']);
  });

  it('falls back on the search for `endstream` where /Length is wrong, hostile or unresolvable', async () => {
    const plain = { objectStream: true, catalog: '/OpenAction 4 0 R', objects: [js] } as const;
    const lengths = ['/Length 3', '/Length -5', '/Length 99999999999999999999999', '/Length 1e9', '/Length 4294967296', '/Length 98 0 R', '/Length 9007199254740993', '/Length'];
    for (const length of lengths) {
      const pdf = Buffer.from(
        buildPdf(plain)
          .toString('latin1')
          .replace(/\/Length \d+ >>\nstream/, `${length} >>\nstream`),
        'latin1',
      );
      expect(features(await inspectPdf(pdf)), length).toEqual(['script']);
    }
  });

  it('does not trust a /Length that `endstream` does not follow: a stream start inside the data it covers is still found', async () => {
    // /Length 3 makes `abc` the data, but `endobj` follows: the search for `endstream` runs over the object stream after.
    const pdf = Buffer.from(
      buildPdf({ objectStream: true, catalog: '/OpenAction 4 0 R', objects: [js] })
        .toString('latin1')
        .replace(/(\d+ 0 obj\n<< \/Type \/ObjStm)/, '9 0 obj\n<< /Length 3 >>\nstream\nabc\nendobj\n$1'),
      'latin1',
    );
    expect(await inspectPdf(pdf)).toEqual({ kind: 'uncheckable', reason: 'streamHidden' });
    // A /Length that `endstream` follows but that runs over another object stream (a reader that ends
    // the first stream at its `endstream` reads that one): hidden, so not vouched for either.
    const text = buildPdf({ objectStream: true, catalog: '/OpenAction 4 0 R', objects: [js] })
      .toString('latin1')
      .replace(/(\d+ 0 obj\n<< \/Type \/ObjStm)/, '9 0 obj\n<< /Length 99 0 R >>\nstream\nab\nendstream\nendobj\n$1');
    const dataStart = text.indexOf('stream\nab') + 7;
    const over = text.indexOf('\nendstream', text.indexOf('/Type /ObjStm')) - dataStart;
    expect(await inspectPdf(Buffer.from(text.replace('startxref', `99 0 obj ${over} endobj\nstartxref`), 'latin1'))).toEqual({ kind: 'uncheckable', reason: 'streamHidden' });
  });

  it('reads 5 MB of hostile lengths and length objects in well under a second', async () => {
    const units = [
      `<< /Length 1 0 R /Length 3 0 R /Length 99999999999 /Length -1 >>\nstream\n${'x'.repeat(200)}\nendstream\n`,
      `<< /Length 7 /Length 3 0 R /Length 200 >>\nstream\n${'x'.repeat(200)}\nendstream\n`,
      '1 0 obj 5 endobj\n2 0 obj 6 endobj\n',
      '/Length 1 0 R '.repeat(50) + '>>stream\nx',
      '1 0 obj\n',
    ];
    for (const unit of units) {
      const filler = unit.repeat(Math.floor((5 * 1024 * 1024) / unit.length));
      // Length objects after the streams, so the index of them is built whole.
      const pdf = Buffer.from(`%PDF-1.7\n${filler}\n${'3 0 obj 7 endobj\n'.repeat(1000)}%%EOF\n`, 'latin1');
      const started = performance.now();
      await inspectPdf(pdf);
      expect(performance.now() - started, unit).toBeLessThan(1000);
    }
  });
});
