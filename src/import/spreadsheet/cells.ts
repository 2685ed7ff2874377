import { MAX_DURATION_SECONDS, parseDuration, parsePartialDate, type PartialDate } from '../../catalog/formats.js';
import { formatKind } from './number-format.js';
import { civilText, serialToCivil } from './serial-date.js';
import type { Cell } from './workbook.js';

/**
 * One cell → one value, the way a registrant meant it, whichever program saved the file. Pure and
 * time-zone free (dates come from serials by arithmetic, never a local Date). Text goes through
 * NFKC (full-width letters, digits and spaces become ordinary ones) and is trimmed. A blank cell is
 * `{ ok: true, value: null }`: whether it may be blank is the caller's rule. Dates and durations
 * typed as text go through the forms' own parsers (catalog/formats.ts), so a cell and a form field
 * accept the same things.
 */

export type CellRefusal =
  | 'error-value'
  | 'not-text'
  | 'not-a-date'
  | 'date-invalid'
  | 'date-too-early'
  | 'date-roc-year'
  | 'not-a-duration'
  | 'duration-hours-minutes'
  | 'duration-out-of-range'
  | 'code-as-number'
  | 'not-yes-no';

export type CellDetail = Readonly<Record<string, string | number>>;

export type CellResult<T> = { ok: true; value: T | null } | { ok: false; reason: CellRefusal; detail: CellDetail };

type MaybeCell = Cell | null | undefined;

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** NFKC, no zero-width characters, trimmed: the form values are compared in (codes, dates, headings, yes/no). */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(ZERO_WIDTH, '').trim();
}

const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Free text (titles, names, descriptions) as the forms keep it (NFC, trimmed), with full-width
 * letters, digits and spaces — a typing accident of an IME left in full-width mode — made ordinary.
 * Not NFKC: full-width punctuation （）／：is correct Chinese typography, and NFKC would turn
 * 山與海（現場） into 山與海(現場), so an exported album would not import back unchanged.
 */
export function normaliseFreeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(FULL_WIDTH_ALNUM, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\u3000/g, ' ')
    .trim();
}

/** The text the producer showed for the cell, for messages. */
export function shownText(cell: MaybeCell): string {
  if (cell === null || cell === undefined || cell.v === null) {
    return '';
  }
  return normaliseText(cell.w ?? String(cell.v)).slice(0, 100);
}

function refused<T>(reason: CellRefusal, cell: MaybeCell, extra: CellDetail = {}): CellResult<T> {
  return { ok: false, reason, detail: { shown: shownText(cell), ...extra } };
}

const blank = { ok: true, value: null } as const;

function isBlank(cell: MaybeCell): cell is null | undefined {
  return cell === null || cell === undefined || cell.t === 'z' || cell.v === null || (typeof cell.v === 'string' && normaliseText(cell.v) === '');
}

/** Text as shown: strings (rich text, hyperlinks, inline, formula results) as they are, numbers as formatted. */
export function cellText(cell: MaybeCell): CellResult<string> {
  if (isBlank(cell)) {
    return blank;
  }
  if (cell.t === 'e') {
    return refused('error-value', cell);
  }
  const text = normaliseFreeText(typeof cell.v === 'string' ? cell.v : (cell.w ?? String(cell.v)));
  return { ok: true, value: text === '' ? null : text };
}

/** A code (ISRC, UPC/EAN, catalogue number…): text only — a number has lost its leading zeros. */
export function cellCode(cell: MaybeCell): CellResult<string> {
  if (isBlank(cell)) {
    return blank;
  }
  switch (cell.t) {
    case 's': {
      // A code is matched, not shown: full-width dashes and letters become ordinary ones.
      const text = normaliseText(String(cell.v));
      return { ok: true, value: text === '' ? null : text };
    }
    case 'n':
      return refused('code-as-number', cell);
    case 'e':
      return refused('error-value', cell);
    case 'b':
    case 'd':
    case 'z':
      return refused('not-text', cell);
  }
}

const YES = new Set(['是', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'n', 'no', 'false', '0']);

/** 是/否, Y/N, yes/no, true/false, 1/0 (any case, full-width too), or a boolean cell. */
export function cellYesNo(cell: MaybeCell): CellResult<boolean> {
  if (isBlank(cell)) {
    return blank;
  }
  if (cell.t === 'e') {
    return refused('error-value', cell);
  }
  if (typeof cell.v === 'boolean') {
    return { ok: true, value: cell.v };
  }
  const text = normaliseText(String(cell.v)).toLowerCase();
  if (YES.has(text) || NO.has(text)) {
    return { ok: true, value: YES.has(text) };
  }
  return refused('not-yes-no', cell);
}

