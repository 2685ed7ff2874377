import type { FormRule as Rule } from 'antd';
import type { TFunction } from 'i18next';
import { problemMessage, type ProblemCode } from '../../../../src/catalog/field-labels.js';
import {
  dateWarning,
  dateYearBounds,
  DATE_MAX_YEARS_AHEAD,
  parseDuration,
  parseRecordingDate,
  parseReleaseDate,
  type PartialDateError,
} from '../../../../src/catalog/formats.js';
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

/** The message of a refused date; `format` is the field's own form message key. */
function dateError(t: TFunction, error: PartialDateError, format: 'format' | 'recordingFormat', currentYear: number): Error {
  const { earliest, latest } = dateYearBounds(currentYear);
  return new Error(t(`catalogForm.date.${error === 'format' ? format : error}`, { earliest, latest, years: DATE_MAX_YEARS_AHEAD }));
}

type DateField = 'releaseDate' | 'recordingDate';

const parseDate = (field: DateField, text: string, currentYear: number) =>
  field === 'releaseDate' ? parseReleaseDate(text, currentYear) : parseRecordingDate(text, currentYear);

/**
 * 發行日期: YYYY, YYYY.MM or YYYY.MM.DD from 1877 to the agency's year + 5, checked as typed with
 * the server's parser. `currentYear` is the agency's year (useAgency().agencyYear), asked each time.
 */
export function releaseDateRule(t: TFunction, currentYear: () => number): Rule {
  return {
    validator: (_rule, value: unknown) => {
      if (blank(value)) {
        return Promise.resolve();
      }
      const year = currentYear();
      const parsed = parseReleaseDate(String(value), year);
      return parsed.ok ? Promise.resolve() : Promise.reject(dateError(t, parsed.error, 'format', year));
    },
  };
}

/** 錄製日期: YYYY or YYYY.MM, in the same years as release dates. */
export function recordingDateRule(t: TFunction, currentYear: () => number): Rule {
  return {
    validator: (_rule, value: unknown) => {
      if (blank(value)) {
        return Promise.resolve();
      }
      const year = currentYear();
      const parsed = parseRecordingDate(String(value), year);
      return parsed.ok ? Promise.resolve() : Promise.reject(dateError(t, parsed.error, 'recordingFormat', year));
    },
  };
}

/**
 * A valid date after next year (the agency's year + 1): saved, but shown with a warning, since
 * 2029 may be a typo for 2019. Warnings never block 儲存修改 or 送出審核.
 */
export function dateWarningRule(t: TFunction, field: DateField, currentYear: () => number): Rule {
  return {
    warningOnly: true,
    validator: (_rule, value: unknown) => {
      if (blank(value)) {
        return Promise.resolve();
      }
      const year = currentYear();
      const parsed = parseDate(field, String(value), year);
      if (!parsed.ok || dateWarning(parsed.value, year) === undefined) {
        return Promise.resolve();
      }
      return Promise.reject(
        new Error(t('catalogForm.date.afterNextYear', { year: parsed.value.slice(0, 4), nextYear: dateYearBounds(year).lastUnwarned })),
      );
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
