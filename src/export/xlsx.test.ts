import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetText, toXlsx, XLSX_CELL_MAX_CHARS } from './xlsx.js';

describe('xlsx export', () => {
  it('writes a header row and text cells that stay text (no formulas, leading zeros kept)', async () => {
    const buffer = await toXlsx({
      sheet: '登記者',
      columns: [
        { header: '代碼', value: (r: { code: string; n: number }) => r.code },
        { header: '數量', value: (r) => r.n },
      ],
      rows: [
        { code: '007', n: 3 },
        { code: '=1+1', n: 4 },
      ],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
    const sheet = workbook.getWorksheet('登記者');
    expect(sheet?.getRow(1).values).toEqual([undefined, '代碼', '數量']);
    expect(sheet?.getCell('A2').value).toBe('007');
    expect(sheet?.getCell('A3').value).toBe('=1+1');
    expect(sheet?.getCell('A3').formula).toBeUndefined();
    expect(sheet?.getCell('B3').value).toBe(4);
  });

  it('writes stored text XML cannot carry or Excel cannot hold as a cell Excel opens', async () => {
    expect(sheetText('a\u0001b\ufffec\uffff\ud800d')).toBe('abcd');
    expect(sheetText('🎵 e\u0301 \u202eRTL')).toBe('🎵 e\u0301 \u202eRTL');
    const long = sheetText('🎵'.repeat(XLSX_CELL_MAX_CHARS));
    expect(long).toHaveLength(XLSX_CELL_MAX_CHARS);
    expect(long.endsWith('🎵…')).toBe(true);
    const buffer = await toXlsx({ sheet: 's', columns: [{ header: 'h', value: (r: string) => r }], rows: ['x\ufffey'] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
    expect(workbook.getWorksheet('s')?.getCell('A2').value).toBe('xy');
  });

  it("escapes text that looks like OOXML's _xHHHH_ escape, so Excel and the import read it as written", async () => {
    const values = ['_x0041_ title', 'a_x005F_b', '_x0041__x0042_', '_x004g_', '_X0041_'];
    expect(sheetText('_x0041_ title')).toBe('_x005F_x0041_ title');
    const buffer = await toXlsx({ sheet: 's', columns: [{ header: 'h', value: (r: string) => r }], rows: values });
    const read = XLSX.read(buffer, { type: 'buffer' });
    const cells = XLSX.utils
      .sheet_to_json<string[]>(read.Sheets.s!, { header: 1 })
      .slice(1)
      .map((row) => row[0]);
    expect(cells).toEqual(values);
  });
});
