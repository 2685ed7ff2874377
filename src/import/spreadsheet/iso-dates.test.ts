import { describe, expect, it } from 'vitest';
import { isoSerial, parseIsoDate } from './iso-dates.js';

describe(parseIsoDate.name, () => {
  it('reads the civil date and time as written, whatever the zone', () => {
    expect(parseIsoDate('2026-01-02')).toEqual({ year: 2026, month: 1, day: 2, seconds: 0 });
    expect(parseIsoDate('2026-01-02T00:00:00+08:00')).toEqual({ year: 2026, month: 1, day: 2, seconds: 0 });
    expect(parseIsoDate(' 2025-09-01T12:30:05.5Z ')).toEqual({ year: 2025, month: 9, day: 1, seconds: 45005.5 });
  });

  it('refuses what is no date rather than rolling it over', () => {
    expect(parseIsoDate('2025-02-30')).toBeUndefined();
    expect(parseIsoDate('2025-13-01')).toBeUndefined();
    expect(parseIsoDate('2025-01-01T24:00:00')).toBeUndefined();
    expect(parseIsoDate('02/01/2026')).toBeUndefined();
  });
});

describe(isoSerial.name, () => {
  it('gives the serial of each date system, with the 1900 system’s phantom 29 February', () => {
    expect(isoSerial({ year: 2026, month: 1, day: 2, seconds: 0 }, false)).toBe(46024);
    expect(isoSerial({ year: 2026, month: 1, day: 2, seconds: 43200 }, false)).toBe(46024.5);
    expect(isoSerial({ year: 2026, month: 1, day: 2, seconds: 0 }, true)).toBe(46024 - 1462);
    expect(isoSerial({ year: 1900, month: 3, day: 1, seconds: 0 }, false)).toBe(61);
    expect(isoSerial({ year: 1900, month: 2, day: 28, seconds: 0 }, false)).toBe(59);
    expect(isoSerial({ year: 1899, month: 12, day: 30, seconds: 185 }, false)).toBeUndefined();
  });
});
