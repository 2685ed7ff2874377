import dayjs, { type Dayjs } from 'dayjs';
import { formatDate } from './format';

/**
 * Agency calendar days in date pickers. A filter's day is the agency's calendar date, 'YYYY-MM-DD',
 * as the API takes it; it never passes through the browser's time zone. The picker holds a Dayjs at
 * local midnight whose year, month and day are that date, and gives it back by those fields only
 * (never by toISOString, which would shift the day in zones east or west of UTC).
 */

/** How the pickers show a day (the agency's list format, 2026.03.09) and what they also accept typed. */
export const DAY_FORMATS: readonly [string, ...string[]] = ['YYYY.MM.DD', 'YYYY-MM-DD', 'YYYY/MM/DD'];

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written 'YYYY-MM-DD' (2026-02-30 is not). */
export function isCalendarDay(value: string | null | undefined): value is string {
  return pickerDay(value) !== null;
}

/** The picker value for the calendar day 'YYYY-MM-DD'; null for anything else. */
export function pickerDay(day: string | null | undefined): Dayjs | null {
  const match = day === null || day === undefined ? null : DAY.exec(day);
  if (match === null) {
    return null;
  }
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const local = new Date(2000, 0, 1);
  local.setFullYear(year, month - 1, date);
  const value = dayjs(local);
  return value.year() === year && value.month() === month - 1 && value.date() === date ? value : null;
}

/** The calendar day 'YYYY-MM-DD' a picker value stands for; undefined when empty. */
export function calendarDayOf(value: Dayjs | null | undefined): string | undefined {
  if (value === null || value === undefined || !value.isValid()) {
    return undefined;
  }
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(value.year(), 4)}-${pad(value.month() + 1, 2)}-${pad(value.date(), 2)}`;
}

/** The picker value of today in the agency's calendar (`now` by the agency's clock, in `timeZone`). */
export function agencyToday(now: Date, timeZone: string): Dayjs {
  return pickerDay(formatDate(now, timeZone).replaceAll('.', '-')) ?? dayjs(now);
}

/** A day range as the filters keep it: either end may be open. */
export interface DayRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** The range picker's value for a range (an open end is null). */
export function pickerRange(range: DayRange): [Dayjs | null, Dayjs | null] {
  return [pickerDay(range.from), pickerDay(range.to)];
}

/** The range a picker gives back, ends in order (a user may type the later day first). */
export function dayRangeOf(values: readonly (Dayjs | null | undefined)[] | null | undefined): DayRange {
  const from = calendarDayOf(values?.[0]);
  const to = calendarDayOf(values?.[1]);
  if (from !== undefined && to !== undefined && from > to) {
    return { from: to, to: from };
  }
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}
