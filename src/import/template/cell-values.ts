/**
 * How the template writes a value and how a typed value maps back: credit names, vocabulary labels,
 * yes/no, dates and durations. Pure and browser-safe; the export writes with these and the importer
 * reads with them, so an exported album imports back unchanged.
 */
import { CREDIT_NAME_SEPARATOR } from '../../catalog/catalog.schemas.js';
import { formatPartialDate } from '../../catalog/formats.js';
import type { Term } from '../../catalog/vocabularies.js';
import type { TemplateLang } from './columns.js';

/**
 * Several names in one credit cell: written with 、 (zh-TW) or "; " (English); read split at 、, ;, ；
 * or a line break. Commas are not separators: "Earth, Wind & Fire" is one name.
 */
export const CREDIT_NAME_SEPARATORS = {
  write: { 'zh-TW': '、', en: '; ' },
  read: ['、', ';', '；', '\n'],
} as const;

export function splitCreditNames(cell: string): string[] {
  // NFC, not NFKC: a name keeps its full-width punctuation (旁白／說書人), as the forms keep it.
  return cell
    .normalize('NFC')
    .split(CREDIT_NAME_SEPARATOR)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export function joinCreditNames(names: readonly string[], lang: TemplateLang): string {
  return names.join(CREDIT_NAME_SEPARATORS.write[lang]);
}

const comparable = (value: string): string => value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The code a cell names: a term's zh-TW or English label (as in the drop-down) or its code; undefined if none. */
export function vocabularyCode<T extends Term>(terms: readonly T[], cell: string): T['code'] | undefined {
  const wanted = comparable(cell);
  if (wanted === '') {
    return undefined;
  }
  return terms.find((t) => comparable(t.zh) === wanted || comparable(t.en) === wanted || t.code === wanted)?.code;
}

/** The drop-down label of a code in the template's language (the code itself when unknown). */
export function vocabularyLabel(terms: readonly Term[], code: string, lang: TemplateLang): string {
  const term = terms.find((t) => t.code === code);
  return term === undefined ? code : lang === 'zh-TW' ? term.zh : term.en;
}

/** The yes/no drop-down's values: [yes, no]. */
export const YES_NO_VALUES = { 'zh-TW': ['是', '否'], en: ['Yes', 'No'] } as const satisfies Record<TemplateLang, readonly [string, string]>;

export function yesNoText(value: boolean, lang: TemplateLang): string {
  return YES_NO_VALUES[lang][value ? 0 : 1];
}

/** 245 → 4:05, 3725 → 1:02:05: m:ss under an hour, h:mm:ss from an hour (both read back by parseDuration). */
export function formatTemplateDuration(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = String(totalSeconds % 60).padStart(2, '0');
  return h === 0 ? `${m}:${s}` : `${h}:${String(m).padStart(2, '0')}:${s}`;
}

/** A stored partial date (2026-03-09, 2025-09, 2025) as the template writes it: 2026.03.09, 2025.09, 2025. */
export function formatTemplateDate(stored: string): string {
  return formatPartialDate(stored);
}
