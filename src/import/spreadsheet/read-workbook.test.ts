import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exceljsWorkbook, FIXTURES, scratchDir } from '../../../test/fixtures/spreadsheets/workbooks.js';
import { unzipParts, zipParts } from '../../../test/fixtures/spreadsheets/zip-bytes.js';
import { cellCode, cellDate, cellDuration, cellText, cellYesNo, type CellResult } from './cells.js';
import { findTable, type TableRow, type TableSpec } from './find-table.js';
import { createWorkbookReader, readWorkbook, type ReadResult, type WorkbookReader } from './read-workbook.js';
import type { WorkbookData } from './workbook.js';
import { readUploadedWorkbook } from './index.js';

type Key = 'no' | 'isrc' | 'title' | 'date' | 'duration' | 'cited' | 'notes';
const SPEC: TableSpec<Key> = {
  no: { headings: ['曲目序號*'], required: true },
  isrc: { headings: ['ISRC'] },
  title: { headings: ['曲名*'], required: true },
  date: { headings: ['發行日期'] },
  duration: { headings: ['長度'] },
  cited: { headings: ['是否為引用'] },
  notes: { headings: ['備註'] },
};

const shown = <T>(result: CellResult<T>): T | string | null => (result.ok ? result.value : `!${result.reason}`);

function convert(row: TableRow<Key>, date1904: boolean): Record<string, unknown> {
  const c = row.cells;
  return {
    row: row.rowNumber,
    isrc: shown(cellCode(c.isrc)),
    title: shown(cellText(c.title)),
    date: shown(cellDate(c.date, date1904)),
    duration: shown(cellDuration(c.duration)),
    cited: shown(cellYesNo(c.cited)),
    notes: shown(cellText(c.notes)),
  };
}

function workbookOf(result: ReadResult): WorkbookData {
  if (!result.ok) {
    throw new Error(`refused: ${result.reason} ${JSON.stringify(result.detail)}`);
  }
  return result.workbook;
}

function rowsOf(workbook: WorkbookData): Record<string, unknown>[] {
  const sheet = workbook.sheets[0];
  if (sheet === undefined) {
    throw new Error('no sheet');
  }
  return findTable(sheet, SPEC).rows.map((row) => convert(row, workbook.date1904));
}

let reader: WorkbookReader;
let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => {
  reader = createWorkbookReader();
  scratch = await scratchDir();
});
afterAll(async () => {
  reader.close();
  await scratch.remove();
});

const LIBREOFFICE_ROWS = [
  { row: 3, isrc: 'TWA122600001', title: '星光大道', date: '2026-01-02', duration: 205, cited: false, notes: null },
  { row: 4, isrc: '00042', title: '夜曲', date: '2026-01', duration: 91800, cited: true, notes: '前後空白' },
  { row: 5, isrc: '!code-as-number', title: 'ABC 123', date: '2026-01-02', duration: 245, cited: false, notes: '3-x' },
  { row: 7, isrc: 'TWA122600004', title: '第四首', date: '1904-01-01', duration: 800, cited: true, notes: null },
];

describe('reading files from other producers', () => {
  it('reads LibreOffice’s 1900 and 1904 date systems to the same values (rich text, hyperlink, formula result, blank row)', async () => {
    const [book1900, book1904] = await Promise.all([reader.read(FIXTURES.libreoffice1900), readWorkbook(FIXTURES.libreoffice1904)]).then((r) => r.map(workbookOf));
    expect([book1900?.date1904, book1904?.date1904]).toEqual([false, true]);
    expect(book1900?.sheets.map((s) => s.name)).toEqual(['批次上傳曲目頁面欄位', 'merged']);
    // Counted from the cells: 7 rows, the blank 6th one kept as [] so row numbers stay Excel's.
    expect(book1900?.sheets[0]?.rows.map((r) => r.length)).toEqual([1, 7, 6, 7, 7, 0, 6]);
    expect(rowsOf(book1900!)).toEqual(LIBREOFFICE_ROWS);
    expect(rowsOf(book1904!)).toEqual(LIBREOFFICE_ROWS);
    expect(findTable(book1904!.sheets[0]!, SPEC).headingRow).toBe(2);
    expect(findTable(book1904!.sheets[1]!, { title: { headings: ['曲名'] }, duration: { headings: ['長度'] } }).issues).toEqual([
      { code: 'merged-cells', severity: 'error', range: 'A2:A3' },
    ]);
  });

  it('reads Gnumeric’s CSV import: a code turned number and 3:25 turned 3 hours are refused, not guessed', async () => {
    const book = workbookOf(await reader.read(FIXTURES.gnumeric));
    expect(rowsOf(book)).toEqual([
      { row: 2, isrc: '!code-as-number', title: '晨光', date: '2026-01-02', duration: 205, cited: false, notes: null },
      { row: 3, isrc: 'TWA122600002', title: '暮色', date: '2026-01-03', duration: 3723, cited: true, notes: null },
      { row: 4, isrc: 'TWA122600003', title: '含,逗號', date: '2026-01', duration: '!duration-hours-minutes', cited: true, notes: null },
    ]);
  });

  it('reads openpyxl’s t="d" dates, timedelta durations and inline strings; a formula without a cached value (<v></v>) is refused', async () => {
    const book = workbookOf(await reader.read(FIXTURES.openpyxl));
    expect(rowsOf(book)).toEqual([
      { row: 2, isrc: 'TWA122600001', title: '晨光', date: '2026-01-02', duration: 205, cited: null, notes: null },
      { row: 3, isrc: 'TWA122600002', title: '暮色', date: '2025-12-31', duration: 91800, cited: null, notes: null },
      { row: 4, isrc: 'TWA122600003', title: '沒有快取值的公式', date: '1900-03-01', duration: '!formula-not-calculated', cited: null, notes: null },
    ]);
  });
});

