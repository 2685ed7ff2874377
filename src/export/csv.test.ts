import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv.js';
import type { Table } from './table.js';

describe('CSV export', () => {
  it.each(['=1+1', '+886 2 2361 9132', '-cmd', '@SUM(A1)', '\t=1', '\r=1'])('neutralises %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseCell('TW-A01-26-00001')).toBe('TW-A01-26-00001');
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
