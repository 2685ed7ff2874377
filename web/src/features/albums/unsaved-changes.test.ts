import { describe, expect, it } from 'vitest';
import { savedAlbum } from '../../test-support/catalog-fixtures';
import { toAlbumFormValues } from './album-values';
import { leavesPage, sameFormValues } from './unsaved-changes';

describe(sameFormValues.name, () => {
  const saved = toAlbumFormValues(savedAlbum());

  it('sees the form as loaded as unchanged', () => {
    expect(sameFormValues(structuredClone(saved), saved)).toBe(true);
  });

  it('sees a typed title, a changed choice or another performer as a change', () => {
    expect(sameFormValues({ ...saved, title: '葉惠美' }, saved)).toBe(false);
    expect(sameFormValues({ ...saved, retroactive: true }, saved)).toBe(false);
    expect(sameFormValues({ ...saved, albumType: undefined }, saved)).toBe(false);
    const credits = saved.credits.map((row) => (row.role === 'performer' ? { ...row, names: [...row.names, '方文山'] } : row));
    expect(sameFormValues({ ...saved, credits }, saved)).toBe(false);
  });

  it('does not count what the server would not keep: blank inputs, surrounding spaces, empty list entries', () => {
    expect(
      sameFormValues({ title: '  范特西 ', publisher: undefined, introduction: null }, { title: '范特西', publisher: '', introduction: '' }),
    ).toBe(true);
    const credits = saved.credits.map((row) => ({ ...row, names: [...row.names, ''] }));
    expect(sameFormValues({ ...saved, credits }, saved)).toBe(true);
    expect(sameFormValues({ ...saved, title: '' }, { ...saved, title: '   ' })).toBe(true);
  });
});

describe(leavesPage.name, () => {
  it("asks only when the page changes, not when a tab in the page's address does", () => {
    expect(leavesPage({ pathname: '/albums/1' }, { pathname: '/albums' })).toBe(true);
    expect(leavesPage({ pathname: '/albums/1' }, { pathname: '/albums/1/tracks/new' })).toBe(true);
    expect(leavesPage({ pathname: '/albums/1' }, { pathname: '/albums/1' })).toBe(false);
  });
});
