/**
 * Reading a downloaded .xlsx back in tests with SheetJS (the importer's reader), plus the parts
 * SheetJS does not expose (data validations, frozen panes, column styles) from the zip's XML.
 */
import * as XLSX from '@e965/xlsx';
import { unzipParts } from '../fixtures/spreadsheets/zip-bytes.js';

export interface ReadBack {
  workbook: XLSX.WorkBook;
  /** Row arrays of a sheet's displayed values (strings and numbers), from row 1. */
  rows(sheet: string): (string | number | boolean | null)[][];
  cell(sheet: string, address: string): XLSX.CellObject | undefined;
  /** The raw XML of a sheet (by name), e.g. for <dataValidation> and <pane>. */
  sheetXml(sheet: string): string;
}

export async function readXlsx(body: Buffer): Promise<ReadBack> {
  const workbook = XLSX.read(body, { type: 'buffer', cellDates: false, cellNF: true, cellStyles: true });
  const parts = await unzipParts(body);
  const sheetOf = (name: string): XLSX.WorkSheet => {
    const sheet = workbook.Sheets[name];
    if (sheet === undefined) {
      throw new Error(`no sheet ${name}: ${workbook.SheetNames.join(', ')}`);
    }
    return sheet;
  };
  return {
    workbook,
    rows: (name) => XLSX.utils.sheet_to_json<(string | number | boolean | null)[]>(sheetOf(name), { header: 1, defval: null, blankrows: false }),
    cell: (name, address) => sheetOf(name)[address] as XLSX.CellObject | undefined,
    sheetXml(name) {
      const index = workbook.SheetNames.indexOf(name);
      // exceljs names the parts in sheet order.
      const part = parts.get(`xl/worksheets/sheet${index + 1}.xml`);
      if (part === undefined || index < 0) {
        throw new Error(`no XML for sheet ${name}`);
      }
      return part.toString('utf8');
    },
  };
}

export interface Validation {
  type: string;
  sqref: string;
  formula: string;
}

/** The sheet's <dataValidation> elements. */
export function validationsIn(xml: string): Validation[] {
  return [...xml.matchAll(/<dataValidation ([^>]*)>\s*<formula1>([^<]*)<\/formula1>/g)].map((m) => {
    const attrs = m[1] ?? '';
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1] ?? '';
    const formula = (m[2] ?? '').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
    return { type: attr('type'), sqref: attr('sqref'), formula };
  });
}

/** A 0-based column index as a letter (0 → A). */
export function letter(index: number): string {
  return XLSX.utils.encode_col(index);
}
