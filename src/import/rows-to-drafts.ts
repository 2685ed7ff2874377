import type { AlbumFields, CreditLine, RecordingFields } from '../catalog/catalog.schemas.js';
import type { ReleaseType } from '../catalog/vocabularies.js';
import {
  cellCode,
  cellDate,
  cellDuration,
  cellRefusalMessage,
  cellText,
  cellYesNo,
  findTable,
  pickSheets,
  tableIssueMessage,
  type Cell,
  type CellResult,
  type FoundTable,
  type SheetData,
  type WorkbookData,
} from './spreadsheet/index.js';
import {
  formatTemplateDuration,
  isExampleRow,
  SHEET_NAME_ALIASES,
  SHEET_NAMES,
  splitCreditNames,
  tableSpec,
  templateColumns,
  vocabularyCode,
  type ColumnKeyOf,
  type SheetKey,
  type TemplateColumn,
} from './template/columns.js';
import { bothLocales, importText, type ImportProblem, type Texts } from './import-problems.js';

/**
 * The read workbook → the album and track inputs the catalog services take (AlbumFields,
 * RecordingFields), with every problem the cells themselves show, using the template's one column
 * spec (template/columns.ts). Pure: what the services decide (ISRC ownership and uniqueness,
 * citing, completeness) is checked by running them (import-run.ts).
 */

export interface AlbumDraft {
  row: number;
  releaseType: ReleaseType;
  fields: AlbumFields;
}

export interface TrackDraft {
  row: number;
  /** The ISRC as typed (or null): own or foreign code, or the approved recording to cite. */
  isrc: string | null;
  cited: boolean;
  recording: RecordingFields;
}

export interface ImportDrafts {
  album: AlbumDraft | null;
  /** In 曲目序號 order (file order where it is missing). */
  tracks: TrackDraft[];
  /** The headings as found in the file, by column key, to name columns in later problems. */
  albumHeadings: Partial<Record<string, string>>;
  trackHeadings: Partial<Record<string, string>>;
}

export interface RowsToDraftsResult {
  drafts: ImportDrafts;
  problems: ImportProblem[];
}

const SCOPE: Readonly<Record<SheetKey, ImportProblem['scope']>> = { album: 'album', tracks: 'track' };

/** Reads one sheet's rows by the columns' kinds, reporting refused cells and empty required ones. */
class SheetReader<S extends SheetKey> {
  private readonly byKey: Map<ColumnKeyOf<S>, TemplateColumn<ColumnKeyOf<S>>>;

  constructor(
    private readonly sheet: S,
    private readonly table: FoundTable<ColumnKeyOf<S>>,
    private readonly date1904: boolean,
    private readonly problems: ImportProblem[],
  ) {
    this.byKey = new Map(templateColumns(sheet, 'album').map((c) => [c.key, c]));
  }

  heading(key: ColumnKeyOf<S>): string {
    return this.table.columns[key]?.heading ?? this.byKey.get(key)?.heading['zh-TW'] ?? key;
  }

  refuse(row: number, key: ColumnKeyOf<S>, message: Texts): void {
    this.problems.push({ severity: 'error', scope: SCOPE[this.sheet], row, column: this.heading(key), field: key, message });
  }

  private take<T>(row: number, key: ColumnKeyOf<S>, result: CellResult<T>, required: boolean): T | null {
    if (!result.ok) {
      this.refuse(
        row,
        key,
        bothLocales((locale) => cellRefusalMessage(result.reason, locale, result.detail)),
      );
      return null;
    }
    // A missing column is reported once, at the heading row, not again on every row.
    if (result.value === null && required && this.table.columns[key] !== undefined) {
      this.refuse(row, key, importText('required', { column: this.heading(key) }));
    }
    return result.value;
  }

