import { describe, expect, it } from 'vitest';
import { cellCode, cellDate, cellDuration, cellText, cellYesNo, oneLine, withoutQuotePrefix } from './cells.js';
import type { Cell } from './workbook.js';

const s = (v: string): Cell => ({ v, t: 's' });
const n = (v: number, z?: string, w?: string): Cell => ({ v, t: 'n', ...(z === undefined ? {} : { z }), ...(w === undefined ? {} : { w }) });
const b = (v: boolean): Cell => ({ v, t: 'b', w: v ? 'TRUE' : 'FALSE' });
const e: Cell = { v: '#N/A', t: 'e' };
const value = <T>(result: { ok: true; value: T | null } | { ok: false }): T | null | 'refused' => (result.ok ? result.value : 'refused');
const reason = (result: { ok: true } | { ok: false; reason: string }): string => (result.ok ? 'ok' : result.reason);

describe(cellText.name, () => {
  it('normalises full-width text, stray spaces and zero-width characters', () => {
    expect(value(cellText(s('  前後空白  ')))).toBe('前後空白');
    expect(value(cellText(s('ＡＢＣ　１２３')))).toBe('ABC 123');
    expect(value(cellText(s('\u200b曲名\ufeff')))).toBe('曲名');
  });

  it('drops what no stored text may carry (a workbook escapes it as _x001B_): controls, noncharacters, lone surrogates', () => {
    expect(value(cellText(s('A\u0000B\u001bC\u0001\ufffeD\uffff')))).toBe('ABCD');
    expect(value(cellText(s('半\ud800個\udc00字')))).toBe('半個字');
    expect(value(cellText(s('星\ud83c\udf1f光')))).toBe('星\ud83c\udf1f光');
    expect(value(cellCode(s('TW\u001bK7Q2600001')))).toBe('TWK7Q2600001');
  });

  it('keeps full-width punctuation, as the forms do (an exported title imports back unchanged)', () => {
    expect(value(cellText(s('山與海（現場）／Ｌｉｖｅ：１')))).toBe('山與海（現場）／Live：1');
  });

  it('gives blanks as null, numbers as shown, and refuses error values', () => {
    expect(value(cellText(null))).toBeNull();
    expect(value(cellText(undefined))).toBeNull();
    expect(value(cellText({ v: null, t: 'z' }))).toBeNull();
    expect(value(cellText(s('   ')))).toBeNull();
    expect(value(cellText(n(1999, undefined, '1999')))).toBe('1999');
    expect(value(cellText(n(0.5)))).toBe('0.5');
    expect(value(cellText(b(true)))).toBe('TRUE');
    expect(cellText(e)).toEqual({ ok: false, reason: 'error-value', detail: { shown: '#N/A' } });
  });
});

describe(cellCode.name, () => {
  it('takes codes typed as text', () => {
    expect(value(cellCode(s(' TWA122600001 ')))).toBe('TWA122600001');
    expect(value(cellCode(s('００４２')))).toBe('0042');
    expect(value(cellCode(s('ＴＷ－Ｋ７Ｑ－２６－０００４２')))).toBe('TW-K7Q-26-00042');
  });

  it('refuses a code stored as a number, saying what was shown', () => {
    expect(cellCode(n(42, undefined, '42'))).toEqual({ ok: false, reason: 'code-as-number', detail: { shown: '42' } });
    expect(cellCode(n(42, '00000', '00042'))).toEqual({ ok: false, reason: 'code-as-number', detail: { shown: '00042' } });
    expect(reason(cellCode(b(false)))).toBe('not-text');
    expect(reason(cellCode(e))).toBe('error-value');
  });
});

