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

/** The guide's names of functions that were once marked pending in the manual, as it writes them. */
const GUIDE_TERMS = ['專輯匯入', '出版者資料異動申請單', '數位媒體批次上傳', '年度使用編號查詢', '年度回報量統計表'];

describe('functions not online yet', () => {
  it('the manual names the functions of the guide and marks none of them 「尚未開放」 now that all are online', () => {
    const manual = leaves(zhTW.manual);
    const naming = manual.filter(([, text]) => GUIDE_TERMS.some((term) => text.includes(term))).map(([path]) => path);
    expect(naming).toContain('report.step5');
    expect(naming.filter((path) => MANUAL_PENDING[path] !== undefined)).toEqual([]);
    expect(PENDING_FEATURES).toEqual([]);
  });

  it('each has an interim route in both languages that says whom to contact', () => {
    expect(zhTW.pending.tag).toBe('尚未開放');
    for (const feature of PENDING_FEATURES) {
      expect(zhTW.pending[feature], feature).toContain('ISRC 管理中心');
      expect(en.pending[feature], feature).toContain('ISRC agency');
    }
  });
});