  /** The cell as the column's kind reads it: text, code, partial date, m:ss, boolean, vocabulary code or credit names. */
  value(row: number, cells: Record<ColumnKeyOf<S>, Cell>, key: ColumnKeyOf<S>, required?: boolean): string | boolean | string[] | null {
    const column = this.byKey.get(key);
    if (column === undefined) {
      return null;
    }
    const must = required ?? column.required;
    const cell = cells[key];
    const kind = column.kind;
    switch (kind.type) {
      case 'text':
      case 'albumKey': {
        const text = this.take(row, key, cellText(cell), must);
        if (text !== null && text.length > kind.maxLength) {
          this.refuse(row, key, importText('tooLong', { column: this.heading(key), max: kind.maxLength, length: text.length }));
          return null;
        }
        return text;
      }
      case 'integer': {
        const text = this.take(row, key, cellText(cell), must);
        if (text === null) {
          return null;
        }
        const n = Number(text);
        if (!Number.isInteger(n) || n < kind.min || n > kind.max) {
          this.refuse(row, key, importText('trackNumber', { value: text, min: kind.min, max: kind.max }));
          return null;
        }
        return String(n);
      }
      case 'isrc':
        return this.take(row, key, cellCode(cell), must);
      case 'date':
        return this.take(row, key, cellDate(cell, this.date1904), must);
      case 'duration': {
        const seconds = this.take(row, key, cellDuration(cell), must);
        return seconds === null ? null : formatTemplateDuration(seconds);
      }
      case 'yesNo':
        return this.take(row, key, cellYesNo(cell), must);
      case 'vocabulary': {
        const text = this.take(row, key, cellText(cell), must);
        if (text === null) {
          return null;
        }
        const code = vocabularyCode(kind.terms, text);
        if (code === undefined) {
          this.refuse(row, key, {
            'zh-TW': importText('vocabulary', { value: text, column: this.heading(key), allowed: kind.terms.map((t) => t.zh).join('、') })['zh-TW'],
            en: importText('vocabulary', { value: text, column: this.heading(key), allowed: kind.terms.map((t) => t.en).join(', ') }).en,
          });
        }
        return code ?? null;
      }
      case 'credits': {
        const text = this.take(row, key, cellText(cell), must);
        return text === null ? null : splitCreditNames(text);
      }
    }
  }

  /** Every field column of the row, keyed by column key (credits gathered into CreditLines). */
  fields(row: number, cells: Record<ColumnKeyOf<S>, Cell>, skip: ReadonlySet<string>): { values: Record<string, string | boolean>; credits: CreditLine[] } {
    const values: Record<string, string | boolean> = {};
    const credits: CreditLine[] = [];
    for (const column of this.byKey.values()) {
      if (skip.has(column.key)) {
        continue;
      }
      const value = this.value(row, cells, column.key);
      if (column.kind.type === 'credits') {
        if (Array.isArray(value) && value.length > 0) {
          credits.push({ role: column.kind.role, names: value });
        }
      } else if (value !== null && !Array.isArray(value)) {
        values[column.key] = value;
      }
    }
    return { values, credits };
  }

  isExample(cells: Record<ColumnKeyOf<S>, Cell>): boolean {
    return isExampleRow(this.sheet, (key) => {
      const text = cellText(cells[key]);
      return text.ok ? text.value : null;
    });
  }
}

function tableProblems(table: FoundTable<string>, scope: ImportProblem['scope'], problems: ImportProblem[]): void {
  for (const issue of table.issues) {
    const column = 'heading' in issue ? issue.heading : 'column' in issue ? issue.column : null;
    problems.push({ severity: issue.severity, scope, row: table.headingRow, column, message: bothLocales((locale) => tableIssueMessage(issue, locale)) });
  }
}

function headingsOf(table: FoundTable<string>): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const [key, column] of Object.entries(table.columns)) {
    if (column !== undefined) {
      out[key] = column.heading;
    }
  }
  return out;
}

const NO_SKIP = new Set<string>(['albumKey']);

function readAlbum(sheet: SheetData, date1904: boolean, problems: ImportProblem[]): { draft: AlbumDraft | null; headings: Partial<Record<string, string>> } {
  const table = findTable(sheet, tableSpec('album', 'album'));
  tableProblems(table, 'album', problems);
  const reader = new SheetReader('album', table, date1904, problems);
  const rows = table.rows.filter((r) => !reader.isExample(r.cells));
  const [first] = rows;
  if (table.headingRow !== null && first === undefined) {
    problems.push({ severity: 'error', scope: 'album', row: null, column: null, message: importText('noAlbumRow') });
  }
  if (first === undefined) {
    return { draft: null, headings: headingsOf(table) };
  }
  if (rows.length > 1) {
    problems.push({ severity: 'warning', scope: 'album', row: rows[1]?.rowNumber ?? null, column: null, message: importText('manyAlbumRows', { count: rows.length, row: first.rowNumber }) });
  }
  const { values, credits } = reader.fields(first.rowNumber, first.cells, NO_SKIP);
  const { releaseType, ...rest } = values;
  // The values come typed by their columns' kinds, which mirror AlbumFields field by field.
  const fields = { ...rest, credits } as AlbumFields;
  return { draft: { row: first.rowNumber, releaseType: (typeof releaseType === 'string' ? releaseType : 'digital') as ReleaseType, fields }, headings: headingsOf(table) };
}

