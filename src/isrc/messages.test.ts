import { describe, expect, it } from 'vitest';
import { ISRC_WARNING_KINDS } from './check.js';
import type { IsrcWarning, IsrcWarningKind } from './check.js';
import { ISRC_ERROR_KINDS, ISRC_ERROR_REASONS, normaliseIsrc } from './isrc.js';
import type { IsrcError, IsrcErrorKind, IsrcErrorReason } from './isrc.js';
import { isrcErrorMessage, isrcWarningMessage } from './messages.js';

/** The kind each reason refines; typed as a full record so a new reason must be added here. */
const REASON_KIND: Record<IsrcErrorReason, IsrcErrorKind> = {
  zero: 'designation',
  'unknown-prefix': 'country',
  'retired-prefix': 'country',
  future: 'year',
};

/** One fully detailed example per kind, as the parsers produce them. */
const DETAILED: Record<IsrcErrorKind, IsrcError> = {
  empty: { kind: 'empty' },
  length: { kind: 'length', length: 13 },
  characters: { kind: 'characters', position: 8, character: '.' },
  country: { kind: 'country', value: 'T1' },
  registrant: { kind: 'registrant', value: 'A-1' },
  year: { kind: 'year', value: 'A8' },
  designation: { kind: 'designation', value: 'A0001' },
};

const WARNINGS: { [K in IsrcWarningKind]: Extract<IsrcWarning, { kind: K }> } = {
  'unknown-country-prefix': { kind: 'unknown-country-prefix', countryCode: 'XX' },
  'retired-country-prefix': { kind: 'retired-country-prefix', countryCode: 'YU' },
  'future-year': { kind: 'future-year', yearOfReference: 27, fullYear: 2027, currentYear: 2026 },
  'year-before-code': { kind: 'year-before-code', fullYear: 1999, allocatedYear: 2026 },
};

const bare: IsrcError[] = ISRC_ERROR_KINDS.map((kind) => ({ kind }));
const detailed: IsrcError[] = ISRC_ERROR_KINDS.map((kind) => DETAILED[kind]);
const withReason: IsrcError[] = ISRC_ERROR_REASONS.flatMap((reason) => [
  { kind: REASON_KIND[reason], reason },
  { kind: REASON_KIND[reason], reason, value: 'XX', currentYear: 2026 },
]);
const allErrors = [...bare, ...detailed, ...withReason];
const allWarnings: IsrcWarning[] = ISRC_WARNING_KINDS.map((kind) => WARNINGS[kind]);

function expectHouseStyle(zh: string, en: string): void {
  expect(zh.trim()).not.toBe('');
  expect(en.trim()).not.toBe('');
  expect(zh).not.toBe(en);
  expect(zh).toMatch(/\p{Script=Han}/u);
  expect(en).not.toMatch(/\p{Script=Han}/u);
  // zh-TW: no exclamation marks, full-width punctuation in the Chinese sentence.
  expect(zh).not.toMatch(/[!！]/);
  expect(zh).not.toMatch(/[,;()]/);
  expect(en).not.toMatch(/!/);
}

describe('isrcErrorMessage', () => {
  it.each(allErrors.map((e) => [JSON.stringify(e), e] as const))('%s has a message in both locales', (_label, e) => {
    expectHouseStyle(isrcErrorMessage(e, 'zh-TW'), isrcErrorMessage(e, 'en'));
  });

  it('each reason changes the message of its kind', () => {
    for (const reason of ISRC_ERROR_REASONS) {
      const kind = REASON_KIND[reason];
      for (const locale of ['zh-TW', 'en'] as const) {
        expect(isrcErrorMessage({ kind, reason }, locale)).not.toBe(isrcErrorMessage({ kind }, locale));
      }
    }
  });

  it('matches the agreed zh-TW wording', () => {
    expect(isrcErrorMessage({ kind: 'length', length: 13 }, 'zh-TW')).toBe('ISRC 應為 12 個字元，目前為 13 個');
    expect(isrcErrorMessage({ kind: 'country', reason: 'unknown-prefix', value: 'XX' }, 'zh-TW')).toBe('國碼 XX 不在 IFPI 已分配的國碼清單中');
    expect(isrcErrorMessage({ kind: 'year', reason: 'future', currentYear: 2026 }, 'zh-TW')).toBe('ISRC 年份不可晚於今年（2026）');
  });

  it('quotes the details the parser found', () => {
    const cases: [string, string[]][] = [
      ['TWA0118000011', ['13']],
      ['TWA0118.0001', ['8', '.']],
      ['T1A011800001', ['T1']],
      ['TWA01A800001', ['A8']],
      ['TWA0118A0001', ['A0001']],
      ['TWA011800000', ['00000']],
    ];
    for (const [input, details] of cases) {
      const result = normaliseIsrc(input);
      if (result.ok) {
        throw new Error(`${input} should be rejected`);
      }
      for (const locale of ['zh-TW', 'en'] as const) {
        const message = isrcErrorMessage(result.error, locale);
        for (const detail of details) {
          expect(message).toContain(detail);
        }
      }
    }
  });

  it('names invisible characters by code point', () => {
    const message = isrcErrorMessage({ kind: 'characters', position: 3, character: '\u0007' }, 'en');
    expect(message).toContain('U+0007');
  });
});

describe('isrcWarningMessage', () => {
  it.each(allWarnings.map((w) => [w.kind, w] as const))('%s has a message in both locales', (_kind, w) => {
    expectHouseStyle(isrcWarningMessage(w, 'zh-TW'), isrcWarningMessage(w, 'en'));
  });

  it('quotes the country code and years', () => {
    for (const locale of ['zh-TW', 'en'] as const) {
      expect(isrcWarningMessage(WARNINGS['unknown-country-prefix'], locale)).toContain('XX');
      expect(isrcWarningMessage(WARNINGS['retired-country-prefix'], locale)).toContain('YU');
      const future = isrcWarningMessage(WARNINGS['future-year'], locale);
      expect(future).toContain('2027');
      expect(future).toContain('2026');
    }
  });

  it('says why a year before the code is refused, and the exception', () => {
    expect(isrcWarningMessage(WARNINGS['year-before-code'], 'zh-TW')).toBe('ISRC 年份（1999）早於此登記者代碼的配發年份（2026）；錄製年代碼是編碼當年，除非本專輯為回溯編碼');
    expect(isrcWarningMessage(WARNINGS['year-before-code'], 'en')).toBe(
      'The ISRC year (1999) is before its registrant code was allocated (2026); the year of reference is the year the ISRC is assigned, unless the album is a retroactive assignment.',
    );
  });
});
