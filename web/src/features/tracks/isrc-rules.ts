import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { problemMessage } from '../../../../src/catalog/field-labels.js';
import {
  checkIsrc,
  codeYearFinding,
  isrcErrorMessage,
  isrcWarningMessage,
  normaliseIsrc,
  type IsrcParts,
  type YearBeforeCode,
} from '../../../../src/isrc/index.js';
import type { CatalogLocale } from '../albums/catalog-locale';
import type { IsrcMode } from './track-values';

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/** What the form knows about the registrant's codes' years: by code (once loaded), and whether the album is 回溯編碼. */
export interface CodeYears {
  allocatedYears: Readonly<Record<string, number>> | undefined;
  retroactive: boolean;
}

/**
 * The server's rule for a code typed as one's own: its year may not be before the year its
 * registrant code was allocated, unless the album is 回溯編碼. undefined when fine or not known.
 */
export function ownCodeYearProblem(parts: IsrcParts, years: CodeYears | undefined): YearBeforeCode | undefined {
  const allocatedYear = years?.allocatedYears?.[parts.registrantCode];
  return allocatedYear === undefined || years === undefined ? undefined : codeYearFinding(parts.yearOfReference, allocatedYear, years.retroactive);
}

/**
 * The ISRC input, checked as typed with the server's rules: 自行輸入 as a new code of ours
 * (purpose allocate, one of our registrant codes when we know them), 境外錄音 as an existing
 * foreign code (purpose report-foreign: unknown prefix or future year only warn). `currentYear` is the
 * agency's year now (useAgency().agencyYear), asked each time a value is checked. With `years`, an
 * own code's year before its registrant code was allocated is refused as the server refuses it, and
 * so is a foreign code on a recording not produced abroad.
 */
export function isrcRules(
  t: TFunction,
  locale: CatalogLocale,
  codes: readonly string[] | undefined,
  currentYear: () => number,
  years?: CodeYears,
): FormRule[] {
  const modeOf = (getFieldValue: (name: string) => unknown): IsrcMode => (getFieldValue('isrcMode') === 'foreign' ? 'foreign' : 'own');
  return [
    ({ getFieldValue }) => ({
      validator: (_rule, value: unknown) => {
        if (blank(value)) {
          return Promise.resolve();
        }
        const mode = modeOf(getFieldValue);
        const checked = checkIsrc(String(value), { purpose: mode === 'own' ? 'allocate' : 'report-foreign', currentYear: currentYear() });
        if (!checked.valid) {
          return Promise.reject(new Error(isrcErrorMessage(checked.error, locale)));
        }
        const code = checked.parts.registrantCode;
        if (mode === 'own' && codes !== undefined && codes.length > 0 && !codes.includes(code)) {
          return Promise.reject(new Error(t('tracks.isrc.notOwnCode', { code, codes: codes.join(locale === 'en' ? ', ' : '、') })));
        }
        const early = mode === 'own' ? ownCodeYearProblem(checked.parts, years) : undefined;
        if (early !== undefined) {
          return Promise.reject(new Error(isrcWarningMessage(early, locale)));
        }
        // The server keeps a foreign code only on a recording produced abroad (是否為境外作品).
        if (mode === 'foreign' && getFieldValue('producedAbroad') !== true) {
          return Promise.reject(new Error(problemMessage('track', 'isrc', 'foreign-not-abroad', locale)));
        }
        return Promise.resolve();
      },
    }),
    ({ getFieldValue }) => ({
      warningOnly: true,
      validator: (_rule, value: unknown) => {
        if (blank(value)) {
          return Promise.reject(new Error(problemMessage('track', 'isrc', 'isrc-required', locale)));
        }
        if (modeOf(getFieldValue) !== 'foreign') {
          return Promise.resolve();
        }
        const checked = checkIsrc(String(value), { purpose: 'report-foreign', currentYear: currentYear() });
        const warnings = checked.warnings.map((warning) => isrcWarningMessage(warning, locale));
        return warnings.length > 0 ? Promise.reject(new Error(warnings.join(' '))) : Promise.resolve();
      },
    }),
  ];
}

/** 原版本 ISRC: well-formed, and not the ISRC of this (new) version. */
export function versionOfRules(locale: CatalogLocale, ownIsrc: () => string | null): FormRule[] {
  return [
    {
      validator: (_rule, value: unknown) => {
        if (blank(value)) {
          return Promise.resolve();
        }
        const original = normaliseIsrc(String(value));
        if (!original.ok) {
          return Promise.reject(new Error(isrcErrorMessage(original.error, locale)));
        }
        return original.value === ownIsrc()
          ? Promise.reject(new Error(problemMessage('track', 'versionOfIsrc', 'version-same-isrc', locale)))
          : Promise.resolve();
      },
    },
    {
      warningOnly: true,
      validator: (_rule, value: unknown) =>
        blank(value) ? Promise.reject(new Error(problemMessage('track', 'versionOfIsrc', 'required', locale))) : Promise.resolve(),
    },
  ];
}
