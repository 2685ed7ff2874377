import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv.js';
import type { Table } from './table.js';

describe('CSV export', () => {
  it.each(['=1+1', '+886 2 2361 9132', '-cmd', '@SUM(A1)', '\t=1', '\r=1'])('neutralises %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  // Spreadsheets skip spaces and zero-width characters before a formula and read full-width signs.
  it.each([' =1+1', '\u200b=1+1', '\ufeff\u2060\u200d+1', '\u3000@SUM(A1)', '\n-1', '＝1+1', '＋1', '－1', '＠SUM(A1)', '\u200c＝1', '﹦1'])('neutralises %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseCell('TW-A01-26-00001')).toBe('TW-A01-26-00001');
    expect(neutraliseCell(' 山海 = 唱片')).toBe(' 山海 = 唱片');
    expect(neutraliseCell('\u200b')).toBe('\u200b');
  });

  it('quotes a cell holding a semicolon or a tab, list separators in some Excel locales', () => {
    const table: Table<string> = { sheet: 'x', columns: [{ header: 'h', value: (r) => r }], rows: ['a;=1+1', 'x\t=1', 'plain'] };
    expect(toCsv(table)).toBe('\uFEFFh\r\n"a;=1+1"\r\n"x\t=1"\r\nplain\r\n');
  });

  it('quotes, neutralises, keeps numbers and starts with a BOM', () => {
    const table: Table<{ a: string; n: number | null }> = {
      sheet: 'x',
      columns: [
        { header: '名稱', value: (r) => r.a },
        { header: 'n', value: (r) => r.n },
      ],
      rows: [
        { a: '=HYPERLINK("http://x")', n: -5 },
        { a: 'a,b', n: null },
      ],
    };
    expect(toCsv(table)).toBe('\uFEFF名稱,n\r\n"\'=HYPERLINK(""http://x"")",-5\r\n"a,b",\r\n');
  });
});
