import { describe, expect, it } from 'vitest';
import { interpolate, localeFromAcceptLanguage } from './locale.js';
import { ERROR_CODES } from './errors.js';
import { ERROR_MESSAGES } from './messages.js';

describe(localeFromAcceptLanguage.name, () => {
  it.each([
    [undefined, 'zh-TW'],
    ['', 'zh-TW'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['zh-TW,zh;q=0.9,en;q=0.8', 'zh-TW'],
    ['fr-FR,en;q=0.5', 'en'],
    ['en;q=0.3,zh-Hant;q=0.8', 'zh-TW'],
    ['de', 'zh-TW'],
    ['en;q=0', 'zh-TW'],
  ])('%s → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe(interpolate.name, () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('ISRC {isrc} 已被使用{where}。', { isrc: 'TW-A01-26-00001', where: '' })).toBe('ISRC TW-A01-26-00001 已被使用。');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('error messages', () => {
  it('exist for every code in both languages, Chinese with full-width punctuation and no exclamation marks', () => {
    for (const code of ERROR_CODES) {
      const { 'zh-TW': zh, en } = ERROR_MESSAGES[code];
      expect(zh.length, code).toBeGreaterThan(0);
      expect(en.length, code).toBeGreaterThan(0);
      expect(zh, code).not.toBe(en);
      expect(zh, code).not.toMatch(/[!！]/);
      expect(zh, code).not.toMatch(/[\u4e00-\u9fff][,.:;?]/);
    }
  });
});
