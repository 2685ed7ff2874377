import { describe, expect, it } from 'vitest';
import { changedFields } from './audit-diff';

describe(changedFields.name, () => {
  it('lists only the keys whose values changed', () => {
    expect(changedFields({ title: 'A', status: 'draft', n: 1 }, { title: 'B', status: 'draft', n: 1 })).toEqual([
      { key: 'title', before: 'A', after: 'B' },
    ]);
  });

  it('shows nested values as JSON and removed keys last', () => {
    expect(changedFields({ credits: [{ role: 'performer' }], gone: 'x' }, { credits: [] })).toEqual([
      { key: 'credits', before: '[{"role":"performer"}]', after: '[]' },
      { key: 'gone', before: 'x', after: '' },
    ]);
  });

  it('shows every field of a creation or a deletion', () => {
    expect(changedFields(null, { name: '甲', phone: '' })).toEqual([{ key: 'name', before: '', after: '甲' }]);
    expect(changedFields({ name: '甲' }, null)).toEqual([{ key: 'name', before: '甲', after: '' }]);
  });

  it('compares plain values as one row, and nothing when both are empty', () => {
    expect(changedFields(null, null)).toEqual([]);
    expect(changedFields('a', 'b')).toEqual([{ key: '', before: 'a', after: 'b' }]);
  });
});
