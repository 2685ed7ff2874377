import {
  ALBUM_TYPES,
  CREDIT_ROLES,
  MEDIA_FORMS,
  PUBLICATION_CATEGORIES,
  RELEASE_TYPES,
  VERSION_TYPES,
  WORK_CATEGORIES,
  type Term,
} from '../../../../src/catalog/vocabularies.js';
import type { CatalogLocale } from '../albums/catalog-locale';
import { termLabel } from '../albums/catalog-locale';

/** Fields whose value is a code of a controlled vocabulary. */
const VOCABULARY_OF: Readonly<Record<string, readonly Term[]>> = {
  releaseType: RELEASE_TYPES,
  albumType: ALBUM_TYPES,
  workCategory: WORK_CATEGORIES,
  mediaForm: MEDIA_FORMS,
  publicationCategory: PUBLICATION_CATEGORIES,
  versionType: VERSION_TYPES,
};

interface CreditLike {
  role: string;
  names: readonly string[];
}

function isCredits(value: unknown): value is readonly CreditLike[] {
  return Array.isArray(value) && value.every((v: unknown) => typeof v === 'object' && v !== null && 'role' in v && 'names' in v);
}

/** 表演者：甲、乙；作詞者：丙 */
export function formatCredits(credits: readonly CreditLike[], locale: CatalogLocale): string {
  const lines = credits.filter((c) => c.names.some((n) => n.trim() !== ''));
  if (lines.length === 0) {
    return '—';
  }
  const zh = locale === 'zh-TW';
  return lines
    .map((c) => `${termLabel(CREDIT_ROLES, c.role, locale)}${zh ? '：' : ': '}${c.names.filter((n) => n.trim() !== '').join(zh ? '、' : ', ')}`)
    .join(zh ? '；' : '; ');
}

/** A field value as the officer reads it: labels for codes, yes/no, credits spelled out, — for nothing. */
export function formatFieldValue(field: string, value: unknown, locale: CatalogLocale, yesNo: { yes: string; no: string }): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (typeof value === 'boolean') {
    return value ? yesNo.yes : yesNo.no;
  }
  if (isCredits(value)) {
    return formatCredits(value, locale);
  }
  const vocabulary = VOCABULARY_OF[field];
  if (vocabulary !== undefined && typeof value === 'string') {
    return termLabel(vocabulary, value, locale);
  }
  if (typeof value === 'string') {
    return field === 'releaseDate' || field === 'recordingDate' ? value.replaceAll('-', '.') : value;
  }
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** 2026.03.09 14:05 in the agency's time zone. */
export function formatDateTime(value: string | null, timeZone: string): string {
  if (value === null) {
    return '—';
  }
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(value));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}.${get('month')}.${get('day')} ${get('hour')}:${get('minute')}`;
}
