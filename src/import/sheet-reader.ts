import { CREDIT_NAME_MAX_LENGTH, CREDIT_NAMES_MAX, type CreditLine } from '../catalog/catalog.schemas.js';
import { codePointLength } from '../shared/stored-length.js';
import {
  cellCode,
  cellDate,
  cellDuration,
  cellRefusalMessage,
  cellText,
  cellYesNo,
  oneLine,
  tableIssueMessage,
  withoutQuotePrefix,
  type Cell,
  type CellResult,
  type FoundTable,
} from './spreadsheet/index.js';
import {
  formatTemplateDuration,
  isExampleRow,
  splitCreditNames,
  templateColumns,
  vocabularyCode,
  type ColumnKeyOf,
  type SheetKey,
  type TemplateColumn,
  type TemplateKind,
} from './template/columns.js';
import { bothLocales, importText, type ImportProblem, type Texts } from './import-problems.js';

/**
 * Reads one data sheet's rows by the template's column kinds (template/columns.ts): each cell as the
 * registrant meant it, every refused cell and empty required cell a problem. Pure.
 */

export const SCOPE: Readonly<Record<SheetKey, ImportProblem['scope']>> = { album: 'album', tracks: 'track' };

/**
 * Refused cells listed at most: a file of 5,000 rows with every cell wrong would otherwise make
 * 100,000 problems, each in two languages, stored with the preview and sent to the browser.
 */
export const MAX_CELL_PROBLEMS = 1000;
/** The problem lists that have had their "only the first N" line (the list is shared by both sheets). */
const capped = new WeakSet<ImportProblem[]>();

/** Reads one sheet's rows by the columns' kinds, reporting refused cells and empty required ones. */
export class SheetReader<S extends SheetKey> {
  private readonly byKey: Map<ColumnKeyOf<S>, TemplateColumn<ColumnKeyOf<S>>>;

  constructor(
    private readonly sheet: S,
    private readonly table: FoundTable<ColumnKeyOf<S>>,
    private readonly date1904: boolean,
    private readonly problems: ImportProblem[],
    kind: TemplateKind,
  ) {
    this.byKey = new Map(templateColumns(sheet, kind).map((c) => [c.key, c]));
  }

  heading(key: ColumnKeyOf<S>): string {
    return this.table.columns[key]?.heading ?? this.byKey.get(key)?.heading['zh-TW'] ?? key;
  }

  refuse(row: number, key: ColumnKeyOf<S>, message: Texts): void {
    if (this.problems.length >= MAX_CELL_PROBLEMS) {
      if (!capped.has(this.problems)) {
        capped.add(this.problems);
        this.problems.push({ severity: 'error', scope: SCOPE[this.sheet], row: null, column: null, message: importText('tooManyProblems', { max: MAX_CELL_PROBLEMS }) });
      }
      return;
    }
    this.problems.push({ severity: 'error', scope: SCOPE[this.sheet], row, column: this.heading(key), field: key, message });
  }

  /** A credit cell's names, held to the forms' limits (each name's length, names a role). */
  private creditNames(row: number, key: ColumnKeyOf<S>, text: string): string[] | null {
    const names = splitCreditNames(text);
    // Characters as the forms count them (code points, not UTF-16 units: 𝄞 is one).
    const long = names.find((name) => codePointLength(name) > CREDIT_NAME_MAX_LENGTH);
    if (long !== undefined) {
      this.refuse(
        row,
        key,
        importText('creditNameTooLong', { column: this.heading(key), max: CREDIT_NAME_MAX_LENGTH, name: Array.from(long).slice(0, 20).join(''), length: codePointLength(long) }),
      );
      return null;
    }
    if (names.length > CREDIT_NAMES_MAX) {
      this.refuse(row, key, importText('tooManyCreditNames', { column: this.heading(key), max: CREDIT_NAMES_MAX, count: names.length }));
      return null;
    }
    return names;
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
        const typed = this.take(row, key, cellText(cell), must);
        const text = typed === null || (kind.type === 'text' && kind.multiline === true) ? typed : oneLine(typed);
        if (text !== null && codePointLength(text) > kind.maxLength) {
          this.refuse(row, key, importText('tooLong', { column: this.heading(key), max: kind.maxLength, length: codePointLength(text) }));
          return null;
        }
        return text;
      }
      case 'integer': {
        const text = this.take(row, key, cellText(cell), must);
        if (text === null) {
          return null;
        }
        // Digits only (Number() would take 0x1 and 1e0), and a number cell by its value, not as shown
        // (1.6 formatted 0 shows 2).
        const digits = withoutQuotePrefix(text).normalize('NFKC').trim();
        const n = cell?.t === 'n' ? Number(cell.v) : /^\d{1,4}\.?$/.test(digits) ? Number(digits.replace('.', '')) : Number.NaN;
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
        // Excel's text prefix written into the value ('數位發行), as in the other non-free-text columns.
        const code = vocabularyCode(kind.terms, withoutQuotePrefix(text));
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
        return text === null ? null : this.creditNames(row, key, text);
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

/** The row a table issue is reported at: a merged range's first row ("A5:A7" → 5), any other issue the heading row. */
function issueRow(issue: FoundTable<string>['issues'][number], headingRow: number | null): number | null {
  if (issue.code !== 'merged-cells') {
    return headingRow;
  }
  const first = /^[A-Z]+(\d+)/.exec(issue.range)?.[1];
  return first === undefined ? headingRow : Number(first);
}

export function tableProblems(table: FoundTable<string>, scope: ImportProblem['scope'], problems: ImportProblem[]): void {
  for (const issue of table.issues) {
    const column = 'heading' in issue ? issue.heading : 'column' in issue ? issue.column : null;
    problems.push({ severity: issue.severity, scope, row: issueRow(issue, table.headingRow), column, message: bothLocales((locale) => tableIssueMessage(issue, locale)) });
  }
}

export function headingsOf(table: FoundTable<string>): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const [key, column] of Object.entries(table.columns)) {
    if (column !== undefined) {
      out[key] = column.heading;
    }
  }
  return out;
}
