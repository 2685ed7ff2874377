/**
 * The plain data a workbook is read into (in the parsing child, sent over IPC): no SheetJS objects,
 * no Dates, nothing but strings, numbers, booleans and null. Browser-safe types.
 */

/** s text, n number (dates and durations are numbers), b boolean, d ISO date text, e error (#N/A…), z blank. */
export type CellType = 's' | 'n' | 'b' | 'd' | 'e' | 'z';

export interface Cell {
  /** The stored value: for 'e' cells the error's text (#N/A), for 'd' cells an ISO 8601 text. */
  v: string | number | boolean | null;
  t: CellType;
  /** Number format when it is not General, e.g. `yyyy.mm.dd`, `[h]:mm:ss`, `@`. */
  z?: string;
  /** The text the producer's formatting shows, for number and boolean cells. */
  w?: string;
  /** A formula saved without its result (t 'z', v null): refused by name rather than read as blank. */
  uncalculated?: true;
}

/** A merged range, 0-based and inclusive, as row and column indices into `SheetData.rows`. */
export interface MergedRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetData {
  name: string;
  state: SheetState;
  /**
   * Every row up to the last one holding a cell, counted from the cells themselves (never from the
   * sheet's `<dimension>`): `rows[r][c]` is the cell Excel shows at row r + 1, column c + 1; a hole
   * (no cell) is null and an empty row is [].
   */
  rows: (Cell | null)[][];
  merges: MergedRange[];
}

export interface WorkbookData {
  /** The workbook's date system: serial 0 is 1904-01-01 instead of 1900-01-00 (LibreOffice's option, old Mac Excel). */
  date1904: boolean;
  sheets: SheetData[];
}

export const BLANK_CELL: Cell = Object.freeze({ v: null, t: 'z' });

export const UNCALCULATED_CELL: Cell = Object.freeze({ v: null, t: 'z', uncalculated: true });

/** Column index (0-based) → A, B, …, Z, AA, … as Excel names it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A merged range as Excel writes it: B3:B4. */
export function rangeText(range: MergedRange): string {
  return `${columnLetter(range.s.c)}${range.s.r + 1}:${columnLetter(range.e.c)}${range.e.r + 1}`;
}
