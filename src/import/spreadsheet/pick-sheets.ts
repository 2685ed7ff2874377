import { headingKey } from './find-table.js';
import type { SheetData, WorkbookData } from './workbook.js';

/**
 * The template's sheets by name (zh-TW or English, compared like headings). Other visible sheets
 * are reported so the preview can warn that they are not imported; hidden ones (the template's
 * lists for drop-downs) are not.
 */
export interface PickedSheets<K extends string> {
  sheets: Partial<Record<K, SheetData>>;
  missing: K[];
  extra: string[];
}

export function pickSheets<K extends string>(workbook: WorkbookData, names: Readonly<Record<K, readonly string[]>>): PickedSheets<K> {
  const keys = Object.keys(names) as K[];
  const sheets: Partial<Record<K, SheetData>> = {};
  const used = new Set<SheetData>();
  for (const key of keys) {
    const wanted = new Set(names[key].map(headingKey));
    const sheet = workbook.sheets.find((s) => !used.has(s) && wanted.has(headingKey(s.name)));
    if (sheet !== undefined) {
      sheets[key] = sheet;
      used.add(sheet);
    }
  }
  return {
    sheets,
    missing: keys.filter((key) => sheets[key] === undefined),
    extra: workbook.sheets.filter((s) => !used.has(s) && s.state === 'visible' && s.rows.length > 0).map((s) => s.name),
  };
}
