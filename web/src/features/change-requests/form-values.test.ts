import { describe, expect, it } from 'vitest';
import { afterProblem, formatSize } from './form-values';
import en from './locales/en.json';
import zhTW from './locales/zh-TW.json';

type Tree = { readonly [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree)
    .flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
    .sort();

describe(afterProblem.name, () => {
  it('applies the server rules and refuses an unchanged value', () => {
    expect(afterProblem('address', '舊址', ' 新址 ')).toBeUndefined();
    expect(afterProblem('address', '舊址', '舊址 ')).toEqual({ key: 'sameAsCurrent' });
    expect(afterProblem('name', 'A', '  ')).toEqual({ key: 'required' });
    expect(afterProblem('email', '', 'nope')).toEqual({ key: 'badFormat' });
    expect(afterProblem('phone', '', '02-abc')).toEqual({ key: 'badFormat' });
    expect(afterProblem('contactPerson', '', 'x'.repeat(101))).toEqual({ key: 'tooLong', limit: 100 });
    expect(afterProblem('email', 'a@b.tw', '')).toBeUndefined();
  });
});

describe(formatSize.name, () => {
  it('shows KB under a megabyte and MB above', () => {
    expect(formatSize(2048)).toBe('2 KB');
    expect(formatSize(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});

describe('changeRequests locales', () => {
  it('have the same keys in zh-TW and en', () => {
    expect(keys(en)).toEqual(keys(zhTW));
  });
});
