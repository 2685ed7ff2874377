import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhTW from './zh-TW.json';
import { FEATURE_NAMESPACES } from '../lib/i18n-namespaces';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf path, e.g. `nav.albums`; throws on a value that is neither text nor a nested object. */
function leafPaths(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    throw new Error(`${prefix || '(root)'} must be an object`);
  }
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return typeof value === 'string' ? [path] : leafPaths(value, path);
  });
}

function emptyPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') {
      return value.trim() === '' ? [path] : [];
    }
    return emptyPaths(value, path);
  });
}

const locales: Record<string, Tree> = { 'zh-TW': zhTW, en };

describe('locale files', () => {
  it('have identical key sets (recursively)', () => {
    expect(leafPaths(en).sort()).toEqual(leafPaths(zhTW).sort());
  });

  it.each(Object.keys(locales))('%s has no empty strings', (name) => {
    const tree = locales[name];
    expect(tree).toBeDefined();
    expect(emptyPaths(tree ?? {})).toEqual([]);
  });

  it.each(Object.keys(locales))('%s uses the same {{placeholders}} as zh-TW for each key', (name) => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const lookup = (tree: Tree, path: string): string => {
      const value = path.split('.').reduce<string | Tree | undefined>((node, key) => (typeof node === 'object' ? node[key] : undefined), tree);
      return typeof value === 'string' ? value : '';
    };
    const tree = locales[name] ?? {};
    for (const path of leafPaths(zhTW)) {
      expect(placeholders(lookup(tree, path)), path).toEqual(placeholders(lookup(zhTW, path)));
    }
  });

  it.each(Object.keys(FEATURE_NAMESPACES) as (keyof typeof FEATURE_NAMESPACES)[])(
    'feature namespace %s has the same keys, no empty text and the same {{placeholders}} in both languages',
    (ns) => {
      const { 'zh-TW': zh, en: english } = FEATURE_NAMESPACES[ns] as { 'zh-TW': Tree; en: Tree };
      expect(leafPaths(english).sort()).toEqual(leafPaths(zh).sort());
      expect([...emptyPaths(zh), ...emptyPaths(english)]).toEqual([]);
      const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      const lookup = (tree: Tree, path: string): string => {
        const value = path.split('.').reduce<string | Tree | undefined>((node, key) => (typeof node === 'object' ? node[key] : undefined), tree);
        return typeof value === 'string' ? value : '';
      };
      for (const path of leafPaths(zh)) {
        expect(placeholders(lookup(english, path)), `${ns}:${path}`).toEqual(placeholders(lookup(zh, path)));
      }
    },
  );
});
