import ExcelJS from 'exceljs';
import type { Table } from './table.js';

/** Excel refuses a workbook holding a cell longer than this many characters. */
export const XLSX_CELL_MAX_CHARS = 32767;

// What XML 1.0 cannot carry (exceljs drops C0 controls itself but writes U+FFFE/U+FFFF and lone surrogates as they are).
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * OOXML's escape for a character (ST_Xstring): Excel, SheetJS and our import read `_x0041_` in a
 * cell as "A" (SheetJS also `_X0041_`), so text that holds such a sequence literally has its
 * underscore escaped (`_x005F_`), which exceljs does not do.
 */
const OOXML_ESCAPE = /_x[0-9A-F]{4}_/gi;

/**
 * Stored text as a cell Excel opens: characters XML cannot carry removed, cut to 32,767 characters
 * with an ellipsis, and `_xHHHH_` escaped so it reads back as written.
 */
export function sheetText(value: string): string {
  const clean = value.replace(NOT_XML_CHAR, '');
  const cut = clean.length <= XLSX_CELL_MAX_CHARS ? clean : `${clean.slice(0, XLSX_CELL_MAX_CHARS - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
  // After the cut: the limit is on the text Excel shows, and the escape is read back as one character.
  return cut.replace(OOXML_ESCAPE, '_x005F$&');
}

/**
 * One sheet, header row bold and frozen, every text cell typed as text (numFmt '@') so codes like
 * "00042" or "A01" stay as written. Text is stored as a string cell, never as a formula.
 */
export async function toXlsx<Row>(table: Table<Row>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(
      table.columns.map((c) => {
        const value = c.value(row);
        return typeof value === 'string' ? sheetText(value) : value;
      }),
    );
    added.eachCell((cell) => {
      if (typeof cell.value === 'string') {
        cell.numFmt = '@';
      }
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
