import type { CellObject, WorkBook } from '@e965/xlsx';
import { isoSerial, parseIsoDate } from './iso-dates.js';
import { formatKind } from './number-format.js';
import type { CellAddress, IsoDateCell, SheetScan } from './uncalculated.js';
import { UNCALCULATED_CELL, type Cell, type MergedRange, type SheetData, type SheetState, type WorkbookData } from './workbook.js';

/**
 * SheetJS's workbook → plain data (runs in the parsing child). Rows are counted from the cells that
 * are there, never from `<dimension>`; formatted text (`w`) and number formats (`z`) are kept so
 * dates, durations and codes can be read as the producer showed them; rich text, hyperlinks, inline
 * strings and cached formula results arrive as their text/value (SheetJS gives `v` for each).
 */

export type Converted = { ok: true; workbook: WorkbookData; cells: number } | { ok: false; cells: number };

const STATES: readonly SheetState[] = ['visible', 'hidden', 'veryHidden'];

function formatOf(cell: CellObject): { z?: string } {
  return typeof cell.z === 'string' && cell.z !== 'General' ? { z: cell.z } : {};
}

function shownOf(cell: CellObject): { w?: string } {
  return typeof cell.w === 'string' ? { w: cell.w } : {};
}

/** One SheetJS cell as plain data; null for a stub or a value SheetJS could not give. */
export function toCell(cell: CellObject | undefined | null): Cell | null {
  if (cell === undefined || cell === null) {
    return null;
  }
  const v = cell.v;
  switch (cell.t) {
    case 's':
      return typeof v === 'string' ? { v, t: 's', ...formatOf(cell) } : null;
    case 'n':
      return typeof v === 'number' && Number.isFinite(v) ? { v, t: 'n', ...formatOf(cell), ...shownOf(cell) } : null;
    case 'b':
      return typeof v === 'boolean' ? { v, t: 'b', ...shownOf(cell) } : null;
    case 'd':
      // Only with cellDates: true, which we never pass; kept as ISO text so no Date crosses the IPC.
      return v instanceof Date && !Number.isNaN(v.getTime()) ? { v: v.toISOString(), t: 'd', ...formatOf(cell) } : null;
    case 'e':
      return { v: cell.w ?? '#ERROR', t: 'e' };
    case 'z':
      return null;
  }
}

function mergesOf(value: unknown): MergedRange[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return (value as MergedRange[]).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
}

function setCell(rows: (Cell | null)[][], { r, c }: CellAddress, cell: Cell): void {
  while (rows.length <= r) {
    rows.push([]);
  }
  const row = rows[r] ?? [];
  while (row.length <= c) {
    row.push(null);
  }
  row[c] = cell;
}

/**
 * Marks the formula cells saved without a result (uncalculated.ts), replacing what SheetJS made of
 * them: nothing, an empty string (t="str" without a value) or a placeholder 0.
 */
function markUncalculated(rows: (Cell | null)[][], cells: readonly CellAddress[]): void {
  for (const at of cells) {
    setCell(rows, at, UNCALCULATED_CELL);
  }
}

/**
 * t="d" cells as the date written (iso-dates.ts): a serial in the workbook's date system, with the
 * cell's own date format or else yyyy-mm-dd; text the registrant can see when it is no usable date.
 */
function readIsoDates(rows: (Cell | null)[][], cells: readonly IsoDateCell[], date1904: boolean): void {
  for (const at of cells) {
    const parsed = parseIsoDate(at.iso);
    const serial = parsed === undefined ? undefined : isoSerial(parsed, date1904);
    if (serial === undefined) {
      setCell(rows, at, { v: at.iso, t: 's' });
      continue;
    }
    const format = rows[at.r]?.[at.c]?.z;
    setCell(rows, at, { v: serial, t: 'n', z: formatKind(format).date === null ? 'yyyy-mm-dd' : (format ?? 'yyyy-mm-dd') });
  }
}

/**
 * Plain data of every sheet, or `ok: false` as soon as the workbook holds more than `maxCells` cells.
 * `scans`: per sheet, the formula cells saved without their result and the t="d" cells (uncalculated.ts).
 */
export function toWorkbookData(book: WorkBook, maxCells: number, scans: readonly SheetScan[] = []): Converted {
  const date1904 = book.Workbook?.WBProps?.date1904 === true;
  const sheets: SheetData[] = [];
  let cells = 0;
  for (const [index, name] of book.SheetNames.entries()) {
    const sheet = book.Sheets[name];
    const data: (CellObject[] | undefined)[] = sheet?.['!data'] ?? [];
    // Each merged range becomes a problem in the parent: counted like a cell, so none is unbounded.
    cells += Array.isArray(sheet?.['!merges']) ? sheet['!merges'].length : 0;
    const rows: (Cell | null)[][] = [];
    let lastFilled = -1;
    for (let r = 0; r < data.length; r++) {
      const source = data[r] ?? [];
      const row: (Cell | null)[] = [];
      let lastInRow = -1;
      for (let c = 0; c < source.length; c++) {
        const cell = toCell(source[c]);
        row.push(cell);
        if (cell !== null) {
          lastInRow = c;
          cells += 1;
        }
      }
      if (cells > maxCells) {
        return { ok: false, cells };
      }
      row.length = lastInRow + 1;
      rows.push(row);
      if (lastInRow >= 0) {
        lastFilled = r;
      }
    }
    rows.length = lastFilled + 1;
    markUncalculated(rows, scans[index]?.uncalculated ?? []);
    readIsoDates(rows, scans[index]?.isoDates ?? [], date1904);
    const hidden = book.Workbook?.Sheets?.[index]?.Hidden ?? 0;
    sheets.push({ name, state: STATES[hidden] ?? 'visible', rows, merges: mergesOf(sheet?.['!merges']) });
  }
  return { ok: true, workbook: { date1904, sheets }, cells };
}
