import { randomBytes } from 'node:crypto';
import { copyFile, readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cfbFile, deflated, deflatedZeros, rawZip, stored, unzipParts, zerosCrc, zipParts, type RawEntry } from '../../../test/fixtures/spreadsheets/zip-bytes.js';
import { exceljsWorkbook, FIXTURES, scratchDir } from '../../../test/fixtures/spreadsheets/workbooks.js';
import { XLSX_LIMITS } from './limits.js';
import { prescanXlsx } from './prescan.js';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let genuine: Buffer;

beforeAll(async () => {
  scratch = await scratchDir();
  genuine = await exceljsWorkbook((wb) => {
    wb.addWorksheet('曲目').addRow(['曲名', '長度']);
  });
});
afterAll(() => scratch.remove());

async function reasonOf(name: string, bytes: Buffer | string): Promise<string> {
  const result = await prescanXlsx(await scratch.file(name, bytes));
  return result.ok ? 'ok' : result.reason;
}

async function genuineWith(change: (parts: Map<string, Buffer>) => void): Promise<Buffer> {
  const parts = await unzipParts(genuine);
  change(parts);
  return zipParts(parts);
}

describe(prescanXlsx.name, () => {
  it.each(Object.entries({ libreoffice1900: FIXTURES.libreoffice1900, libreoffice1904: FIXTURES.libreoffice1904, gnumeric: FIXTURES.gnumeric, openpyxl: FIXTURES.openpyxl }))(
    'passes the genuine %s file',
    async (_name, path) => {
      expect(await prescanXlsx(path)).toMatchObject({ ok: true });
    },
  );

  it('passes an exceljs workbook, counting its entries and unpacked bytes', async () => {
    const result = await prescanXlsx(await scratch.file('exceljs.xlsx', genuine));
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.entries).toBeGreaterThan(5);
    expect(result.ok && result.unpackedBytes).toBeGreaterThan(genuine.length);
  });

  it('refuses an empty file and one over 10 MB', async () => {
    expect(await reasonOf('empty.xlsx', Buffer.alloc(0))).toBe('empty');
    const big = await scratch.file('big.xlsx', genuine);
    await truncate(big, 11 * 1024 * 1024);
    expect(await prescanXlsx(big)).toEqual({ ok: false, reason: 'too-large', detail: { sizeMb: 11, limitMb: 10 } });
  });

  it('names other formats renamed .xlsx', async () => {
    const renamed = async (from: string, to: string): Promise<string> => {
      const path = join(scratch.dir, to);
      await copyFile(from, path);
      const result = await prescanXlsx(path);
      return result.ok ? 'ok' : result.reason;
    };
    expect(await renamed(FIXTURES.libreofficeXls, 'xls.xlsx')).toBe('xls');
    expect(await renamed(FIXTURES.libreofficeEncryptedXls, 'encrypted-xls.xlsx')).toBe('encrypted');
    expect(await renamed(FIXTURES.libreofficeOds, 'ods.xlsx')).toBe('ods');
    expect(await renamed(FIXTURES.gnumericCsv, 'csv.xlsx')).toBe('text');
  });

  it('calls text in other encodings and HTML text, and random bytes not a zip', async () => {
    expect(await reasonOf('utf16.xlsx', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('曲名\t長度\r\n', 'utf16le')]))).toBe('text');
    expect(await reasonOf('big5.xlsx', Buffer.from([0xa6, 0xb1, 0xa6, 0x57, 0x2c, 0x31, 0x0d, 0x0a]))).toBe('text');
    expect(await reasonOf('html.xlsx', '<html><body><table><tr><td>曲名</td></tr></table></body></html>')).toBe('text');
    expect(await reasonOf('png.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe('not-a-zip');
  });

  it('tells an encrypted Office file (OLE with EncryptionInfo) from an .xls and from other OLE files', async () => {
    const encrypted = cfbFile([
      { name: 'EncryptionInfo', data: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]) },
      { name: 'EncryptedPackage', data: Buffer.alloc(5000, 0x5a) },
    ]);
    expect(await reasonOf('agile.xlsx', encrypted)).toBe('encrypted');
    // BOF then FILEPASS: an .xls with a password to open, in regular sectors this time.
    const bof = Buffer.from([0x09, 0x08, 0x04, 0x00, 0x00, 0x06, 0x05, 0x00]);
    const filepass = Buffer.from([0x2f, 0x00, 0x02, 0x00, 0x01, 0x00]);
    expect(await reasonOf('rc4.xlsx', cfbFile([{ name: 'Workbook', data: Buffer.concat([bof, filepass]) }]))).toBe('encrypted');
    expect(await reasonOf('biff.xlsx', cfbFile([{ name: 'Workbook', data: bof }]))).toBe('xls');
    expect(await reasonOf('doc.xlsx', cfbFile([{ name: 'WordDocument', data: Buffer.alloc(10) }]))).toBe('not-a-zip');
    const broken = Buffer.concat([encrypted.subarray(0, 512), Buffer.alloc(512, 0xff)]);
    expect(await reasonOf('broken-ole.xlsx', broken)).toBe('damaged');
  });

  it('names other packages by their parts', async () => {
    const types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
    expect(await reasonOf('xlsb.xlsx', rawZip([deflated('[Content_Types].xml', types), deflated('xl/workbook.bin', Buffer.alloc(100))]))).toBe('xlsb');
    expect(await reasonOf('numbers.xlsx', rawZip([deflated('Index/Document.iwa', Buffer.alloc(100)), deflated('Metadata/Properties.plist', 'x')]))).toBe('numbers');
    expect(await reasonOf('docx.xlsx', rawZip([deflated('[Content_Types].xml', types), deflated('word/document.xml', '<w:document/>')]))).toBe('docx');
    expect(await reasonOf('odt.xlsx', rawZip([stored('mimetype', 'application/vnd.oasis.opendocument.text'), deflated('content.xml', '<x/>')]))).toBe('missing-workbook');
    expect(await reasonOf('other.xlsx', rawZip([deflated('readme.txt', 'hello')]))).toBe('missing-workbook');
    const emptyZip = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...Buffer.alloc(18)]);
    expect(await reasonOf('empty-zip.xlsx', emptyZip)).toBe('missing-workbook');
  });

  it('refuses macro workbooks, by their VBA part or by their content type', async () => {
    const withVba = await genuineWith((parts) => parts.set('xl/vbaProject.bin', Buffer.alloc(64, 1)));
    expect(await reasonOf('vba.xlsx', withVba)).toBe('macro');
    const xlsmType = await genuineWith((parts) => {
      const types = parts.get('[Content_Types].xml')?.toString('utf8') ?? '';
      parts.set('[Content_Types].xml', Buffer.from(types.replace('spreadsheetml.sheet.main+xml', 'sheet.macroEnabled.main+xml')));
    });
    expect(await reasonOf('xlsm.xlsx', xlsmType)).toBe('macro');
  });

  it('refuses XML parts declaring a DOCTYPE or entities (billion laughs, external entities), also in UTF-16 and after a long prolog', async () => {
    const LAUGHS = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    const withPrefix = (path: string, prefix: Buffer) =>
      genuineWith((parts) => {
        const xml = parts.get(path)?.toString('utf8') ?? '';
        parts.set(path, Buffer.concat([prefix, Buffer.from(xml.replace(/^<\?xml[^>]*\?>/, ''), 'utf8')]));
      });
    const sheet = 'xl/worksheets/sheet1.xml';
    expect(await reasonOf('laughs.xlsx', await withPrefix(sheet, Buffer.from(LAUGHS)))).toBe('xml-declarations');
    const external = Buffer.from('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
    expect(await reasonOf('xxe.xlsx', await withPrefix('xl/workbook.xml', external))).toBe('xml-declarations');
    // 100 KB of comment first: the declaration is found wherever it stands, across chunk seams.
    const late = Buffer.from(`<?xml version="1.0"?><!--${'x'.repeat(100_000)}-->${LAUGHS.slice('<?xml version="1.0"?>'.length)}`);
    expect(await reasonOf('late.xlsx', await withPrefix(sheet, late))).toBe('xml-declarations');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x>', 'utf16le')]);
    expect(await reasonOf('utf16.xlsx', await withPrefix('_rels/.rels', utf16))).toBe('xml-declarations');
    // Escaped in a cell's text, as every writer stores it, the same words are only text.
    const asText = await genuineWith((parts) => {
      const xml = parts.get(sheet)?.toString('utf8') ?? '';
      parts.set(sheet, Buffer.from(xml.replace('</sheetData>', '<row r="9"><c r="A9" t="inlineStr"><is><t>&lt;!DOCTYPE html&gt; &lt;!ENTITY&gt;</t></is></c></row></sheetData>')));
    });
    expect(await reasonOf('text.xlsx', asText)).toBe('ok');
  });

  it('refuses a zip bomb (200 MB of zeros in one entry) by its ratio, without inflating it', async () => {
    const size = 200 * 1024 * 1024;
    const bomb = rawZip([
      deflated('[Content_Types].xml', '<Types/>'),
      deflated('xl/workbook.xml', '<workbook/>'),
      { name: 'xl/worksheets/sheet1.xml', data: await deflatedZeros(size), method: 8, crc: zerosCrc(size), size },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    expect(await prescanXlsx(await scratch.file('bomb.xlsx', bomb))).toMatchObject({ ok: false, reason: 'bomb', detail: { stage: 'ratio' } });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses a lying-header bomb (small declared sizes) by counting the bytes that really come out', async () => {
    const real = 20 * 1024 * 1024;
    // Declares 1,000 bytes (under the ratio threshold), really inflates to 20 MB.
    const liar: RawEntry = { name: 'xl/worksheets/sheet1.xml', data: await deflatedZeros(real), method: 8, crc: zerosCrc(real), size: 1000 };
    const file = rawZip([deflated('[Content_Types].xml', '<Types/>'), deflated('xl/workbook.xml', '<workbook/>'), liar]);
    expect(await prescanXlsx(await scratch.file('liar.xlsx', file))).toMatchObject({ ok: false, reason: 'bomb', detail: { stage: 'actual' } });
  });

  it('refuses entries declared over 50 MB and totals over the limit', async () => {
    // 1 MB of noise declared as 60 MB: a ratio of 60 passes, the entry's size does not.
    const declaredHuge: RawEntry = { ...deflated('xl/media/image1.png', randomBytes(1024 * 1024)), size: 60 * 1024 * 1024 };
    const file = rawZip([deflated('xl/workbook.xml', '<workbook/>'), declaredHuge]);
    expect(await prescanXlsx(await scratch.file('huge.xlsx', file))).toMatchObject({ ok: false, reason: 'too-large-unpacked', detail: { stage: 'declared', limitMb: 50 } });
    const path = await scratch.file('total.xlsx', genuine);
    expect(await prescanXlsx(path, { ...XLSX_LIMITS, maxTotalBytes: 2000 })).toMatchObject({ ok: false, reason: 'too-large-unpacked' });
  });

  it('refuses more than 500 entries from the central directory alone', async () => {
    const many = rawZip(Array.from({ length: 501 }, (_, i) => stored(`xl/part${i}.xml`, 'x')));
    expect(await prescanXlsx(await scratch.file('many.xlsx', many))).toEqual({ ok: false, reason: 'too-many-entries', detail: { entries: 501, limit: 500 } });
  });

  it('refuses a bad CRC, flipped compressed data and an entry shorter than declared', async () => {
    const parts = await unzipParts(genuine);
    const entries = [...parts].map(([name, content]) => deflated(name, content));
    const wrongCrc = entries.map((e) => (e.name === 'xl/workbook.xml' ? { ...e, crc: (e.crc ^ 1) >>> 0 } : e));
    expect(await prescanXlsx(await scratch.file('crc.xlsx', rawZip(wrongCrc)))).toMatchObject({ ok: false, reason: 'bad-crc', detail: { stage: 'crc', entry: 'xl/workbook.xml' } });
    const flipped = entries.map((e) => {
      if (e.name !== 'xl/worksheets/sheet1.xml') {
        return e;
      }
      const data = Buffer.from(e.data);
      const middle = Math.floor(data.length / 2);
      data.writeUInt8((data[middle] ?? 0) ^ 0xff, middle);
      return { ...e, data };
    });
    // Damaged deflate data either fails to inflate, inflates to the wrong bytes, or to more bytes than
    // declared — which is all a lying-header bomb is: refused in every case.
    expect(['bad-crc', 'bomb']).toContain(await reasonOf('flipped.xlsx', rawZip(flipped)));
    const storedFlip = entries.map((e) => (e.name === 'xl/workbook.xml' ? { ...stored(e.name, parts.get(e.name) ?? ''), crc: e.crc } : e));
    const workbookEntry = storedFlip.find((e) => e.name === 'xl/workbook.xml');
    workbookEntry?.data.writeUInt8((workbookEntry.data[10] ?? 0) ^ 0xff, 10);
    expect(await reasonOf('stored-flip.xlsx', rawZip(storedFlip))).toBe('bad-crc');
    const short = entries.map((e) => (e.name === 'xl/workbook.xml' ? { ...e, size: e.size + 10 } : e));
    expect(await reasonOf('short.xlsx', rawZip(short))).toBe('bad-crc');
  });

  it('refuses damaged archives and ambiguous or unsafe entry names', async () => {
    expect(await reasonOf('cut.xlsx', genuine.subarray(0, Math.floor(genuine.length / 2)))).toBe('damaged');
    const base = [deflated('[Content_Types].xml', '<Types/>'), deflated('xl/workbook.xml', '<workbook/>')];
    expect(await reasonOf('dup.xlsx', rawZip([...base, deflated('XL/Workbook.xml', '<workbook/>')]))).toBe('damaged');
    expect(await reasonOf('dotdot.xlsx', rawZip([...base, deflated('../evil.xml', 'x')]))).toBe('damaged');
    expect(await reasonOf('absolute.xlsx', rawZip([...base, deflated('/etc/evil.xml', 'x')]))).toBe('damaged');
    expect(await reasonOf('backslash.xlsx', rawZip([...base, deflated('xl\\evil.xml', 'x')]))).toBe('damaged');
    expect(await reasonOf('zipcrypto.xlsx', rawZip([...base, { ...deflated('xl/styles.xml', 'x'), flags: 1 }]))).toBe('encrypted');
  });

  it('reads no more of a file than it needs: the committed fixtures stay as they are', async () => {
    const before = await readFile(FIXTURES.gnumeric);
    await prescanXlsx(FIXTURES.gnumeric);
    expect(await readFile(FIXTURES.gnumeric)).toEqual(before);
  });
});