describe(cellYesNo.name, () => {
  it.each([
    ['是', true],
    ['否', false],
    ['Y', true],
    ['n', false],
    ['Yes', true],
    ['NO', false],
    ['true', true],
    ['FALSE', false],
    ['1', true],
    ['0', false],
    ['Ｙ', true],
    [' 是 ', true],
  ])('%s → %s', (text, expected) => {
    expect(value(cellYesNo(s(text)))).toBe(expected);
  });

  it('takes booleans and 1/0, refuses anything else', () => {
    expect(value(cellYesNo(b(true)))).toBe(true);
    expect(value(cellYesNo(n(0)))).toBe(false);
    expect(value(cellYesNo(n(1)))).toBe(true);
    expect(reason(cellYesNo(n(2)))).toBe('not-yes-no');
    expect(cellYesNo(s('可能'))).toEqual({ ok: false, reason: 'not-yes-no', detail: { shown: '可能' } });
    expect(value(cellYesNo(null))).toBeNull();
  });
});

describe(cellDate.name, () => {
  it('reads serials in the workbook’s date system, to the precision the format shows', () => {
    expect(value(cellDate(n(46024, 'yyyy\\.mm\\.dd'), false))).toBe('2026-01-02');
    expect(value(cellDate(n(44562, 'yyyy\\.mm\\.dd'), true))).toBe('2026-01-02');
    expect(value(cellDate(n(46023, 'yyyy\\.mm'), false))).toBe('2026-01');
    expect(value(cellDate(n(46023, 'yyyy/m'), false))).toBe('2026-01');
    expect(value(cellDate(n(46023, 'yyyy'), false))).toBe('2026');
    expect(value(cellDate(n(46022.99998842592, 'yyyy.mm.dd'), false))).toBe('2025-12-31');
  });

  it('reads dates typed as text, full-width too, with or without a time', () => {
    for (const typed of [
      '2026.01.02',
      '2026/1/2',
      '2026-01-02',
      '２０２６．０１．０２',
      '2026年1月2日',
      ' 2026.1.2 ',
      '2026-01-02T00:00:00',
      '2026-01-02 12:30',
      '2026-01-02T00:00:00.000Z',
    ]) {
      expect(value(cellDate(s(typed), false)), typed).toBe('2026-01-02');
    }
    expect(value(cellDate(s('2026-01'), false))).toBe('2026-01');
    expect(value(cellDate(s('2026.01'), false))).toBe('2026-01');
    expect(value(cellDate(s('2026'), false))).toBe('2026');
    expect(value(cellDate({ v: '2026-01-02T00:00:00.000Z', t: 'd' }, false))).toBe('2026-01-02');
  });

  it('reads a bare year typed as a number, nothing else without a date format', () => {
    expect(value(cellDate(n(2026), false))).toBe('2026');
    expect(reason(cellDate(n(46024), false))).toBe('not-a-date');
    expect(reason(cellDate(n(20260102), false))).toBe('not-a-date');
    expect(reason(cellDate(n(0.5, '[h]:mm:ss'), false))).toBe('not-a-date');
  });

  it('refuses what names no real day, and says why', () => {
    expect(reason(cellDate(s('2026.02.30'), false))).toBe('date-invalid');
    expect(reason(cellDate(s('2026.13'), false))).toBe('date-invalid');
    expect(reason(cellDate(s('1850.01.01'), false))).toBe('date-too-early');
    expect(value(cellDate(n(61, 'yyyy.mm.dd'), false))).toBe('1900-03-01');
    expect(reason(cellDate(n(60, 'yyyy.mm.dd'), false))).toBe('not-a-date');
    expect(cellDate(s('115.01.02'), false)).toEqual({ ok: false, reason: 'date-roc-year', detail: { shown: '115.01.02' } });
    expect(reason(cellDate(s('民國115年1月2日'), false))).toBe('date-roc-year');
    expect(reason(cellDate(s('soon'), false))).toBe('not-a-date');
    expect(reason(cellDate(b(true), false))).toBe('not-a-date');
    expect(reason(cellDate(e, false))).toBe('error-value');
    expect(value(cellDate(null, false))).toBeNull();
  });
});

