/**
 * Partial dates and durations as registrants type them. Pure and browser-safe: the forms validate
 * as you type with the same functions the API uses.
 */
import type { Result } from '../isrc/result.js';

/** Stored as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; shown as the guide shows dates (2026.03.09). */
export type PartialDate = string & { readonly __brand: 'PartialDate' };

export type PartialDateError = 'format' | 'month' | 'day' | 'year-range';

const DATE_PATTERN = /^(\d{4})(?:[-./年](\d{1,2})(?:[-./月](\d{1,2})日?)?月?)?年?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Accepts 2025, 2025.9, 2025-09, 2025/09/01, 2025年9月1日; years 1877 (first recording) to 2999. */
export function parsePartialDate(input: string): Result<PartialDate, PartialDateError> {
  const match = DATE_PATTERN.exec(input.normalize('NFKC').trim().replace(/\s+/g, ''));
  if (match === null) {
    return { ok: false, error: 'format' };
  }
  const [, y = '', m, d] = match;
  const year = Number(y);
  if (year < 1877 || year > 2999) {
    return { ok: false, error: 'year-range' };
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

/** Recording date: YYYY or YYYY.MM (the import template's form). */
export function parseRecordingDate(input: string): Result<PartialDate, PartialDateError> {
  const parsed = parsePartialDate(input);
  if (parsed.ok && parsed.value.length > 7) {
    return { ok: false, error: 'format' };
  }
  return parsed;
}
