import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALBUM_TYPES, CREDIT_ROLES, MEDIA_FORMS, RELEASE_TYPES } from '../../../../src/catalog/vocabularies.js';
import { codeOrNull, labelWidth, termLabel, termOptions, useCatalogLocale } from './catalog-locale';

const i18n = vi.hoisted(() => ({ resolvedLanguage: undefined as string | undefined, language: 'zh-TW' }));
vi.mock('react-i18next', () => ({ useTranslation: () => ({ i18n }) }));

describe(useCatalogLocale.name, () => {
  afterEach(() => {
    i18n.resolvedLanguage = undefined;
    i18n.language = 'zh-TW';
  });

  it('speaks English only when the UI is in English', () => {
    i18n.resolvedLanguage = 'en';
    expect(useCatalogLocale()).toBe('en');
    i18n.resolvedLanguage = 'zh-TW';
    expect(useCatalogLocale()).toBe('zh-TW');
  });

  it('prefers the resolved language and falls back to the requested one', () => {
    i18n.resolvedLanguage = 'zh-TW';
    i18n.language = 'en';
    expect(useCatalogLocale()).toBe('zh-TW');
    i18n.resolvedLanguage = undefined;
    expect(useCatalogLocale()).toBe('en');
  });

  it('defaults to zh-TW for any other language', () => {
    i18n.language = 'ja';
    expect(useCatalogLocale()).toBe('zh-TW');
  });
});

describe(termOptions.name, () => {
  it('offers every term with its code as value, labelled in the locale', () => {
    expect(termOptions(RELEASE_TYPES, 'zh-TW')).toEqual([
      { value: 'digital', label: '數位發行' },
      { value: 'physical', label: '實體發行' },
    ]);
    expect(termOptions(RELEASE_TYPES, 'en')).toEqual([
      { value: 'digital', label: 'Digital release' },
      { value: 'physical', label: 'Physical release' },
    ]);
    expect(termOptions(MEDIA_FORMS, 'en').map((option) => option.value)).toEqual(MEDIA_FORMS.map((term) => term.code));
  });
});

describe(termLabel.name, () => {
  it('labels a code in the locale', () => {
    expect(termLabel(CREDIT_ROLES, 'narrator', 'zh-TW')).toBe('旁白／說書人');
    expect(termLabel(CREDIT_ROLES, 'narrator', 'en')).toBe('Narrator');
  });

  it('shows an unknown code as is and nothing for no code', () => {
    expect(termLabel(ALBUM_TYPES, 'mixtape', 'zh-TW')).toBe('mixtape');
    expect(termLabel(ALBUM_TYPES, null, 'zh-TW')).toBe('');
    expect(termLabel(ALBUM_TYPES, undefined, 'en')).toBe('');
    expect(termLabel(ALBUM_TYPES, '', 'en')).toBe('');
  });
});

describe(codeOrNull.name, () => {
  it('keeps a code of the vocabulary', () => {
    expect(codeOrNull(ALBUM_TYPES, 'ep')).toBe('ep');
    expect(codeOrNull(MEDIA_FORMS, 'blu-ray')).toBe('blu-ray');
  });

  it('gives null for empty, unknown or differently spelt values', () => {
    expect(codeOrNull(ALBUM_TYPES, undefined)).toBeNull();
    expect(codeOrNull(ALBUM_TYPES, null)).toBeNull();
    expect(codeOrNull(ALBUM_TYPES, '')).toBeNull();
    expect(codeOrNull(ALBUM_TYPES, 'EP')).toBeNull();
    expect(codeOrNull(ALBUM_TYPES, '迷你專輯（EP）')).toBeNull();
    // A code of another vocabulary is not enough.
    expect(codeOrNull(ALBUM_TYPES, 'vinyl')).toBeNull();
  });
});

describe(labelWidth.name, () => {
  it('is wider for English labels and for the track form', () => {
    expect(labelWidth('zh-TW', 'album')).toBe('9em');
    expect(labelWidth('zh-TW', 'track')).toBe('10em');
    expect(labelWidth('en', 'album')).toBe('13em');
    expect(labelWidth('en', 'track')).toBe('14em');
  });
});
