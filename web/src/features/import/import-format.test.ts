import { describe, expect, it } from 'vitest';
import { coverProblem, creditsText, sortProblems, workbookProblem } from './import-format';

describe('import page helpers', () => {
  it('refuses a workbook that is not .xlsx or over 10 MB before sending it', () => {
    expect(workbookProblem({ name: '專輯.XLSX', size: 1000 })).toBeUndefined();
    expect(workbookProblem({ name: '專輯.xls', size: 1000 })).toBe('workbookType');
    expect(workbookProblem({ name: '專輯.xlsx', size: 10 * 1024 * 1024 })).toBeUndefined();
    expect(workbookProblem({ name: '專輯.xlsx', size: 10 * 1024 * 1024 + 1 })).toBe('workbookTooLarge');
  });

  it('takes a jpg, png or gif cover up to 5 MB', () => {
    expect(coverProblem({ name: 'a.JPEG', size: 10 })).toBeUndefined();
    expect(coverProblem({ name: 'a.gif', size: 5 * 1024 * 1024 })).toBeUndefined();
    expect(coverProblem({ name: 'a.webp', size: 10 })).toBe('coverType');
    expect(coverProblem({ name: 'a.png', size: 5 * 1024 * 1024 + 1 })).toBe('coverTooLarge');
  });

  it('writes credits on one line in the language of the page', () => {
    const credits = [
      { role: 'performer', names: ['林小安', '王大明'] },
      { role: 'composer', names: ['陳一'] },
      { role: 'lyricist', names: [] },
    ];
    expect(creditsText(credits, 'zh-TW')).toBe('表演者：林小安、王大明；作曲者：陳一');
    expect(creditsText(credits, 'en')).toBe('Performer: 林小安, 王大明; Composer: 陳一');
  });

  it('lists errors first, then by row', () => {
    const p = (severity: 'error' | 'warning', row: number | null) => ({
      severity,
      scope: 'track' as const,
      row,
      column: null,
      albumKey: null,
      message: '',
    });
    expect(sortProblems([p('warning', 1), p('error', 5), p('error', null), p('error', 3)]).map((x) => [x.severity, x.row])).toEqual([
      ['error', null],
      ['error', 3],
      ['error', 5],
      ['warning', 1],
    ]);
  });
});
