import { normaliseText } from './cells.js';
import { BLANK_CELL, columnLetter, rangeText, type Cell, type SheetData } from './workbook.js';

/**
 * Finds the template's table in a sheet, whatever the producer did around it: the heading row is
 * the first row naming at least two known columns (a title above it is fine), columns are matched
 * by heading in any order and in either language, with or without the `*` of required columns,
 * full-width or wrapped; blank rows are skipped. Unknown columns are warnings (their contents are
 * not imported); a missing required column, a column given twice and merged cells in the data area
 * are errors.
 */

export interface ColumnSpec {
  /** Accepted headings, zh-TW and English (the `*` and a trailing "(…)" hint are optional). */
  headings: readonly string[];
  required?: boolean;
}

export type TableSpec<K extends string> = Readonly<Record<K, ColumnSpec>>;

export interface FoundColumn {
  /** 0-based index into the sheet's rows. */
  index: number;
  letter: string;
  heading: string;
}

export interface TableRow<K extends string> {
  /** As Excel shows it: 1-based. */
  rowNumber: number;
  cells: Record<K, Cell>;
}

export type TableIssue<K extends string> =
  | { code: 'heading-row-not-found'; severity: 'error'; sheet: string; example: string }
  | { code: 'missing-column'; severity: 'error'; key: K; heading: string }
  | { code: 'duplicate-column'; severity: 'error'; key: K; heading: string; columns: string }
  | { code: 'merged-cells'; severity: 'error'; range: string }
  | { code: 'unknown-column'; severity: 'warning'; column: string; heading: string }
  | { code: 'data-without-heading'; severity: 'warning'; column: string };

export interface FoundTable<K extends string> {
  /** 1-based, or null when no row names two known columns. */
  headingRow: number | null;
  columns: Partial<Record<K, FoundColumn>>;
  rows: TableRow<K>[];
  issues: TableIssue<K>[];
}

/**
 * The form a heading is compared in: NFKC, no `*`, no trailing "(…)" hint, no spaces, no . ? : 。
 * (Track No / Track no., Cited / Cited?), lower case.
 */
export function headingKey(text: string): string {
  return normaliseText(text)
    .replace(/\*/g, '')
    .replace(/\([^()]*\)\s*$/, '')
    .replace(/[\s.?:。]+/g, '')
    .toLowerCase();
}

function cellString(cell: Cell | null | undefined): string {
  return cell === null || cell === undefined || cell.v === null ? '' : normaliseText(typeof cell.v === 'string' ? cell.v : (cell.w ?? String(cell.v)));
}

function headingIndex<K extends string>(spec: TableSpec<K>): Map<string, K> {
  const index = new Map<string, K>();
  for (const key of Object.keys(spec) as K[]) {
    for (const heading of spec[key].headings) {
      index.set(headingKey(heading), key);
    }
  }
  return index;
}

function matchesIn<K extends string>(row: readonly (Cell | null)[], index: Map<string, K>): Map<number, K> {
  const found = new Map<number, K>();
  row.forEach((cell, c) => {
    const key = index.get(headingKey(cellString(cell)));
    if (key !== undefined) {
      found.set(c, key);
    }
  });
  return found;
}

function findHeadingRow<K extends string>(sheet: SheetData, index: Map<string, K>, needed: number): number | undefined {
  for (let r = 0; r < sheet.rows.length; r++) {
    const keys = new Set(matchesIn(sheet.rows[r] ?? [], index).values());
    if (keys.size >= needed) {
      return r;
    }
  }
  return undefined;
}

export function findTable<K extends string>(sheet: SheetData, spec: TableSpec<K>): FoundTable<K> {
  const keys = Object.keys(spec) as K[];
  const index = headingIndex(spec);
  const headingAt = findHeadingRow(sheet, index, Math.min(2, keys.length));
  if (headingAt === undefined) {
    const example = keys.map((k) => spec[k].headings[0] ?? '').find((h) => h !== '') ?? '';
    return { headingRow: null, columns: {}, rows: [], issues: [{ code: 'heading-row-not-found', severity: 'error', sheet: sheet.name, example }] };
  }
  const issues: TableIssue<K>[] = [];
  const headingCells = sheet.rows[headingAt] ?? [];
  const columns: Partial<Record<K, FoundColumn>> = {};
  const duplicates = new Map<K, string[]>();
  const matched = matchesIn(headingCells, index);
  for (const [c, key] of matched) {
    const found = { index: c, letter: columnLetter(c), heading: cellString(headingCells[c]) };
    if (columns[key] === undefined) {
      columns[key] = found;
    } else {
      duplicates.set(key, [...(duplicates.get(key) ?? [columns[key].letter]), found.letter]);
    }
  }
  for (const key of keys) {
    const heading = spec[key].headings[0] ?? key;
    if (columns[key] === undefined && spec[key].required === true) {
      issues.push({ code: 'missing-column', severity: 'error', key, heading });
    }
    const twice = duplicates.get(key);
    if (twice !== undefined) {
      issues.push({ code: 'duplicate-column', severity: 'error', key, heading, columns: twice.join(', ') });
    }
  }
  const lastHeading = headingCells.reduce((last, cell, c) => (cellString(cell) === '' ? last : c), -1);
  headingCells.forEach((cell, c) => {
    const heading = cellString(cell);
    if (heading !== '' && !matched.has(c)) {
      issues.push({ code: 'unknown-column', severity: 'warning', column: columnLetter(c), heading });
    }
  });
  for (const merge of sheet.merges) {
    if (merge.e.r >= headingAt && merge.s.c <= lastHeading) {
      issues.push({ code: 'merged-cells', severity: 'error', range: rangeText(merge) });
    }
  }
  const rows: TableRow<K>[] = [];
  const unnamed = new Set<number>();
  // Each data cell is looked at once here (a 5,000-row file has 70,000 of them).
  const named = headingCells.map((cell) => cellString(cell) !== '');
  const wanted = new Set(keys.flatMap((key) => (columns[key] === undefined ? [] : [columns[key].index])));
  for (let r = headingAt + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    let filled = false;
    row.forEach((cell, c) => {
      if (cellString(cell) === '') {
        return;
      }
      if (named[c] !== true) {
        unnamed.add(c);
      }
      filled ||= wanted.has(c);
    });
    const cells = {} as Record<K, Cell>;
    for (const key of keys) {
      const column = columns[key];
      cells[key] = (column === undefined ? null : row[column.index]) ?? BLANK_CELL;
    }
    if (filled) {
      rows.push({ rowNumber: r + 1, cells });
    }
  }
  for (const c of [...unnamed].sort((a, b) => a - b)) {
    issues.push({ code: 'data-without-heading', severity: 'warning', column: columnLetter(c) });
  }
  return { headingRow: headingAt + 1, columns, rows, issues };
}