const TRACK_SKIP = new Set<string>(['albumKey', 'trackNumber', 'cited', 'isrc']);

function readTracks(sheet: SheetData, date1904: boolean, problems: ImportProblem[]): { drafts: TrackDraft[]; headings: Partial<Record<string, string>> } {
  const table = findTable(sheet, tableSpec('tracks', 'album'));
  tableProblems(table, 'track', problems);
  const reader = new SheetReader('tracks', table, date1904, problems);
  const numbered: { number: number; draft: TrackDraft }[] = [];
  const isrcRows = new Map<string, number>();
  const numberRows = new Map<number, number>();
  for (const { rowNumber: row, cells } of table.rows) {
    if (reader.isExample(cells)) {
      continue;
    }
    const cited = reader.value(row, cells, 'cited') === true;
    const isrcValue = reader.value(row, cells, 'isrc', cited);
    const isrc = typeof isrcValue === 'string' ? isrcValue : null;
    const numberValue = reader.value(row, cells, 'trackNumber');
    const number = typeof numberValue === 'string' ? Number(numberValue) : numbered.length + 1;
    const otherNumber = numberRows.get(number);
    if (typeof numberValue === 'string' && otherNumber !== undefined) {
      reader.refuse(row, 'trackNumber', importText('duplicateTrackNumber', { number, other: otherNumber }));
    }
    numberRows.set(number, row);
    if (cited) {
      if (isrc === null) {
        problems.push({ severity: 'error', scope: 'track', row, column: reader.heading('isrc'), field: 'isrc', message: importText('citeNeedsIsrc') });
      }
      numbered.push({ number, draft: { row, isrc, cited, recording: {} } });
      continue;
    }
    const compact = isrc?.replace(/[\s-]/g, '').toUpperCase();
    if (compact !== undefined) {
      const other = isrcRows.get(compact);
      if (other !== undefined) {
        reader.refuse(row, 'isrc', importText('duplicateIsrc', { isrc, other }));
      } else {
        isrcRows.set(compact, row);
      }
    }
    const { values, credits } = reader.fields(row, cells, TRACK_SKIP);
    // The values come typed by their columns' kinds, which mirror RecordingFields field by field.
    const recording = { ...values, credits } as RecordingFields;
    numbered.push({ number, draft: { row, isrc, cited, recording } });
  }
  if (table.headingRow !== null && numbered.length === 0) {
    problems.push({ severity: 'error', scope: 'track', row: null, column: null, message: importText('noTracks') });
  }
  const drafts = numbered.sort((a, b) => a.number - b.number || a.draft.row - b.draft.row).map((n) => n.draft);
  return { drafts, headings: headingsOf(table) };
}

/** One album a file (the guide's way): the album sheet's data row and every row of the tracks sheet. */
export function rowsToDrafts(workbook: WorkbookData): RowsToDraftsResult {
  const problems: ImportProblem[] = [];
  const picked = pickSheets(workbook, SHEET_NAME_ALIASES);
  for (const key of picked.missing) {
    problems.push({ severity: 'error', scope: SCOPE[key], row: null, column: null, message: importText('missingSheet', { sheet: SHEET_NAMES[key]['zh-TW'] }) });
  }
  const instructions = new Set<string>([SHEET_NAMES.instructions['zh-TW'], SHEET_NAMES.instructions.en]);
  for (const sheet of picked.extra.filter((name) => !instructions.has(name))) {
    problems.push({ severity: 'warning', scope: 'album', row: null, column: null, message: importText('extraSheet', { sheet }) });
  }
  const album = picked.sheets.album === undefined ? { draft: null, headings: {} } : readAlbum(picked.sheets.album, workbook.date1904, problems);
  const tracks = picked.sheets.tracks === undefined ? { drafts: [], headings: {} } : readTracks(picked.sheets.tracks, workbook.date1904, problems);
  return { drafts: { album: album.draft, tracks: tracks.drafts, albumHeadings: album.headings, trackHeadings: tracks.headings }, problems };
}
