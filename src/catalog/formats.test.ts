import { describe, expect, it } from 'vitest';
import { formatDuration, formatPartialDate, parseDuration, parsePartialDate, parseRecordingDate } from './formats.js';

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
    ['1800', 'year-range'],
    ['2025-09-01T00:00', 'format'],
  ])('%s is refused (%s)', (input, error) => {
    expect(parsePartialDate(input)).toEqual({ ok: false, error });
  });

  it('formats as the guide shows dates', () => {
    expect(formatPartialDate('2026-03-09')).toBe('2026.03.09');
    expect(formatPartialDate('2025-09')).toBe('2025.09');
  });

  it('recording dates stop at the month', () => {
    expect(parseRecordingDate('2025.09')).toEqual({ ok: true, value: '2025-09' });
    expect(parseRecordingDate('2025.09.01')).toEqual({ ok: false, error: 'format' });
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
