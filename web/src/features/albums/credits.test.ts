import { describe, expect, it } from 'vitest';
import { ALBUM_DEFAULT_ROLES, TRACK_DEFAULT_ROLES } from '../../../../src/catalog/vocabularies.js';
import { toCreditLines, toCreditRows, type CreditRow } from './credits';

describe(toCreditRows.name, () => {
  it('shows every default role with one empty input when nothing is saved', () => {
    expect(toCreditRows([], ALBUM_DEFAULT_ROLES)).toEqual([
      { role: 'performer', names: [''] },
      { role: 'lyricist', names: [''] },
      { role: 'composer', names: [''] },
      { role: 'arranger', names: [''] },
    ]);
    expect(toCreditRows([], TRACK_DEFAULT_ROLES).map((row) => row.role)).toEqual(['performer', 'lyricist', 'composer', 'arranger', 'producer']);
  });

  it('puts the default roles first in their own order, then other roles in saved order', () => {
    const rows = toCreditRows(
      [
        { role: 'director', names: ['導演甲'] },
        { role: 'composer', names: ['周杰倫'] },
        { role: 'conductor', names: ['指揮乙'] },
        { role: 'performer', names: ['蔡依林', '周杰倫'] },
      ],
      ALBUM_DEFAULT_ROLES,
    );
    expect(rows).toEqual([
      { role: 'performer', names: ['蔡依林', '周杰倫'] },
      { role: 'lyricist', names: [''] },
      { role: 'composer', names: ['周杰倫'] },
      { role: 'arranger', names: [''] },
      { role: 'director', names: ['導演甲'] },
      { role: 'conductor', names: ['指揮乙'] },
    ]);
  });

  it('gives a saved role without names one empty input', () => {
    const rows = toCreditRows(
      [
        { role: 'lyricist', names: [] },
        { role: 'narrator', names: [] },
      ],
      ALBUM_DEFAULT_ROLES,
    );
    expect(rows.find((row) => row.role === 'lyricist')?.names).toEqual(['']);
    expect(rows.find((row) => row.role === 'narrator')?.names).toEqual(['']);
  });

  it('copies the names, so editing the form does not change the saved album', () => {
    const saved = [
      { role: 'performer' as const, names: ['A'] },
      { role: 'chorus' as const, names: ['B'] },
    ];
    const rows = toCreditRows(saved, ALBUM_DEFAULT_ROLES);
    rows[0]!.names.push('C');
    rows[4]!.names.push('D');
    expect(saved[0]!.names).toEqual(['A']);
    expect(saved[1]!.names).toEqual(['B']);
  });
});

describe(toCreditLines.name, () => {
  it('sends nothing for no rows', () => {
    expect(toCreditLines(undefined)).toEqual([]);
    expect(toCreditLines([])).toEqual([]);
  });

  it('keeps rows and names in the order shown', () => {
    const rows: CreditRow[] = [
      { role: 'composer', names: ['B', 'A'] },
      { role: 'performer', names: ['C'] },
    ];
    expect(toCreditLines(rows)).toEqual([
      { role: 'composer', names: ['B', 'A'] },
      { role: 'performer', names: ['C'] },
    ]);
  });

  it('drops rows whose role is not a credit role (e.g. an added row with no role chosen)', () => {
    const rows: CreditRow[] = [
      { role: '', names: ['X'] },
      { role: 'performer', names: ['A'] },
      { role: 'drummer', names: ['Y'] },
    ];
    expect(toCreditLines(rows)).toEqual([{ role: 'performer', names: ['A'] }]);
  });

  it('keeps blank names in place (the server trims and drops them) and turns missing inputs into empty strings', () => {
    // antd gives undefined for an input that was added but never typed in.
    const rows = [{ role: 'performer', names: ['A', undefined, '  ', 'B'] }] as unknown as CreditRow[];
    const [line] = toCreditLines(rows);
    expect(line).toEqual({ role: 'performer', names: ['A', '', '  ', 'B'] });
    expect(line?.names.every((name) => typeof name === 'string')).toBe(true);
  });

  it('round-trips what was saved, apart from the empty default inputs', () => {
    const saved = [
      { role: 'performer' as const, names: ['蔡依林'] },
      { role: 'mixing-engineer' as const, names: ['X', 'Y'] },
    ];
    const lines = toCreditLines(toCreditRows(saved, ALBUM_DEFAULT_ROLES));
    expect(lines.filter((line) => line.names.some((name) => name.trim() !== ''))).toEqual(saved);
  });
});