describe(readUploadedWorkbook.name, () => {
  it('pre-scans before it parses: a CSV never reaches the parser', async () => {
    const csv = await scratch.file('renamed.xlsx', await readFile(FIXTURES.gnumericCsv));
    expect(await readUploadedWorkbook(reader, csv)).toMatchObject({ ok: false, reason: 'text', stats: { cells: 0 } });
    expect(await readUploadedWorkbook(reader, FIXTURES.gnumeric)).toMatchObject({ ok: true, stats: { cells: 24 } });
  });
});

describe('reading what exceljs writes', () => {
  it('counts rows from the cells when <dimension> lies, keeps sheet states, rich text, links, results and errors', async () => {
    const written = await exceljsWorkbook((wb) => {
      const sheet = wb.addWorksheet('曲目');
      sheet.getCell('C5').value = { richText: [{ text: '星' }, { text: '光', font: { bold: true } }] };
      sheet.getCell('D5').value = { text: '連結', hyperlink: 'https://example.org/' };
      sheet.getCell('E5').value = { formula: 'C5&"!"', result: '星光!' };
      sheet.getCell('F5').value = { error: '#N/A' };
      sheet.getCell('C40').value = true;
      wb.addWorksheet('清單', { state: 'hidden' }).addRow(['是', '否']);
    });
    const parts = await unzipParts(written);
    const sheetXml = parts.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
    expect(sheetXml).toMatch(/<dimension ref="[^"]+"\/>/);
    parts.set('xl/worksheets/sheet1.xml', Buffer.from(sheetXml.replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:A1"/>')));
    const book = workbookOf(await reader.read(await scratch.file('lying-dimension.xlsx', zipParts(parts))));
    const [tracks, lists] = book.sheets;
    expect(tracks?.rows).toHaveLength(40);
    expect(tracks?.rows[4]?.slice(2)).toEqual([
      { v: '星光', t: 's' },
      { v: '連結', t: 's' },
      { v: '星光!', t: 's' },
      { v: '#N/A', t: 'e' },
    ]);
    expect(tracks?.rows[39]).toEqual([null, null, { v: true, t: 'b', w: 'TRUE' }]);
    expect(lists?.state).toBe('hidden');
  });
});

describe('a child that cannot finish', () => {
  async function largeWorkbook(rows: number): Promise<string> {
    const data = Array.from({ length: rows }, (_, r) => Array.from({ length: 30 }, (_, c) => (c % 2 === 0 ? `曲目 ${r}-${c}` : r * c)));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(data), 'big');
    return scratch.file(`large-${rows}.xlsx`, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
  }

  it('is refused as too complex past its deadline, its memory, its heap or its cell budget — the server goes on', async () => {
    const large = await largeWorkbook(3000);
    const [late, fat, heap, cells] = await Promise.all([
      readWorkbook(large, { timeoutMs: 50 }),
      readWorkbook(large, { maxRssMb: 40 }),
      readWorkbook(large, { maxHeapMb: 16 }),
      readWorkbook(large, { maxCells: 1000 }),
    ]);
    expect(late).toMatchObject({ ok: false, reason: 'too-complex', detail: { cause: 'timeout' } });
    expect(fat).toMatchObject({ ok: false, reason: 'too-complex', detail: { cause: 'memory' } });
    expect(heap).toMatchObject({ ok: false, reason: 'too-complex', detail: { cause: 'heap' } });
    expect(cells).toMatchObject({ ok: false, reason: 'too-complex', detail: { cause: 'cells', limit: 1000 } });
    const fine = await reader.read(large);
    expect(fine.ok && fine.stats).toMatchObject({ cells: 90_000 });
    expect(fine.stats.peakRssMb).toBeGreaterThan(30);
  }, 60_000);

  it('stops at once when the upload it reads is abandoned: the child killed, the read refused as aborted, the turn free', async () => {
    const large = await largeWorkbook(3000);
    const own = createWorkbookReader({ warm: false });
    try {
      const abandon = new AbortController();
      const read = own.read(large, 'user-1', abandon.signal);
      setTimeout(() => abandon.abort(), 50);
      expect(await read).toMatchObject({ ok: false, reason: 'unreadable', detail: { cause: 'aborted' } });
      const again = await own.read(large, 'user-1');
      expect(again.ok).toBe(true);
    } finally {
      own.close();
    }
  }, 60_000);

  it('is refused as unreadable when SheetJS cannot make sense of it, when it has no sheet or is not a zip', async () => {
    const parts = await unzipParts(await exceljsWorkbook((wb) => wb.addWorksheet('a').addRow(['x'])));
    const garbled = new Map(parts).set('xl/workbook.xml', Buffer.from('<<<not xml'));
    const noSheets = new Map(parts).set('xl/workbook.xml', Buffer.from('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>'));
    const [bad, empty, csv] = await Promise.all([
      reader.read(await scratch.file('garbled.xlsx', zipParts(garbled))),
      readWorkbook(await scratch.file('no-sheets.xlsx', zipParts(noSheets))),
      readWorkbook(FIXTURES.gnumericCsv),
    ]);
    expect(bad).toMatchObject({ ok: false, reason: 'unreadable', detail: { cause: 'parse' } });
    expect(empty).toMatchObject({ ok: false, reason: 'unreadable', detail: { cause: 'no-sheets' } });
    expect(csv).toMatchObject({ ok: false, reason: 'unreadable', detail: { cause: 'not-zip' } });
  }, 60_000);
});
