import { describe, expect, it } from 'vitest';
import { findTable, headingKey, type TableSpec } from './find-table.js';
import { pickSheets } from './pick-sheets.js';
import type { Cell, SheetData, WorkbookData } from './workbook.js';

type Key = 'title' | 'isrc' | 'duration' | 'cited';

const SPEC: TableSpec<Key> = {
  title: { headings: ['曲名*', 'Title*'], required: true },
  isrc: { headings: ['ISRC'] },
  duration: { headings: ['長度*', 'Duration*'], required: true },
  cited: { headings: ['是否為引用', 'Cited'] },
};

const c = (v: string | number | null): Cell | null => (v === null ? null : typeof v === 'number' ? { v, t: 'n' } : { v, t: 's' });
const sheet = (rows: (string | number | null)[][], merges: SheetData['merges'] = []): SheetData => ({ name: '曲目', state: 'visible', rows: rows.map((r) => r.map(c)), merges });

describe(headingKey.name, () => {
  it('compares headings without *, hints, spaces, case or full-width forms', () => {
    expect(headingKey(' 曲名＊ ')).toBe(headingKey('曲名'));
    expect(headingKey('Release  Date (YYYY.MM.DD)')).toBe(headingKey('release date'));
    expect(headingKey('發行\n日期（YYYY.MM.DD）*')).toBe(headingKey('發行日期'));
    expect(headingKey('ＩＳＲＣ')).toBe('isrc');
    // Punctuation people add or leave out: Track No / Track no., Cited / Cited?, 錄製長度：
    expect(headingKey('Track No')).toBe(headingKey('Track no.'));
    expect(headingKey('Cited')).toBe(headingKey('Cited?'));
    expect(headingKey('錄製長度：')).toBe(headingKey('錄製長度'));
    expect(headingKey('#')).toBe('#');
  });
});

describe(findTable.name, () => {
  it('finds the heading row under a title, maps columns in any order and skips blank rows', () => {
    const found = findTable(
      sheet([['批次上傳曲目'], [], ['長度', '備註', 'title', null, 'ISRC'], ['3:25', '', '晨光', null, 'TWA122600001'], [null, '  ', null], [], ['4:05', null, '暮色']]),
      SPEC,
    );
    expect(found.headingRow).toBe(3);
    expect(found.columns).toEqual({
      duration: { index: 0, letter: 'A', heading: '長度' },
      title: { index: 2, letter: 'C', heading: 'title' },
      isrc: { index: 4, letter: 'E', heading: 'ISRC' },
    });
    expect(found.rows.map((r) => [r.rowNumber, r.cells.title.v, r.cells.duration.v, r.cells.isrc.v, r.cells.cited.t])).toEqual([
      [4, '晨光', '3:25', 'TWA122600001', 'z'],
      [7, '暮色', '4:05', null, 'z'],
    ]);
    expect(found.issues).toEqual([{ code: 'unknown-column', severity: 'warning', column: 'B', heading: '備註' }]);
  });

  it('accepts English headings and reports missing required and duplicated columns', () => {
    const found = findTable(
      sheet([
        ['Title', 'Cited', 'cited'],
        ['x', 'Y', 'N'],
      ]),
      SPEC,
    );
    expect(found.headingRow).toBe(1);
    expect(found.issues).toEqual([
      { code: 'missing-column', severity: 'error', key: 'duration', heading: '長度*' },
      { code: 'duplicate-column', severity: 'error', key: 'cited', heading: '是否為引用', columns: 'B, C' },
    ]);
  });

  it('refuses merged cells in the data area, not in a title above it', () => {
    const rows = [
      ['曲目清單', null],
      ['曲名', '長度'],
      ['晨光', '3:25'],
      [null, '4:05'],
    ];
    const titleMerge = { s: { r: 0, c: 0 }, e: { r: 0, c: 1 } };
    expect(findTable(sheet(rows, [titleMerge]), SPEC).issues).toEqual([]);
    const dataMerge = { s: { r: 2, c: 0 }, e: { r: 3, c: 0 } };
    expect(findTable(sheet(rows, [titleMerge, dataMerge]), SPEC).issues).toEqual([{ code: 'merged-cells', severity: 'error', range: 'A3:A4' }]);
  });

  it('warns about data in a column without a heading', () => {
    const found = findTable(
      sheet([
        ['曲名', '長度'],
        ['晨光', '3:25', null, '多出來的'],
      ]),
      SPEC,
    );
    expect(found.issues).toEqual([{ code: 'data-without-heading', severity: 'warning', column: 'D' }]);
  });

  it('says when no row names two known columns', () => {
    const found = findTable(sheet([['曲目清單'], ['曲名', '作者']]), SPEC);
    expect(found).toEqual({ headingRow: null, columns: {}, rows: [], issues: [{ code: 'heading-row-not-found', severity: 'error', sheet: '曲目', example: '曲名*' }] });
  });
});

describe(pickSheets.name, () => {
  it('finds sheets by either name and lists other visible sheets with contents', () => {
    const named = (name: string, state: SheetData['state'] = 'visible', rows: SheetData['rows'] = [[c('x')]]): SheetData => ({ name, state, rows, merges: [] });
    const workbook: WorkbookData = {
      date1904: false,
      sheets: [named('說明'), named('Tracks'), named('批次上傳專輯頁面欄位'), named('lists', 'hidden'), named('空白', 'visible', [])],
    };
    const picked = pickSheets(workbook, { album: ['批次上傳專輯頁面欄位', 'Album'], tracks: ['批次上傳曲目頁面欄位', 'Tracks'], extra: ['Other'] });
    expect(picked.sheets.album?.name).toBe('批次上傳專輯頁面欄位');
    expect(picked.sheets.tracks?.name).toBe('Tracks');
    expect(picked.missing).toEqual(['extra']);
    expect(picked.extra).toEqual(['說明']);
  });
});
