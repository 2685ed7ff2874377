import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGES, htmlLangOf, isLanguage, readStoredLanguage, storeLanguage } from './language';

/** A window with only localStorage, backed by a Map. */
function fakeWindow(storage: Partial<Storage> = {}) {
  const items = new Map<string, string>();
  const localStorage: Partial<Storage> = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    ...storage,
  };
  vi.stubGlobal('window', { localStorage });
  return items;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe(isLanguage.name, () => {
  it('knows the two UI languages', () => {
    expect(LANGUAGES).toEqual(['zh-TW', 'en']);
    for (const language of LANGUAGES) {
      expect(isLanguage(language)).toBe(true);
    }
  });

  it.each([['zh-tw'], ['zh'], ['zh-Hant-TW'], ['EN'], ['en-US'], [''], [null], [undefined], [1]])('refuses %j', (value) => {
    expect(isLanguage(value)).toBe(false);
  });
});

describe(htmlLangOf.name, () => {
  it('tags Chinese as Traditional Chinese of Taiwan', () => {
    expect(htmlLangOf('zh-TW')).toBe('zh-Hant-TW');
    expect(htmlLangOf('en')).toBe('en');
  });
});

describe('stored language', () => {
  it('remembers the chosen language', () => {
    const items = fakeWindow();
    storeLanguage('en');
    expect(items.get('isrc.language')).toBe('en');
    expect(readStoredLanguage()).toBe('en');
    storeLanguage('zh-TW');
    expect(readStoredLanguage()).toBe('zh-TW');
  });

  it('defaults to zh-TW when nothing or something else is stored', () => {
    const items = fakeWindow();
    expect(readStoredLanguage()).toBe('zh-TW');
    items.set('isrc.language', 'fr');
    expect(readStoredLanguage()).toBe('zh-TW');
  });

  it('copes with storage that refuses to be used (private mode)', () => {
    fakeWindow({
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(() => {
      storeLanguage('en');
    }).not.toThrow();
    expect(readStoredLanguage()).toBe('zh-TW');
  });

  it('copes with no window at all', () => {
    vi.stubGlobal('window', undefined);
    expect(readStoredLanguage()).toBe('zh-TW');
    expect(() => {
      storeLanguage('en');
    }).not.toThrow();
  });
});
