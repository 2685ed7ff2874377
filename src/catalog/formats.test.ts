import { describe, expect, it } from 'vitest';
import { dateWarning, dateYearBounds, formatDuration, formatPartialDate, parseDuration, parsePartialDate, parseRecordingDate, parseReleaseDate, type PartialDate } from './formats.js';

describe(parsePartialDate.name, () => {
  it.each([
    ['2025', '2025'],
    ['2025.9', '2025-09'],
    ['2025-09', '2025-09'],
    ['2025/09/01', '2025-09-01'],
    ['2024.02.29', '2024-02-29'],
    ['２０２５．０９', '2025-09'],
    ['2025年9月1日', '2025-09-01'],
    [' 2026.03.09 ', '2026-03-09'],
  ])('%s → %s', (input, expected) => {
    expect(parsePartialDate(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'format'],
    ['25.09', 'format'],
    ['2025.13', 'month'],
    ['2025.00', 'month'],
    ['2023.02.29', 'day'],
    ['2025.04.31', 'day'],
    ['1800', 'too-early'],
    ['1876.12.31', 'too-early'],
    ['2025-09-01T00:00', 'format'],
  ])('%s is refused (%s)', (input, error) => {
    expect(parsePartialDate(input)).toEqual({ ok: false, error });
  });

  it('formats as the guide shows dates', () => {
    expect(formatPartialDate('2026-03-09')).toBe('2026.03.09');
    expect(formatPartialDate('2025-09')).toBe('2025.09');
  });

  it('recording dates stop at the month', () => {
    expect(parseRecordingDate('2025.09', 2026)).toEqual({ ok: true, value: '2025-09' });
    expect(parseRecordingDate('2025.09.01', 2026)).toEqual({ ok: false, error: 'format' });
  });
});

describe('the years a date may name (agency year 2026)', () => {
  it('bounds: 1877 (the first recording) to 2031 (five years ahead), warning after 2027 (next year)', () => {
    expect(dateYearBounds(2026)).toEqual({ earliest: 1877, lastUnwarned: 2027, latest: 2031 });
  });

  it.each([
    ['1877', '1877'],
    ['2026.06.15', '2026-06-15'],
    ['2027.12.31', '2027-12-31'],
    ['2031.12.31', '2031-12-31'],
  ])('release date %s is accepted', (input, expected) => {
    expect(parseReleaseDate(input, 2026)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['2099.01.01', 'too-late'],
    ['2032', 'too-late'],
    ['2032.01.01', 'too-late'],
    ['1876.12.31', 'too-early'],
    ['2099.02.30', 'day'],
  ])('release date %s is refused (%s)', (input, error) => {
    expect(parseReleaseDate(input, 2026)).toEqual({ ok: false, error });
  });

  it('recording dates have the same bounds', () => {
    expect(parseRecordingDate('1877', 2026)).toEqual({ ok: true, value: '1877' });
    expect(parseRecordingDate('2031.12', 2026)).toEqual({ ok: true, value: '2031-12' });
    expect(parseRecordingDate('2032.01', 2026)).toEqual({ ok: false, error: 'too-late' });
    expect(parseRecordingDate('2099', 2026)).toEqual({ ok: false, error: 'too-late' });
    expect(parseRecordingDate('1876', 2026)).toEqual({ ok: false, error: 'too-early' });
  });

  it('the bound moves with the agency year', () => {
    expect(parseReleaseDate('2032', 2027)).toEqual({ ok: true, value: '2032' });
    expect(parseReleaseDate('2031', 2025)).toEqual({ ok: false, error: 'too-late' });
  });

  it.each([
    ['1877', undefined],
    ['2026-06-15', undefined],
    ['2027-12-31', undefined],
    ['2028', 'after-next-year'],
    ['2028-01-01', 'after-next-year'],
    ['2031-12', 'after-next-year'],
  ])('%s: warning %s', (value, expected) => {
    expect(dateWarning(value as PartialDate, 2026)).toBe(expected);
  });
});

describe(parseDuration.name, () => {
  it.each([
    ['0:04:05', 245],
    ['4:05', 245],
    ['245', 245],
    ['1:02:05', 3725],
    ['99:59:59', 359999],
  ])('%s → %i s', (input, seconds) => {
    expect(parseDuration(input)).toEqual({ ok: true, value: seconds });
    expect(parseDuration(formatDuration(seconds))).toEqual({ ok: true, value: seconds });
  });

  it.each(['', '4:65', '1:60:00', 'abc', '0', '0:00:00', '100:00:00'])('%s is refused', (input) => {
    expect(parseDuration(input).ok).toBe(false);
  });
});
