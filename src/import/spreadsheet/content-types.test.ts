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

  it('reads the attribute in single quotes and with spaces around =, as XML allows', () => {
    expect(declaresMacros(types(`<Override PartName='/xl/workbook.xml' ContentType='application/vnd.ms-excel.sheet.macroEnabled.main+xml'/>`), ['xl/workbook.xml'])).toBe(true);
    expect(declaresMacros(types('<Override PartName="/xl/workbook.xml" ContentType = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>'), ['xl/workbook.xml'])).toBe(true);
    expect(declaresMacros(types(`<Default Extension = 'BIN' ContentType='application/vnd.ms-office.vbaProject'/>`), ['xl/vbaproject.bin'])).toBe(false);
    expect(declaresMacros(types(`<Default Extension = 'BIN' ContentType='application/vnd.ms-excel.sheet.binary.macroEnabled.main'/>`), ['xl/x.bin'])).toBe(true);
  });

  it('stays linear on a hostile part of unclosed tags (256 KB)', () => {
    const started = performance.now();
    expect(declaresMacros('<Default '.repeat(29_000), ['xl/workbook.xml'])).toBe(false);
    // Quadratic, this took seconds; linear, a few milliseconds (generous bound for a loaded machine).
    expect(performance.now() - started).toBeLessThan(500);
  });
});
