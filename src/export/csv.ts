import type { Table } from './table.js';

/** What a spreadsheet skips before reading a formula: spaces and line breaks, zero-width and other format characters (U+200B–U+200D, U+2060, U+FEFF, bidi marks). */
const LEADING_IGNORED = /^[\s\p{Cf}]*/u;
const FORMULA_START = new Set(['=', '+', '-', '@']);

/**
 * A cell a spreadsheet would run as a formula starts with = + - @, also after spaces or
 * zero-width characters, also in full-width or small forms (＝ ＋ － ＠ ﹦, NFKC folds them), or
 * with a tab or carriage return: OWASP's advice is to prefix it with a single quote, so the text
 * shows as typed and never runs. Numbers are written as numbers and left alone.
 */
export function neutraliseCell(value: string): string {
  const first = value.slice(value.match(LEADING_IGNORED)?.[0].length ?? 0).codePointAt(0);
  const startsFormula = first !== undefined && FORMULA_START.has(String.fromCodePoint(first).normalize('NFKC').charAt(0));
  return startsFormula || /^[\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Quoted when it holds a quote, a line break, or a separator: the comma, and the semicolon and tab
 * Excel uses as the list separator in some locales (unquoted, `a;=1+1` would split into a cell
 * starting with `=`).
 */
function quote(value: string): string {
  return /[",;\t\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function cell(value: string | number | null): string {
  if (value === null) {
    return '';
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  return quote(neutraliseCell(value));
}

/**
 * RFC 4180 CSV with CRLF line ends and a UTF-8 byte order mark, so Excel opens Chinese text
 * correctly; every text cell neutralised against formula injection.
 */
export function toCsv<Row>(table: Table<Row>): string {
  const lines = [table.columns.map((c) => quote(neutraliseCell(c.header))).join(',')];
  for (const row of table.rows) {
    lines.push(table.columns.map((c) => cell(c.value(row))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
