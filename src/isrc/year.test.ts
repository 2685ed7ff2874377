import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarYearAt, formatYearOfReference, fullYearOf, isKnownTimeZone, isYearAfter, twoDigitYear } from './year.js';

describe('fullYearOf', () => {
  it.each([
    [86, 1986],
    [99, 1999],
    [0, 2000],
    [18, 2018],
    [26, 2026],
    [85, 2085],
  ])('%i is %i', (yy, full) => {
    expect(fullYearOf(yy)).toBe(full);
  });

  it.each([-1, 100, 1.5, Number.NaN])('throws for %d (a programming error)', (yy) => {
    expect(() => fullYearOf(yy)).toThrow(RangeError);
  });
});

describe('twoDigitYear', () => {
  it.each([
    [1986, 86],
    [1999, 99],
    [2000, 0],
    [2026, 26],
    [2085, 85],
  ])('%i is %i', (full, yy) => {
    expect(twoDigitYear(full)).toBe(yy);
  });

  it.each([1985, 2086, 2026.5])('refuses %d, which would read back as another year', (full) => {
    expect(() => twoDigitYear(full)).toThrow(RangeError);
  });

  it('is the inverse of fullYearOf', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99 }), (yy) => twoDigitYear(fullYearOf(yy)) === yy));
    fc.assert(fc.property(fc.integer({ min: 1986, max: 2085 }), (y) => fullYearOf(twoDigitYear(y)) === y));
  });
});

describe('isYearAfter', () => {
  it('at 2026, exactly 27..85 are in the future', () => {
    const future: number[] = [];
    for (let yy = 0; yy <= 99; yy++) {
      if (isYearAfter(yy, 2026)) {
        future.push(yy);
      }
    }
    const expected = Array.from({ length: 85 - 27 + 1 }, (_, i) => 27 + i);
    expect(future).toEqual(expected);
  });

  it('the current year itself is not in the future', () => {
    expect(isYearAfter(26, 2026)).toBe(false);
    expect(isYearAfter(27, 2026)).toBe(true);
    expect(isYearAfter(99, 2026)).toBe(false);
    expect(isYearAfter(86, 1986)).toBe(false);
    expect(isYearAfter(87, 1986)).toBe(true);
  });
});

describe('formatYearOfReference', () => {
  it('pads to two digits', () => {
    expect(formatYearOfReference(5)).toBe('05');
    expect(formatYearOfReference(0)).toBe('00');
    expect(formatYearOfReference(99)).toBe('99');
  });
});

describe(calendarYearAt.name, () => {
  it('follows the agency time zone on both sides of midnight, 31 December', () => {
    // 2026-12-31 23:59:59 and 2027-01-01 00:00:00 in Taipei (UTC+8).
    expect(calendarYearAt(new Date('2026-12-31T15:59:59Z'), 'Asia/Taipei')).toBe(2026);
    expect(calendarYearAt(new Date('2026-12-31T16:00:00Z'), 'Asia/Taipei')).toBe(2027);
    // Still 2026 in UTC at that instant, so UTC would give the wrong year for eight hours.
    expect(calendarYearAt(new Date('2026-12-31T16:00:00Z'), 'UTC')).toBe(2026);
  });

  it('works west of UTC too', () => {
    // 2027-01-01 02:00 UTC is still 31 December 2026 in Los Angeles.
    expect(calendarYearAt(new Date('2027-01-01T02:00:00Z'), 'America/Los_Angeles')).toBe(2026);
    expect(calendarYearAt(new Date('2027-01-01T08:00:00Z'), 'America/Los_Angeles')).toBe(2027);
  });

  it('throws for an unknown zone', () => {
    expect(() => calendarYearAt(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe(isKnownTimeZone.name, () => {
  it('knows IANA names and refuses others', () => {
    expect(isKnownTimeZone('Asia/Taipei')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Taipei')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });
});
