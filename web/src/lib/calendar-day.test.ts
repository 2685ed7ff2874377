import { afterEach, describe, expect, it, vi } from 'vitest';
import dayjs from 'dayjs';
import { agencyToday, calendarDayOf, dayRangeOf, isCalendarDay, pickerDay, pickerRange } from './calendar-day';

afterEach(() => {
  vi.unstubAllEnvs();
});

// The browser's zone must not move the day: far west of UTC, far east, and the agency's own.
const ZONES = ['America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Taipei', 'UTC'];

describe(pickerDay.name, () => {
  it.each(ZONES)('keeps the calendar day through the picker in a browser in %s', (zone) => {
    vi.stubEnv('TZ', zone);
    for (const day of ['2026-03-09', '2026-12-31', '2027-01-01', '2024-02-29', '1900-01-01']) {
      expect(calendarDayOf(pickerDay(day))).toBe(day);
    }
  });

  it('refuses what is not a real day written YYYY-MM-DD', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-3-9', '2026.03.09', '', null, undefined, '2026-03-09T00:00:00Z']) {
      expect(pickerDay(bad)).toBeNull();
      expect(isCalendarDay(bad)).toBe(false);
    }
    expect(isCalendarDay('2024-02-29')).toBe(true);
  });
});

describe(calendarDayOf.name, () => {
  it.each(ZONES)('gives the day the user picked (local midnight) in a browser in %s', (zone) => {
    vi.stubEnv('TZ', zone);
    // What the picker hands back when the user clicks 9 March: local midnight of that day.
    expect(calendarDayOf(dayjs(new Date(2026, 2, 9)))).toBe('2026-03-09');
    // Late in the evening, too (a typed value keeps the time of "now" in some pickers).
    expect(calendarDayOf(dayjs(new Date(2026, 2, 9, 23, 59)))).toBe('2026-03-09');
  });

  it('is undefined for an empty or invalid value', () => {
    expect(calendarDayOf(null)).toBeUndefined();
    expect(calendarDayOf(undefined)).toBeUndefined();
    expect(calendarDayOf(dayjs('not a day'))).toBeUndefined();
  });
});

describe(dayRangeOf.name, () => {
  it('gives both ends, one end, or none', () => {
    expect(dayRangeOf(pickerRange({ from: '2026-03-01', to: '2026-03-09' }))).toEqual({ from: '2026-03-01', to: '2026-03-09' });
    expect(dayRangeOf(pickerRange({ from: '2026-03-01' }))).toEqual({ from: '2026-03-01' });
    expect(dayRangeOf(pickerRange({ to: '2026-03-09' }))).toEqual({ to: '2026-03-09' });
    expect(dayRangeOf(null)).toEqual({});
  });

  it('puts the ends in order', () => {
    expect(dayRangeOf([pickerDay('2026-03-09'), pickerDay('2026-03-01')])).toEqual({ from: '2026-03-01', to: '2026-03-09' });
  });
});

describe(agencyToday.name, () => {
  it.each(ZONES)("is the agency's calendar day, not the browser's (browser in %s)", (zone) => {
    vi.stubEnv('TZ', zone);
    // 17:30 UTC on 8 March is 01:30 on 9 March in Taipei.
    expect(calendarDayOf(agencyToday(new Date('2026-03-08T17:30:00Z'), 'Asia/Taipei'))).toBe('2026-03-09');
    expect(calendarDayOf(agencyToday(new Date('2026-12-31T15:59:59Z'), 'Asia/Taipei'))).toBe('2026-12-31');
    expect(calendarDayOf(agencyToday(new Date('2026-12-31T16:00:00Z'), 'Asia/Taipei'))).toBe('2027-01-01');
  });
});
