import type { Table } from './table.js';

/**
 * A cell a spreadsheet would run as a formula starts with = + - @ (or a tab or carriage return
 * before one of them): OWASP's advice is to prefix it with a single quote, so the text shows as
 * typed and never runs. Numbers are written as numbers and left alone.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
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
