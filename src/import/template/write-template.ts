/**
 * Writes the import template (批次上傳範本) and album exports with exceljs, from the column spec in
 * columns.ts: headings (required ones marked `*`) with a note giving the format, a drop-down for every
 * vocabulary and yes/no column, every column but 曲目序號 typed as text (numFmt '@', so an ISRC, a
 * date or a duration stays as typed), a frozen heading row, an instructions sheet, and the drop-down
 * values on a hidden sheet.
 */
import ExcelJS from 'exceljs';
import type { Term } from '../../catalog/vocabularies.js';
import { YES_NO_VALUES } from './cell-values.js';
import { CATALOGUE_LIMITS, headingOf, SHEET_NAMES, templateColumns, type SheetKey, type TemplateColumn, type TemplateKind, type TemplateLang } from './columns.js';
import { exampleRows } from './examples.js';
import { sheetText } from '../../export/xlsx.js';
import type { TemplateRow } from './album-rows.js';
import { writeInstructions } from './instructions.js';

export interface TemplateOptions {
  lang: TemplateLang;
  kind: TemplateKind;
  /** The rows to write (an export); without them the template's example rows are written. */
  rows?: { album: readonly TemplateRow<'album'>[]; tracks: readonly TemplateRow<'tracks'>[] };
}

/** Rows the drop-downs and text formats reach, beyond the rows written. */
const DATA_ROWS: Readonly<Record<SheetKey, Record<TemplateKind, number>>> = {
  album: { album: 10, catalogue: CATALOGUE_LIMITS.albums },
  tracks: { album: 1000, catalogue: CATALOGUE_LIMITS.tracks },
};

const HEADING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
/** Dark grey on white: contrast 7:1. */
const EXAMPLE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF595959' } };

interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

/** exceljs keeps a worksheet's validations at runtime but leaves them out of its typings. */
function validationsOf(sheet: ExcelJS.Worksheet): DataValidations {
  const candidate: unknown = Reflect.get(sheet, 'dataValidations');
  if (typeof candidate !== 'object' || candidate === null || typeof Reflect.get(candidate, 'add') !== 'function') {
    throw new Error('exceljs worksheet without dataValidations');
  }
  return candidate as DataValidations;
}

const quoteSheet = (name: string): string => `'${name.replaceAll("'", "''")}'`;

/** The drop-down values, one column per vocabulary, on the hidden sheet written last. */
class ListSheet {
  private readonly columns = new Map<readonly Term[], { index: number; heading: string }>();
  constructor(private readonly lang: TemplateLang) {}

  get name(): string {
    return SHEET_NAMES.lists[this.lang];
  }

  /** The absolute range of a vocabulary's labels, e.g. '選單'!$A$2:$A$11. */
  range(terms: readonly Term[], heading: string): string {
    let column = this.columns.get(terms);
    if (column === undefined) {
      column = { index: this.columns.size + 1, heading };
      this.columns.set(terms, column);
    }
    const letter = columnLetter(column.index);
    return `${quoteSheet(this.name)}!$${letter}$2:$${letter}$${terms.length + 1}`;
  }

  write(workbook: ExcelJS.Workbook): void {
    const sheet = workbook.addWorksheet(this.name, { state: 'hidden' });
    for (const [terms, { index, heading }] of this.columns) {
      sheet.getColumn(index).width = 24;
      sheet.getCell(1, index).value = heading;
      terms.forEach((term, i) => {
        const cell = sheet.getCell(i + 2, index);
        cell.value = this.lang === 'zh-TW' ? term.zh : term.en;
        cell.numFmt = '@';
      });
    }
  }
}

/** 1 → A, 27 → AA. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function validationFor(column: TemplateColumn, lang: TemplateLang, lists: ListSheet): ExcelJS.DataValidation | undefined {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: column.heading[lang] };
  const pick = lang === 'zh-TW' ? '請由選單選擇。' : 'Please choose from the list.';
  switch (column.kind.type) {
    case 'yesNo':
      return { ...common, type: 'list', formulae: [`"${YES_NO_VALUES[lang].join(',')}"`], error: pick };
    case 'vocabulary':
      return { ...common, type: 'list', formulae: [lists.range(column.kind.terms, column.heading[lang])], error: pick };
    case 'integer':
      return {
        ...common,
        type: 'whole',
        operator: 'between',
        formulae: [column.kind.min, column.kind.max],
        error: lang === 'zh-TW' ? `請輸入 ${column.kind.min} 至 ${column.kind.max} 的整數。` : `Enter a whole number from ${column.kind.min} to ${column.kind.max}.`,
      };
    case 'text':
    case 'albumKey':
    case 'isrc':
    case 'date':
    case 'duration':
    case 'credits':
      return undefined;
  }
}

function headingNote(column: TemplateColumn, lang: TemplateLang): string | undefined {
  const required = column.required ? (lang === 'zh-TW' ? '必填。' : 'Required.') : '';
  const text = `${required}${column.note === undefined ? '' : column.note[lang]}`;
  return text === '' ? undefined : text;
}

function writeDataSheet<S extends SheetKey>(workbook: ExcelJS.Workbook, sheetKey: S, options: TemplateOptions, rows: readonly TemplateRow<S>[], example: boolean, lists: ListSheet): void {
  const { lang, kind } = options;
  const columns = templateColumns(sheetKey, kind);
  const sheet = workbook.addWorksheet(SHEET_NAMES[sheetKey][lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  const lastRow = Math.max(DATA_ROWS[sheetKey][kind], rows.length) + 1;
  const validations = validationsOf(sheet);
  columns.forEach((column, i) => {
    const excelColumn = sheet.getColumn(i + 1);
    excelColumn.width = column.width;
    if (column.kind.type !== 'integer') {
      excelColumn.numFmt = '@';
    }
    const heading = sheet.getCell(1, i + 1);
    heading.value = headingOf(column, lang);
    heading.font = { bold: true };
    heading.fill = HEADING_FILL;
    heading.alignment = { vertical: 'middle', wrapText: true };
    const note = headingNote(column, lang);
    if (note !== undefined) {
      heading.note = note;
    }
    const validation = validationFor(column, lang, lists);
    if (validation !== undefined) {
      validations.add(`${excelColumn.letter}2:${excelColumn.letter}${lastRow}`, validation);
    }
  });
  sheet.getRow(1).height = 32;
  rows.forEach((row, r) => {
    columns.forEach((column, i) => {
      const value = row[column.key];
      if (value === undefined) {
        return;
      }
      const cell = sheet.getCell(r + 2, i + 1);
      // 曲目序號 is a number; every other cell a string, never a formula (exceljs writes strings as text).
      cell.value = column.kind.type === 'integer' && /^\d+$/.test(value) ? Number(value) : sheetText(value);
      if (example) {
        cell.font = EXAMPLE_FONT;
      }
    });
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** The template (with its example rows) or an export (with the given rows), as an .xlsx file. */
export async function writeTemplate(options: TemplateOptions): Promise<Buffer> {
  const { lang, kind } = options;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ISRC';
  const example = options.rows === undefined;
  const albumRows = options.rows?.album ?? exampleRows('album', kind, lang);
  const trackRows = options.rows?.tracks ?? exampleRows('tracks', kind, lang);
  const lists = new ListSheet(lang);
  // Tab order: the album, its tracks, the instructions, then the hidden lists.
  writeDataSheet(workbook, 'album', options, albumRows, example, lists);
  writeDataSheet(workbook, 'tracks', options, trackRows, example, lists);
  writeInstructions(workbook, options, example);
  lists.write(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
