import ExcelJS from 'exceljs';
import type { Table } from './table.js';

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
    const added = sheet.addRow(table.columns.map((c) => c.value(row)));
    added.eachCell((cell) => {
      if (typeof cell.value === 'string') {
        cell.numFmt = '@';
      }
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
