import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhTW from '../../locales/zh-TW.json';
import { MANUAL_PENDING, PENDING_FEATURES } from './pending-features';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return typeof value === 'string' ? [[path, value]] : leaves(value, path);
  });
}

/** The guide's names of the functions not online yet, as the manual writes them. */
const GUIDE_TERMS: Readonly<Record<string, string>> = {
  albumImport: '專輯匯入',
};

describe('functions not online yet', () => {
  it('every item of 業者操作手冊 that sends users to one is marked 「尚未開放」 with its interim route', () => {
    const manual = leaves(zhTW.manual);
    const naming = manual.filter(([, text]) => Object.values(GUIDE_TERMS).some((term) => text.includes(term))).map(([path]) => path);
    expect(naming.length).toBeGreaterThanOrEqual(1);
    expect(naming.filter((path) => MANUAL_PENDING[path] === undefined)).toEqual([]);
    for (const [path, feature] of Object.entries(MANUAL_PENDING)) {
      const text = manual.find(([p]) => p === path)?.[1] ?? '';
      expect(text, path).toContain(GUIDE_TERMS[feature ?? ''] ?? '(no guide term)');
    }
  });

  it('each has an interim route in both languages that says whom to contact', () => {
    expect(zhTW.pending.tag).toBe('尚未開放');
    for (const feature of PENDING_FEATURES) {
      expect(zhTW.pending[feature], feature).toContain('ISRC 管理中心');
      expect(en.pending[feature], feature).toContain('ISRC agency');
    }
  });
});
