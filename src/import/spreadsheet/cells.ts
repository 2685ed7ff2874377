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
  | 'formula-not-calculated'
  | 'not-text'
  | 'not-a-date'
  | 'date-invalid'
  | 'date-too-early'
  | 'date-roc-year'
  | 'date-as-number'
  | 'not-a-duration'
  | 'duration-hours-minutes'
  | 'duration-clock-time'
  | 'duration-out-of-range'
  | 'code-as-number'
  | 'not-yes-no';

export type CellDetail = Readonly<Record<string, string | number>>;

export type CellResult<T> = { ok: true; value: T | null } | { ok: false; reason: CellRefusal; detail: CellDetail };

type MaybeCell = Cell | null | undefined;

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
/**
 * What the forms' edge refuses as text (src/http/text-guard.ts) and no cell should carry: C0 controls
 * but tab and line breaks, U+FFFE/U+FFFF and unpaired surrogates. A workbook can hold them (escaped
 * as _x001B_ in its XML) though Excel shows nothing: dropped, as invisible, rather than stored.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/**
 * Fast paths, as every cell of a 5,000-row file goes through these (measured: a fifth of the
 * preview's own work): printable ASCII is already in every normal form and has nothing to drop;
 * other text is searched once for anything the replacements would touch (any surrogate included,
 * paired or not, so the exact surrogate rule still runs on it).
 */
const PLAIN = /^[\x20-\x7e]*$/;
// eslint-disable-next-line no-control-regex -- as UNSTORABLE
const NEEDS_CLEANING = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff\u200b-\u200d\u2060\ufeff]/;

/** NFKC, no zero-width or unstorable characters, trimmed: the form values are compared in (codes, dates, headings, yes/no). */
export function normaliseText(text: string): string {
  if (PLAIN.test(text)) {
    return text.trim();
  }
  const normal = text.normalize('NFKC');
  return (NEEDS_CLEANING.test(normal) ? normal.replace(ZERO_WIDTH, '').replace(UNSTORABLE, '') : normal).trim();
}

const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;
const FULL_WIDTH_TEST = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/;
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Free text (titles, names, descriptions) as the forms keep it (NFC, trimmed), with full-width
 * letters, digits and spaces — a typing accident of an IME left in full-width mode — made ordinary.
 * Not NFKC: full-width punctuation （）／：is correct Chinese typography, and NFKC would turn
 * 山與海（現場） into 山與海(現場), so an exported album would not import back unchanged.
 */
export function normaliseFreeText(text: string): string {
  if (PLAIN.test(text)) {
    return text.trim();
  }
  const normal = text.normalize('NFC');
  if (!NEEDS_CLEANING.test(normal) && !FULL_WIDTH_TEST.test(normal)) {
    return normal.trim();
  }
  return normal
    .replace(ZERO_WIDTH, '')
    .replace(UNSTORABLE, '')
    .replace(FULL_WIDTH_ALNUM, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\u3000/g, ' ')
    .trim();
}

/**
 * A code, date, duration, number or yes/no typed with Excel's text prefix written into the value
 * ('TWK7Q2600001, '2026.01.02): programs that mimic Excel's apostrophe (scripts, CSV exports) store
 * it as a character. In these columns it can only be that prefix, so it is dropped.
 */
