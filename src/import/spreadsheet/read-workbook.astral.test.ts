import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exceljsWorkbook, scratchDir } from '../../../test/fixtures/spreadsheets/workbooks.js';
import { unzipParts, zipParts } from '../../../test/fixtures/spreadsheets/zip-bytes.js';
import { cellText } from './cells.js';
import { createWorkbookReader, type WorkbookReader } from './read-workbook.js';

let reader: WorkbookReader;
let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => {
  reader = createWorkbookReader({ warm: false });
  scratch = await scratchDir();
});
afterAll(async () => {
  reader.close();
  await scratch.remove();
});

describe('characters above U+FFFF written as numeric references (openpyxl’s emoji)', () => {
  it('reads an inline string and a shared string holding &#x1F3B5; / &#127926; as the emoji, not as U+F3B5', async () => {
    const written = await exceljsWorkbook((wb) => {
      const sheet = wb.addWorksheet('曲目');
      sheet.getCell('A1').value = '曲名';
      sheet.getCell('A2').value = 'SHARED';
    });
    const parts = await unzipParts(written);
    const sheetXml = parts.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
    const strings = parts.get('xl/sharedStrings.xml')?.toString('utf8') ?? '';
    expect(strings).toContain('SHARED');
    parts.set('xl/sharedStrings.xml', Buffer.from(strings.replace('SHARED', '歌 &#127926; &#x4E2D;')));
    // An inline string as openpyxl writes it (t="inlineStr"), in a cell exceljs left empty.
    parts.set('xl/worksheets/sheet1.xml', Buffer.from(sheetXml.replace('</sheetData>', '<row r="3"><c r="A3" t="inlineStr"><is><t>&#x1F3B5; 星光</t></is></c></row></sheetData>')));
    const read = await reader.read(await scratch.file('astral.xlsx', zipParts(parts)));
    if (!read.ok) {
      throw new Error(`refused: ${read.reason}`);
    }
    const rows = read.workbook.sheets[0]?.rows ?? [];
    expect(cellText(rows[2]?.[0] ?? null)).toEqual({ ok: true, value: '🎵 星光' });
    expect(cellText(rows[1]?.[0] ?? null)).toEqual({ ok: true, value: '歌 🎶 中' });
  });
});
