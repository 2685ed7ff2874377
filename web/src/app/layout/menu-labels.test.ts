import { describe, expect, it } from 'vitest';
import zhTW from '../../locales/zh-TW.json';
import en from '../../locales/en.json';

describe('menu labels', () => {
  it.each([
    ['zh-TW', zhTW],
    ['en', en],
  ] as const)('name the settings page as its title does (%s)', (_language, texts) => {
    expect(texts.nav.settings).toBe(texts.settings.title);
  });

  it('use the issue word 設定 for the officers settings page', () => {
    expect(zhTW.nav.settings).toBe('設定');
  });
});