const ROC_DATE = /^(?:民國|民国)|^\d{2,3}(?:[-./年]\d{1,2}(?:[-./月]\d{1,2}日?)?月?)$/;
const TIME_SUFFIX = /(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)$/i;

function dateFromText(cell: Cell, raw: string): CellResult<PartialDate> {
  const text = normaliseText(raw).replace(TIME_SUFFIX, '');
  if (ROC_DATE.test(text)) {
    return refused('date-roc-year', cell);
  }
  const parsed = parsePartialDate(text);
  if (parsed.ok) {
    return { ok: true, value: parsed.value };
  }
  switch (parsed.error) {
    case 'format':
    case 'too-late':
      return refused('not-a-date', cell);
    case 'month':
    case 'day':
      return refused('date-invalid', cell);
    case 'too-early':
      return refused('date-too-early', cell);
  }
}

/**
 * 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY': from a date serial in the workbook's date system (the
 * precision its number format shows: yyyy.mm gives a month), from text typed as a date
 * (2026.01.02, 2026/1/2, 2026-01, 2026年1月, full-width digits), or from a bare 4-digit year.
 */
export function cellDate(cell: MaybeCell, date1904: boolean): CellResult<PartialDate> {
  if (isBlank(cell)) {
    return blank;
  }
  switch (cell.t) {
    case 'e':
      return refused('error-value', cell);
    case 'b':
    case 'z':
      return refused('not-a-date', cell);
    case 's':
    case 'd':
      return dateFromText(cell, String(cell.v));
    case 'n':
      break;
  }
  const serial = Number(cell.v);
  const kind = formatKind(cell.z);
  if (kind.date === null) {
    // A number typed without a date format: only a year (2026) reads as a date, as in the forms.
    return !kind.time && Number.isInteger(serial) && serial >= 1000 && serial <= 9999 ? dateFromText(cell, String(serial)) : refused('not-a-date', cell);
  }
  const civil = serialToCivil(serial, date1904);
  return civil === undefined ? refused('not-a-date', cell) : dateFromText(cell, civilText(civil, kind.date));
}

function inRange(cell: Cell, seconds: number): CellResult<number> {
  return seconds >= 1 && seconds <= MAX_DURATION_SECONDS ? { ok: true, value: seconds } : refused('duration-out-of-range', cell);
}

/**
 * Whole seconds: from a time or elapsed-time number (round(v × 86400), [h]:mm:ss past 24 h
 * included), from text m:ss / h:mm:ss / mm:ss, or from a plain whole number of seconds as the
 * forms accept. A time typed as 3:25 in a cell the spreadsheet formats h:mm is 3 h 25 min, not
 * 3 min 25 s: refused with that explanation rather than guessed.
 */
export function cellDuration(cell: MaybeCell): CellResult<number> {
  if (isBlank(cell)) {
    return blank;
  }
  switch (cell.t) {
    case 'e':
      return refused('error-value', cell);
    case 'b':
    case 'z':
    case 'd':
      return refused('not-a-duration', cell);
    case 's': {
      const parsed = parseDuration(normaliseText(String(cell.v)));
      return parsed.ok ? { ok: true, value: parsed.value } : refused(parsed.error === 'range' ? 'duration-out-of-range' : 'not-a-duration', cell);
    }
    case 'n':
      break;
  }
  const value = Number(cell.v);
  const kind = formatKind(cell.z);
  if (kind.date !== null || value < 0) {
    return refused('not-a-duration', cell);
  }
  if (kind.time) {
    const seconds = Math.round(value * 86400);
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    if (!kind.seconds && seconds % 60 === 0 && hours < 60) {
      const asMinutes = `0:${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
      return refused('duration-hours-minutes', cell, { hours, minutes, asMinutes });
    }
    return inRange(cell, seconds);
  }
  if (Number.isInteger(value)) {
    return inRange(cell, value);
  }
  // A fraction of a day without a time format (a formula's result): still a time.
  return value < 1 ? inRange(cell, Math.round(value * 86400)) : refused('not-a-duration', cell);
}
