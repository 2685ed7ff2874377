import { describe, expect, it } from 'vitest';
import { formatDate } from './format';
import { toNamePath } from './form-errors';

describe(formatDate.name, () => {
  it('formats as YYYY.MM.DD', () => {
    expect(formatDate(new Date(2026, 2, 9, 10, 0))).toBe('2026.03.09');
  });
  it('gives an empty string for missing or invalid input', () => {
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('not a date')).toBe('');
  });
});

describe(toNamePath.name, () => {
  it('splits dotted and slashed paths, numbers as indexes', () => {
    expect(toNamePath('tracks.2.title')).toEqual(['tracks', 2, 'title']);
    expect(toNamePath('/email')).toEqual(['email']);
  });
});