describe(cellDuration.name, () => {
  it('reads time fractions as round(v × 86400) seconds, past 24 hours too', () => {
    expect(value(cellDuration(n(0.00237268518518519, '[m]:ss')))).toBe(205);
    expect(value(cellDuration(n(0.002372685185185185, 'h:mm:ss')))).toBe(205);
    expect(value(cellDuration(n(1.0625, '[h]:mm:ss')))).toBe(91800);
    expect(value(cellDuration(n(1.0625, 'h:mm:ss')))).toBe(91800);
    expect(value(cellDuration(n(0.043090277777777776, 'h:mm:ss')))).toBe(3723);
  });

  it('reads m:ss, mm:ss and h:mm:ss typed as text, and plain seconds as the forms do', () => {
    expect(value(cellDuration(s('3:25')))).toBe(205);
    expect(value(cellDuration(s('03:25')))).toBe(205);
    expect(value(cellDuration(s('３：２５')))).toBe(205);
    expect(value(cellDuration(s('1:02:03')))).toBe(3723);
    expect(value(cellDuration(s('205')))).toBe(205);
    expect(value(cellDuration(n(205)))).toBe(205);
    expect(value(cellDuration(n(0.5)))).toBe(43200);
  });

  it('refuses 3:25 that the spreadsheet took as 3 h 25 min, explaining how to type it', () => {
    expect(cellDuration(n(0.1423611111111111, 'h:mm', '3:25'))).toEqual({
      ok: false,
      reason: 'duration-hours-minutes',
      detail: { shown: '3:25', hours: 3, minutes: 25, asMinutes: '0:03:25' },
    });
    // Seconds that the h:mm format hides were not typed as h:mm: taken as they are.
    expect(value(cellDuration(n((3 * 3600 + 25 * 60 + 10) / 86400, 'h:mm')))).toBe(12310);
  });

  it('refuses what is not a duration or out of range', () => {
    expect(reason(cellDuration(s('3:75')))).toBe('not-a-duration');
    expect(reason(cellDuration(s('three minutes')))).toBe('not-a-duration');
    expect(reason(cellDuration(n(3.25)))).toBe('not-a-duration');
    expect(reason(cellDuration(n(-0.01, '[h]:mm:ss')))).toBe('not-a-duration');
    expect(reason(cellDuration(n(46024, 'yyyy.mm.dd')))).toBe('not-a-duration');
    expect(reason(cellDuration(n(0, '[h]:mm:ss')))).toBe('duration-out-of-range');
    expect(reason(cellDuration(n(5, '[h]:mm:ss')))).toBe('duration-out-of-range');
    expect(reason(cellDuration(b(true)))).toBe('not-a-duration');
    expect(reason(cellDuration(e))).toBe('error-value');
    expect(value(cellDuration(s(' ')))).toBeNull();
  });
});

