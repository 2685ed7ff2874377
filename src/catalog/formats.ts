/**
 * Partial dates and durations as registrants type them. Pure and browser-safe: the forms validate
 * as you type with the same functions the API uses.
 */
import type { Result } from '../isrc/result.js';

/** Stored as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; shown as the guide shows dates (2026.03.09). */
export type PartialDate = string & { readonly __brand: 'PartialDate' };

export type PartialDateError = 'format' | 'month' | 'day' | 'too-early' | 'too-late';

/** The first sound recording (Edison's phonograph, 1877): no release or recording date is earlier. */
export const FIRST_RECORDING_YEAR = 1877;
/** Years after the agency's current year a date may name: releases are planned ahead, 2099 is a typo. */
export const DATE_MAX_YEARS_AHEAD = 5;
/** Years ahead accepted without a second look (next year's release); later ones, up to the maximum, warn. */
export const DATE_UNWARNED_YEARS_AHEAD = 1;

/** The years a release or recording date may name, given the agency's current year. */
export interface DateYearBounds {
  /** Earlier years are refused. */
  earliest: number;
  /** Later years are accepted with a warning. */
  lastUnwarned: number;
  /** Later years are refused. */
  latest: number;
}

export function dateYearBounds(currentYear: number): DateYearBounds {
  return { earliest: FIRST_RECORDING_YEAR, lastUnwarned: currentYear + DATE_UNWARNED_YEARS_AHEAD, latest: currentYear + DATE_MAX_YEARS_AHEAD };
}

/** What a date accepted but after next year is: worth a second look. */
export type DateWarning = 'after-next-year';

const yearOf = (value: PartialDate): number => Number(value.slice(0, 4));

const DATE_PATTERN = /^(\d{4})(?:[-./年](\d{1,2})(?:[-./月](\d{1,2})日?)?月?)?年?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Accepts 2025, 2025.9, 2025-09, 2025/09/01, 2025年9月1日, from 1877 (the first recording). Only the
 * form: entered dates go through parseReleaseDate / parseRecordingDate, which bound the year.
 */
export function parsePartialDate(input: string): Result<PartialDate, PartialDateError> {
  const match = DATE_PATTERN.exec(input.normalize('NFKC').trim().replace(/\s+/g, ''));
  if (match === null) {
    return { ok: false, error: 'format' };
  }
  const [, y = '', m, d] = match;
  const year = Number(y);
  if (year < FIRST_RECORDING_YEAR) {
    return { ok: false, error: 'too-early' };
  }
  if (m === undefined) {
    return { ok: true, value: y as PartialDate };
  }
  const month = Number(m);
  if (month < 1 || month > 12) {
    return { ok: false, error: 'month' };
  }
  const mm = String(month).padStart(2, '0');
  if (d === undefined) {
    return { ok: true, value: `${y}-${mm}` as PartialDate };
  }
  const day = Number(d);
  if (day < 1 || day > daysIn(year, month)) {
    return { ok: false, error: 'day' };
  }
  return { ok: true, value: `${y}-${mm}-${String(day).padStart(2, '0')}` as PartialDate };
}

/** 2026-03-09 → 2026.03.09, 2025-09 → 2025.09. */
export function formatPartialDate(value: string): string {
  return value.replaceAll('-', '.');
}

export type DurationError = 'format' | 'range';

/** Longest duration accepted: 99:59:59. */
export const MAX_DURATION_SECONDS = 99 * 3600 + 59 * 60 + 59;

/** Accepts h:mm:ss, m:ss or plain seconds; returns whole seconds. */
export function parseDuration(input: string): Result<number, DurationError> {
  const text = input.normalize('NFKC').trim();
  const match = /^(?:(?:(\d{1,2}):)?(\d{1,2}):)?(\d{1,5})$/.exec(text);
  if (match === null) {
    return { ok: false, error: 'format' };
  }
  const [, h, m, s = '0'] = match;
  const hours = Number(h ?? 0);
  const minutes = Number(m ?? 0);
  const seconds = Number(s);
  if ((m !== undefined && seconds > 59) || (h !== undefined && minutes > 59)) {
    return { ok: false, error: 'format' };
  }
  const total = hours * 3600 + minutes * 60 + seconds;
  if (total < 1 || total > MAX_DURATION_SECONDS) {
    return { ok: false, error: 'range' };
  }
  return { ok: true, value: total };
}

/** 3725 → 1:02:05; 245 → 0:04:05 (the guide's h:mm:ss). */
export function formatDuration(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Refuses a well-formed date more than DATE_MAX_YEARS_AHEAD years after `currentYear`. */
function withinYears(parsed: Result<PartialDate, PartialDateError>, currentYear: number): Result<PartialDate, PartialDateError> {
  if (parsed.ok && yearOf(parsed.value) > dateYearBounds(currentYear).latest) {
    return { ok: false, error: 'too-late' };
  }
  return parsed;
}

/**
 * 發行日期: a partial date from 1877 to `currentYear` + 5 (the agency's current year). Years after
 * next year are accepted; dateWarning says so.
 */
export function parseReleaseDate(input: string, currentYear: number): Result<PartialDate, PartialDateError> {
  return withinYears(parsePartialDate(input), currentYear);
}

/** 錄製日期: YYYY or YYYY.MM (the import template's form), in the same years as release dates. */
export function parseRecordingDate(input: string, currentYear: number): Result<PartialDate, PartialDateError> {
  const parsed = parsePartialDate(input);
  if (parsed.ok && parsed.value.length > 7) {
    return { ok: false, error: 'format' };
  }
  return withinYears(parsed, currentYear);
}

/** 'after-next-year' for an accepted date whose year is after `currentYear` + 1: plausible, but worth a second look. */
export function dateWarning(value: PartialDate, currentYear: number): DateWarning | undefined {
  return yearOf(value) > dateYearBounds(currentYear).lastUnwarned ? 'after-next-year' : undefined;
}
