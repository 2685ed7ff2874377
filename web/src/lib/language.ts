/** The two languages of the UI; zh-TW is the agency's language and the default. */
export const LANGUAGES = ['zh-TW', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'isrc.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'zh-TW' || value === 'en';
}

export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'zh-TW';
  } catch {
    return 'zh-TW';
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or disabled storage: the choice lasts for this page only.
  }
}

/** BCP 47 tag for the `lang` attribute (Traditional Chinese as used in Taiwan). */
export function htmlLangOf(language: Language): string {
  return language === 'en' ? 'en' : 'zh-Hant-TW';
}