describe('what other producers write', () => {
  it('drops the text prefix a script wrote into a code, date, duration or yes/no (as Excel hides its own)', () => {
    expect(withoutQuotePrefix("'TWK7Q2600001")).toBe('TWK7Q2600001');
    expect(withoutQuotePrefix('\u2019007')).toBe('007');
    expect(value(cellCode(s("'TWK7Q2600001")))).toBe('TWK7Q2600001');
    expect(value(cellDate(s("'2026.01.02"), false))).toBe('2026-01-02');
    expect(value(cellDuration(s("'3:05")))).toBe(185);
    expect(value(cellYesNo(s("'否")))).toBe(false);
    // Free text keeps it: 'Round Midnight is a title.
    expect(value(cellText(s("'Round Midnight")))).toBe("'Round Midnight");
  });

  it('reads minutes and seconds written with marks or units, and milliseconds rounded', () => {
    for (const typed of ['3\'05"', "3'05", '3′05″', "3'05''", '3分05秒', '3分5秒', '3 min 5 s', '3m05s', '0時3分5秒', '0:03:05.000', '00:03:04.500', '3:04,6']) {
      expect(value(cellDuration(s(typed))), typed).toBe(185);
    }
    expect(value(cellDuration(s('1小時2分5秒')))).toBe(3725);
    expect(value(cellDuration(s('4分鐘')))).toBe(240);
    // A bare number after hours is minutes (1h30 is an hour and a half); after minutes, seconds.
    expect(['1h30', '1時30', '1 h 30', '1h30m', '1h 30min'].map((t) => value(cellDuration(s(t))))).toEqual([5400, 5400, 5400, 5400, 5400]);
    expect(['1h30s', '1小時30秒', '3m05', '3分05'].map((t) => value(cellDuration(s(t))))).toEqual([3630, 3630, 185, 185]);
    expect(value(cellDuration(s('45秒')))).toBe(45);
  });

  it('still refuses what could be read two ways', () => {
    for (const typed of ['3.05', '3分75秒', '1:02:05:00', '3:05 min', 'h', '3m 5h']) {
      expect(reason(cellDuration(s(typed))), typed).toBe('not-a-duration');
    }
    expect(reason(cellDuration(s('0分0秒')))).toBe('duration-out-of-range');
  });

  it('refuses a clock time of whole minutes past an hour (3:05 typed into LibreOffice or Google Sheets), giving both readings', () => {
    expect(cellDuration(n((3 * 60 + 5) / 1440, 'hh:mm:ss', '03:05:00'))).toEqual({
      ok: false,
      reason: 'duration-clock-time',
      detail: { shown: '03:05:00', hours: 3, minutes: 5, asMinutes: '0:03:05', asHours: '3:05:00' },
    });
    expect(reason(cellDuration(n((3 * 60 + 5) / 1440, 'h:mm:ss AM/PM', '3:05:00 AM')))).toBe('duration-clock-time');
    // An elapsed format is a duration on purpose; a clock time with seconds or under an hour is not ambiguous.
    expect(value(cellDuration(n((3 * 60 + 5) / 1440, '[h]:mm:ss')))).toBe(11100);
    expect(value(cellDuration(n(185 / 86400, 'hh:mm:ss')))).toBe(185);
    expect(value(cellDuration(n(3725 / 86400, 'hh:mm:ss')))).toBe(3725);
    expect(value(cellDuration(n(300 / 86400, 'hh:mm:ss')))).toBe(300);
  });

  it('reads a month typed into a General cell as the number 2025.09, but not 2025.1 (January, or October cut short)', () => {
    expect(value(cellDate(n(2025.09, undefined, '2025.09'), false))).toBe('2025-09');
    expect(value(cellDate(n(2025.9, undefined, '2025.9'), false))).toBe('2025-09');
    expect(cellDate(n(2025.1, undefined, '2025.1'), false)).toEqual({ ok: false, reason: 'date-as-number', detail: { shown: '2025.1' } });
    expect(reason(cellDate(n(2025.13, undefined, '2025.13'), false))).toBe('date-invalid');
    expect(reason(cellDate(n(2025.123, undefined, '2025.123'), false))).toBe('not-a-date');
  });

  it('refuses a formula saved without its result in every kind of column, never reading it as blank', () => {
    const formula: Cell = { v: null, t: 'z', uncalculated: true };
    for (const result of [cellText(formula), cellCode(formula), cellYesNo(formula), cellDate(formula, false), cellDuration(formula)]) {
      expect(reason(result)).toBe('formula-not-calculated');
    }
    expect(value(cellText({ v: null, t: 'z' }))).toBeNull();
  });

  it('makes a one-line field of a cell with line breaks', () => {
    expect(oneLine('第一行\n第二行')).toBe('第一行 第二行');
    expect(oneLine('Other \r\n  Side')).toBe('Other Side');
    expect(oneLine('One')).toBe('One');
  });
});
