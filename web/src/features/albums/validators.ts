import type { FormRule as Rule } from 'antd';
import type { TFunction } from 'i18next';
import { problemMessage, type ProblemCode } from '../../../../src/catalog/field-labels.js';
import { parseDuration, parsePartialDate, parseRecordingDate } from '../../../../src/catalog/formats.js';
import type { CatalogLocale } from './catalog-locale';

const blank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

/**
 * A required field that does not block 儲存修改 (drafts may be incomplete): shown as a warning
 * with the same message the submission check gives.
 */
export function requiredWarning(scope: 'album' | 'track', field: string, locale: CatalogLocale, code: ProblemCode = 'required'): Rule {
  return {
    warningOnly: true,
    validator: (_rule, value: unknown) =>
      (code === 'choose' ? value === null || value === undefined || value === '' : blank(value))
        ? Promise.reject(new Error(problemMessage(scope, field, code, locale)))
        : Promise.resolve(),
  };
}

/** 發行日期: YYYY, YYYY.MM or YYYY.MM.DD, checked as typed with the server's parser. */
export function releaseDateRule(t: TFunction): Rule {
  return {
    validator: (_rule, value: unknown) => {
      if (blank(value)) {
        return Promise.resolve();
      }
      const parsed = parsePartialDate(String(value));
      return parsed.ok ? Promise.resolve() : Promise.reject(new Error(t(`catalogForm.date.${parsed.error}`)));
    },
  };
}

/** 錄製日期: YYYY or YYYY.MM. */
export function recordingDateRule(t: TFunction): Rule {
  return {
    validator: (_rule, value: unknown) => {
      if (blank(value)) {
        return Promise.resolve();
      }
      const parsed = parseRecordingDate(String(value));
      if (parsed.ok) {
        return Promise.resolve();
      }
      const key = parsed.error === 'format' ? 'recordingFormat' : parsed.error;
      return Promise.reject(new Error(t(`catalogForm.date.${key}`)));
    },
  };
}

/** 錄製長度: h:mm:ss (m:ss and plain seconds accepted too). */
export function durationRule(t: TFunction): Rule {
  return {
    validator: (_rule, value: unknown) => {
      if (blank(value)) {
        return Promise.resolve();
      }
      const parsed = parseDuration(String(value));
      return parsed.ok ? Promise.resolve() : Promise.reject(new Error(t(`catalogForm.duration.${parsed.error}`)));
    },
  };
}

/** Text as the API takes it: trimmed; blank optional values become null. */
export function textOrNull(value: string | undefined | null): string | null {
  const text = (value ?? '').trim();
  return text === '' ? null : text;
}
