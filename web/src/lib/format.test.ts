import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate } from './format';
import { toNamePath } from './form-errors';

describe(formatDate.name, () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('formats as YYYY.MM.DD', () => {
    expect(formatDate(new Date('2026-03-09T02:00:00Z'), 'Asia/Taipei')).toBe('2026.03.09');
    expect(formatDate('2026-03-09T02:00:00.000Z', 'Asia/Taipei')).toBe('2026.03.09');
  });

  it('gives the calendar date in the zone asked for, whatever the zone of the browser', () => {
    // The browser in Los Angeles: its own date is still 8 March there.
    vi.stubEnv('TZ', 'America/Los_Angeles');
    const instant = new Date('2026-03-08T16:30:00Z');
    expect(instant.getDate()).toBe(8);
    expect(formatDate(instant, 'Asia/Taipei')).toBe('2026.03.09');
    expect(formatDate(instant, 'America/New_York')).toBe('2026.03.08');
  });

  it('turns the year at midnight of 31 December in the zone, not in UTC nor in the browser', () => {
    vi.stubEnv('TZ', 'UTC');
    expect(formatDate('2026-12-31T15:59:59.999Z', 'Asia/Taipei')).toBe('2026.12.31');
    expect(formatDate('2026-12-31T16:00:00.000Z', 'Asia/Taipei')).toBe('2027.01.01');
    expect(new Date('2026-12-31T16:00:00.000Z').getFullYear()).toBe(2026);
  });

  it('gives an empty string for missing or invalid input', () => {
    expect(formatDate(undefined, 'Asia/Taipei')).toBe('');
    expect(formatDate(null, 'Asia/Taipei')).toBe('');
    expect(formatDate('', 'Asia/Taipei')).toBe('');
    expect(formatDate('not a date', 'Asia/Taipei')).toBe('');
  });
});

describe(toNamePath.name, () => {
  it('splits dotted and slashed paths, numbers as indexes', () => {
    expect(toNamePath('tracks.2.title')).toEqual(['tracks', 2, 'title']);
    expect(toNamePath('/email')).toEqual(['email']);
  });
});