export function withoutQuotePrefix(text: string): string {
  return text.replace(/^['\u2018\u2019]\s*/, '');
}

/** A one-line field's text: line breaks (Alt+Enter, wrapped pastes) become one space, as a form's input field does. */
export function oneLine(text: string): string {
  return text.replace(/[ \t]*[\r\n\u2028\u2029]+[ \t]*/g, ' ');
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

/** A formula saved without its result: refused in every kind of column, never read as blank. */
function uncalculated<T>(cell: MaybeCell): CellResult<T> | undefined {
  return cell?.uncalculated === true ? refused('formula-not-calculated', cell) : undefined;
}

function isBlank(cell: MaybeCell): cell is null | undefined {
  return cell === null || cell === undefined || cell.t === 'z' || cell.v === null || (typeof cell.v === 'string' && normaliseText(cell.v) === '');
}

/** Text as shown: strings (rich text, hyperlinks, inline, formula results) as they are, numbers as formatted. */
export function cellText(cell: MaybeCell): CellResult<string> {
  if (isBlank(cell)) {
    return uncalculated(cell) ?? blank;
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
    return uncalculated(cell) ?? blank;
  }
  switch (cell.t) {
    case 's': {
      // A code is matched, not shown: full-width dashes and letters become ordinary ones.
      const text = withoutQuotePrefix(normaliseText(String(cell.v)));
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
    return uncalculated(cell) ?? blank;
  }
  if (cell.t === 'e') {
    return refused('error-value', cell);
  }
  if (typeof cell.v === 'boolean') {
    return { ok: true, value: cell.v };
  }
  const text = withoutQuotePrefix(normaliseText(String(cell.v))).toLowerCase();
  if (YES.has(text) || NO.has(text)) {
    return { ok: true, value: YES.has(text) };
  }
  return refused('not-yes-no', cell);
}

const ROC_DATE = /^(?:民國|民国)|^\d{2,3}(?:[-./年]\d{1,2}(?:[-./月]\d{1,2}日?)?月?)$/;
const TIME_SUFFIX = /(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)$/i;

function dateFromText(cell: Cell, raw: string): CellResult<PartialDate> {
  const text = withoutQuotePrefix(normaliseText(raw)).replace(TIME_SUFFIX, '');
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
    return uncalculated(cell) ?? blank;
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
    if (!kind.time && Number.isInteger(serial) && serial >= 1000 && serial <= 9999) {
      return dateFromText(cell, String(serial));
    }
    // 2025.09 typed into a General cell (or a CSV) is the number 2025.09: still a month. But 2025.10
    // became 2025.1, which is January too: refused, the column must be text.
    const shown = cell.w ?? String(serial);
    if (!kind.time && /^\d{4}\.(?:\d{2}|[2-9])$/.test(shown)) {
      return dateFromText(cell, shown);
    }
    return refused(/^\d{4}\.1$/.test(shown) ? 'date-as-number' : 'not-a-date', cell);
  }
  const civil = serialToCivil(serial, date1904);
  return civil === undefined ? refused('not-a-date', cell) : dateFromText(cell, civilText(civil, kind.date));
}

/** 3'05", 3′05″ (minutes and seconds marks). */
const PRIMES = /^(\d{1,4})\s*['\u2032\u2019]\s*(\d{1,2})\s*(?:"|''|\u2032\u2032|\u201d)?$/;
/** 3分05秒, 1小時2分5秒, 3m05s, 1h 2min (at least one unit); group 4 is the seconds' unit when written. */
const UNITS = /^(?:(\d{1,2})\s*(?:小時|時|hours?|hrs?|h)\s*)?(?:(\d{1,4})\s*(?:分鐘|分|minutes?|mins?|m)\s*)?(?:(\d{1,5})\s*(秒鐘|秒|seconds?|secs?|s)?)?$/i;
/** 00:03:05.000 (audio software's milliseconds): rounded to the second, as time fractions are. */
const FRACTION = /^(\d{1,2}(?::\d{1,2}){1,2})[.,](\d{1,3})$/;

/** m:ss, h:mm:ss, whole seconds (the forms' parseDuration), and the other ways people write minutes and seconds. */
function durationFromText(cell: Cell, text: string): CellResult<number> {
  const primes = PRIMES.exec(text);
  const units = /[時分秒hms]/i.test(text) ? UNITS.exec(text) : null;
  if (primes !== null || (units !== null && text !== '')) {
    const [h, written, last] = primes === null ? [units?.[1], units?.[2], units?.[3]] : [undefined, primes[1], primes[2]];
    // A bare number after hours is minutes, as people write 1h30 and 1時30 (1 h 30 min); after
    // minutes (3m05, 3分05) it is seconds.
    const minutesAfterHours = primes === null && h !== undefined && written === undefined && last !== undefined && units?.[4] === undefined;
    const [m, sec] = minutesAfterHours ? [last, undefined] : [written, last];
    const seconds = Number(sec ?? 0);
    const minutes = Number(m ?? 0);
    if ((m !== undefined && seconds > 59) || (h !== undefined && minutes > 59)) {
      return refused('not-a-duration', cell);
    }
    return inRange(cell, Number(h ?? 0) * 3600 + minutes * 60 + seconds);
  }
  const fraction = FRACTION.exec(text);
  const parsed = parseDuration(fraction === null ? text : (fraction[1] ?? ''));
  if (!parsed.ok) {
    return refused(parsed.error === 'range' ? 'duration-out-of-range' : 'not-a-duration', cell);
  }
  return fraction === null ? { ok: true, value: parsed.value } : inRange(cell, parsed.value + Math.round(Number(`0.${fraction[2] ?? '0'}`)));
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
    return uncalculated(cell) ?? blank;
  }
  switch (cell.t) {
    case 'e':
      return refused('error-value', cell);
    case 'b':
    case 'z':
    case 'd':
      return refused('not-a-duration', cell);
    case 's':
      return durationFromText(cell, withoutQuotePrefix(normaliseText(String(cell.v))));
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
    const asMinutes = `0:${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
    if (!kind.seconds && seconds % 60 === 0 && hours < 60) {
      return refused('duration-hours-minutes', cell, { hours, minutes, asMinutes });
    }
    // 3:05 typed into LibreOffice or Google Sheets becomes the time of day 03:05:00 (3:05:00 AM):
    // whole minutes past an hour in a clock format are far likelier m:ss than a 3-hour track.
    if (!kind.elapsed && value < 1 && seconds % 60 === 0 && hours >= 1) {
      const asHours = `${hours}:${String(minutes).padStart(2, '0')}:00`;
      return refused('duration-clock-time', cell, { hours, minutes, asMinutes, asHours });
    }
    return inRange(cell, seconds);
  }
  if (Number.isInteger(value)) {
    return inRange(cell, value);
  }
  // A fraction of a day without a time format (a formula's result): still a time.
  return value < 1 ? inRange(cell, Math.round(value * 86400)) : refused('not-a-duration', cell);
}
