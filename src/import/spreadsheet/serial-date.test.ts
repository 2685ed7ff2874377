import { describe, expect, it } from 'vitest';
import { formatKind } from './number-format.js';
import { civilText, serialToCivil } from './serial-date.js';

const DAY_MS = 86_400_000;

/** Oracle: the UTC calendar (never local time) from a day count. */
function utcDate(epochMs: number, days: number): string {
  return new Date(epochMs + days * DAY_MS).toISOString().slice(0, 10);
}

function text(serial: number, date1904: boolean): string | undefined {
  const civil = serialToCivil(serial, date1904);
  return civil === undefined ? undefined : civilText(civil, 'day');
}

describe(serialToCivil.name, () => {
  it('keeps Excel’s 1900 system, phantom 1900-02-29 included', () => {
    expect(text(1, false)).toBe('1900-01-01');
    expect(text(59, false)).toBe('1900-02-28');
    expect(text(60, false)).toBeUndefined();
    expect(text(61, false)).toBe('1900-03-01');
    expect(text(0, false)).toBeUndefined();
    expect(text(-1, false)).toBeUndefined();
    expect(text(46024, false)).toBe('2026-01-02');
    expect(text(2958465, false)).toBe('9999-12-31');
  });

  it('uses the 1904 system when the workbook says so (LibreOffice’s option, old Mac Excel)', () => {
    expect(text(0, true)).toBe('1904-01-01');
    expect(text(44562, true)).toBe('2026-01-02');
    expect(text(44562, false)).toBe('2022-01-01');
  });

  it('agrees with the UTC calendar on every day from 1900-03-01 to 2173', () => {
    const epoch1900 = Date.UTC(1899, 11, 30);
    const epoch1904 = Date.UTC(1904, 0, 1);
    for (let serial = 61; serial < 100_000; serial += 1) {
      if (text(serial, false) !== utcDate(epoch1900, serial) || text(serial, true) !== utcDate(epoch1904, serial)) {
        expect.fail(`serial ${serial}: ${text(serial, false)} / ${text(serial, true)}`);
      }
    }
  });

  it('takes the day of a date-time, rounding to the second first', () => {
    expect(text(46022.99998842592, false)).toBe('2025-12-31');
    expect(text(46024 - 1e-9, false)).toBe('2026-01-02');
    expect(text(46024.5, false)).toBe('2026-01-02');
  });
});

describe(civilText.name, () => {
  it('writes the precision asked for', () => {
    const civil = { year: 2026, month: 1, day: 2 };
    expect([civilText(civil, 'day'), civilText(civil, 'month'), civilText(civil, 'year')]).toEqual(['2026-01-02', '2026-01', '2026']);
  });
});

describe(formatKind.name, () => {
  it.each([
    ['yyyy\\.mm\\.dd', 'day', false, false],
    ['yyyy\\.mm', 'month', false, false],
    ['yyyy/m', 'month', false, false],
    ['yyyy', 'year', false, false],
    ['yyyy-mmm-dd', 'day', false, false],
    ['mmm yyyy', 'month', false, false],
    ['yyyy"年"m"月"', 'month', false, false],
    ['[$-404]e/m/d', 'day', false, false],
    ['m/d/yy h:mm', 'day', true, false],
    ['[h]:mm:ss', null, true, true],
    ['[hh]:mm:ss', null, true, true],
    ['[m]:ss', null, true, true],
    ['mm:ss', null, true, true],
    ['h:mm', null, true, false],
    ['h:mm AM/PM', null, true, false],
    ['General', null, false, false],
    ['@', null, false, false],
    ['0.00', null, false, false],
    ['0.00E+00', null, false, false],
    ['[Red]0;[Blue]-0', null, false, false],
  ] as const)('%s shows date %s, time %s, seconds %s', (format, date, time, seconds) => {
    expect(formatKind(format)).toMatchObject({ date, time, seconds });
  });

  it.each([
    ['[h]:mm:ss', true],
    ['[mm]:ss', true],
    ['[ss]', true],
    ['h:mm:ss', false],
    ['HH:MM:SS', false],
    ['h:mm:ss AM/PM', false],
    ['"[h]"0', false],
    ['[Red]0.00', false],
  ] as const)('%s is an elapsed time: %s', (format, elapsed) => {
    expect(formatKind(format).elapsed).toBe(elapsed);
  });
});
