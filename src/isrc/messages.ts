/**
 * Human messages for ISRC errors and warnings, in zh-TW and English.
 *
 * zh-TW style: polite and short, full-width punctuation in Chinese sentences
 * (，（）「」), half-width codes and numbers with a space either side, no
 * exclamation marks. Each message falls back to a generic sentence when a
 * detail field is missing, because errors can also be built by other code.
 */
import type { IsrcWarning } from './check.js';
import type { IsrcError } from './isrc.js';

export type IsrcLocale = 'zh-TW' | 'en';

/** Shows a character as is, or by code point when it would be invisible (control, format, space). */
function describeCharacter(c: string): string {
  if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(c)) {
    return c;
  }
  return Array.from(c, (unit) => `U+${(unit.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

function zhError(e: IsrcError): string {
  const v = e.value;
  switch (e.kind) {
    case 'empty':
      return '請輸入 ISRC';
    case 'length':
      return e.length === undefined ? 'ISRC 應為 12 個字元' : `ISRC 應為 12 個字元，目前為 ${e.length} 個`;
    case 'characters':
      return e.position === undefined || e.character === undefined
        ? 'ISRC 只能包含英文字母與數字'
        : `ISRC 只能包含英文字母與數字，第 ${e.position} 個字元「${describeCharacter(e.character)}」不符`;
    case 'country':
      if (e.reason === 'unknown-prefix' && v !== undefined) {
        return `國碼 ${v} 不在 IFPI 已分配的國碼清單中`;
      }
      if (e.reason === 'unknown-prefix') {
        return '國碼不在 IFPI 已分配的國碼清單中';
      }
      if (e.reason === 'retired-prefix' && v !== undefined) {
        return `國碼 ${v} 已停用，無法用於新的 ISRC`;
      }
      if (e.reason === 'retired-prefix') {
        return '國碼已停用，無法用於新的 ISRC';
      }
      return v === undefined ? '國碼應為 2 個英文字母' : `國碼應為 2 個英文字母，目前為 ${v}`;
    case 'registrant':
      return v === undefined ? '登記者代碼應為 3 個英文字母或數字' : `登記者代碼應為 3 個英文字母或數字，目前為 ${v}`;
    case 'year':
      if (e.reason === 'future') {
        return e.currentYear === undefined ? 'ISRC 年份不可晚於今年' : `ISRC 年份不可晚於今年（${e.currentYear}）`;
      }
      return v === undefined ? '年份應為 2 位數字' : `年份應為 2 位數字，目前為 ${v}`;
    case 'designation':
      if (e.reason === 'zero') {
        return '流水號不可為 00000，請從 00001 開始';
      }
      return v === undefined ? '流水號應為 00001 至 99999 的 5 位數字' : `流水號應為 00001 至 99999 的 5 位數字，目前為 ${v}`;
  }
}

function enError(e: IsrcError): string {
  const v = e.value;
  switch (e.kind) {
    case 'empty':
      return 'Please enter an ISRC.';
    case 'length':
      return e.length === undefined ? 'An ISRC must have 12 characters.' : `An ISRC must have 12 characters; got ${e.length}.`;
    case 'characters':
      return e.position === undefined || e.character === undefined
        ? 'An ISRC may contain only letters and digits.'
        : `An ISRC may contain only letters and digits; character ${e.position} (“${describeCharacter(e.character)}”) is not allowed.`;
    case 'country':
      if (e.reason === 'unknown-prefix' && v !== undefined) {
        return `Country code ${v} is not in IFPI's list of allocated prefixes.`;
      }
      if (e.reason === 'unknown-prefix') {
        return "The country code is not in IFPI's list of allocated prefixes.";
      }
      if (e.reason === 'retired-prefix' && v !== undefined) {
        return `Country code ${v} is retired and cannot be used for new ISRCs.`;
      }
      if (e.reason === 'retired-prefix') {
        return 'The country code is retired and cannot be used for new ISRCs.';
      }
      return v === undefined ? 'The country code must be 2 letters.' : `The country code must be 2 letters; got ${v}.`;
    case 'registrant':
      return v === undefined ? 'The registrant code must be 3 letters or digits.' : `The registrant code must be 3 letters or digits; got ${v}.`;
    case 'year':
      if (e.reason === 'future') {
        return e.currentYear === undefined ? 'The ISRC year cannot be later than this year.' : `The ISRC year cannot be later than this year (${e.currentYear}).`;
      }
      return v === undefined ? 'The year must be 2 digits.' : `The year must be 2 digits; got ${v}.`;
    case 'designation':
      if (e.reason === 'zero') {
        return 'The designation code cannot be 00000; it starts at 00001.';
      }
      return v === undefined ? 'The designation code must be 5 digits from 00001 to 99999.' : `The designation code must be 5 digits from 00001 to 99999; got ${v}.`;
  }
}

function zhWarning(w: IsrcWarning): string {
  switch (w.kind) {
    case 'unknown-country-prefix':
      return `國碼 ${w.countryCode} 不在 IFPI 已分配的國碼清單中，請確認是否正確`;
    case 'retired-country-prefix':
      return `國碼 ${w.countryCode} 已停用，僅適用於停用前核發的 ISRC，請確認是否正確`;
    case 'future-year':
      return `ISRC 年份 ${w.fullYear} 晚於今年（${w.currentYear}），請確認是否正確`;
    case 'year-before-code':
      return `ISRC 年份（${w.fullYear}）早於此登記者代碼的配發年份（${w.allocatedYear}）；錄製年代碼是編碼當年，除非本專輯為回溯編碼`;
  }
}

function enWarning(w: IsrcWarning): string {
  switch (w.kind) {
    case 'unknown-country-prefix':
      return `Country code ${w.countryCode} is not in IFPI's list of allocated prefixes; please check it.`;
    case 'retired-country-prefix':
      return `Country code ${w.countryCode} is retired and only valid on ISRCs issued before then; please check it.`;
    case 'future-year':
      return `The ISRC year ${w.fullYear} is later than this year (${w.currentYear}); please check it.`;
    case 'year-before-code':
      return `The ISRC year (${w.fullYear}) is before its registrant code was allocated (${w.allocatedYear}); the year of reference is the year the ISRC is assigned, unless the album is a retroactive assignment.`;
  }
}

export function isrcErrorMessage(err: IsrcError, locale: IsrcLocale): string {
  return locale === 'zh-TW' ? zhError(err) : enError(err);
}

export function isrcWarningMessage(w: IsrcWarning, locale: IsrcLocale): string {
  return locale === 'zh-TW' ? zhWarning(w) : enWarning(w);
}
