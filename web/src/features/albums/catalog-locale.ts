import { useTranslation } from 'react-i18next';
import { labelOf, type Term } from '../../../../src/catalog/vocabularies.js';

/** The locale the shared pure modules (vocabularies, problem and ISRC messages) speak. */
export type CatalogLocale = 'zh-TW' | 'en';

export function useCatalogLocale(): CatalogLocale {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'zh-TW';
}

export interface TermOption {
  value: string;
  label: string;
}

/** Select options of a controlled vocabulary, labelled in the current language. */
export function termOptions(terms: readonly Term[], locale: CatalogLocale): TermOption[] {
  return terms.map((term) => ({ value: term.code, label: locale === 'en' ? term.en : term.zh }));
}

/** A vocabulary label in the current language; the code itself when unknown; '' for none. */
export function termLabel(terms: readonly Term[], code: string | null | undefined, locale: CatalogLocale): string {
  return code === null || code === undefined || code === '' ? '' : labelOf(terms, code, locale);
}

/** The code if it belongs to the vocabulary, else null (form values are plain strings). */
export function codeOrNull<T extends readonly Term[]>(terms: T, value: string | null | undefined): T[number]['code'] | null {
  const term: T[number] | undefined = terms.find((candidate) => candidate.code === value);
  return term === undefined ? null : term.code;
}

/** Width of the label column of the album and track forms: English labels are longer. */
export function labelWidth(locale: CatalogLocale, form: 'album' | 'track'): string {
  if (locale === 'en') {
    return form === 'album' ? '13em' : '14em';
  }
  return form === 'album' ? '9em' : '10em';
}
