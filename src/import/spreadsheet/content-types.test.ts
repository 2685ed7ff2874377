import { describe, expect, it } from 'vitest';
import { declaresMacros } from './content-types.js';

const types = (body: string) => `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${body}</Types>`;
const WORKBOOK = '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>';
// What SheetJS writes into every .xlsx, with no .bin part.
const BIN_DEFAULT = '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>';

describe(declaresMacros.name, () => {
  it('ignores a macro-enabled Default for an extension no part has (SheetJS)', () => {
    expect(declaresMacros(types(BIN_DEFAULT + WORKBOOK), ['xl/workbook.xml', '[content_types].xml'])).toBe(false);
  });

  it('counts that Default once a part has the extension', () => {
    expect(declaresMacros(types(BIN_DEFAULT + WORKBOOK), ['xl/workbook.xml', 'xl/macros.bin'])).toBe(true);
  });

  it('counts a macro-enabled Override (.xlsm renamed .xlsx)', () => {
    expect(declaresMacros(types('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>'), ['xl/workbook.xml'])).toBe(true);
    expect(declaresMacros(types(WORKBOOK), ['xl/workbook.xml'])).toBe(false);
  });
});
