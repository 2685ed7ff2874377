import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIsrc } from './check.js';
import type { IsrcCheckOptions } from './check.js';

const allocate: IsrcCheckOptions = { purpose: 'allocate', currentYear: 2026 };
const foreign: IsrcCheckOptions = { purpose: 'report-foreign', currentYear: 2026 };

describe('checkIsrc', () => {
  it('accepts a Taiwanese code for both purposes', () => {
    const expected = {
      valid: true,
      compact: 'TWA011800001',
      display: 'TW-A01-18-00001',
      parts: { countryCode: 'TW', registrantCode: 'A01', yearOfReference: 18, designation: 1 },
      warnings: [],
    };
    expect(checkIsrc('tw-a01-18-00001', allocate)).toEqual(expected);
    expect(checkIsrc('ISRC TW-A01-18-00001', foreign)).toEqual(expected);
  });

  it('passes format errors through with no warnings', () => {
    expect(checkIsrc('TWA-1', allocate)).toEqual({ valid: false, error: { kind: 'length', length: 4 }, warnings: [] });
    expect(checkIsrc('', foreign)).toEqual({ valid: false, error: { kind: 'empty' }, warnings: [] });
  });

  it('unknown prefix: error when allocating, warning when reporting a foreign code', () => {
    expect(checkIsrc('XXA011800001', allocate)).toEqual({
      valid: false,
      error: { kind: 'country', reason: 'unknown-prefix', value: 'XX' },
      warnings: [],
    });
    const result = checkIsrc('XXA011800001', foreign);
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([{ kind: 'unknown-country-prefix', countryCode: 'XX' }]);
  });

  it('retired prefix: error when allocating, warning when reporting a foreign code', () => {
    expect(checkIsrc('YU-A01-95-00001', allocate)).toEqual({
      valid: false,
      error: { kind: 'country', reason: 'retired-prefix', value: 'YU' },
      warnings: [],
    });
    const result = checkIsrc('YU-A01-95-00001', foreign);
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([{ kind: 'retired-country-prefix', countryCode: 'YU' }]);
  });

  it('future year: error when allocating, warning when reporting a foreign code', () => {
    expect(checkIsrc('TWA012700001', allocate)).toEqual({
      valid: false,
      error: { kind: 'year', reason: 'future', value: '27', currentYear: 2026 },
      warnings: [],
    });
    const result = checkIsrc('TWA012700001', foreign);
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([{ kind: 'future-year', yearOfReference: 27, fullYear: 2027, currentYear: 2026 }]);
  });

  it.each([
    ['TWA012600001', true],
    ['TWA018600001', true],
    ['TWA019900001', true],
    ['TWA010000001', true],
    ['TWA012700001', false],
    ['TWA018500001', false],
  ])('at 2026, allocating %s is valid: %s', (code, valid) => {
    expect(checkIsrc(code, allocate).valid).toBe(valid);
  });

  it('uses the given current year, not the clock', () => {
    expect(checkIsrc('TWA012700001', { purpose: 'allocate', currentYear: 2027 }).valid).toBe(true);
    expect(checkIsrc('TWA012600001', { purpose: 'allocate', currentYear: 2025 }).valid).toBe(false);
  });

  it('reports the country before the year, and collects every warning for foreign codes', () => {
    const bad = 'XXA015000001';
    const allocated = checkIsrc(bad, allocate);
    expect(allocated.valid).toBe(false);
    if (!allocated.valid) {
      expect(allocated.error.kind).toBe('country');
    }
    expect(checkIsrc(bad, foreign).warnings.map((w) => w.kind)).toEqual(['unknown-country-prefix', 'future-year']);
  });

  it('a well-formed code is always accepted as foreign, and allocatable codes carry no warnings', () => {
    const code = fc.stringMatching(/^[A-Z]{2}[A-Z0-9]{3}[0-9]{2}(0000[1-9]|[1-9][0-9]{4})$/);
    fc.assert(
      fc.property(code, fc.integer({ min: 1986, max: 2085 }), (isrc, currentYear) => {
        const asForeign = checkIsrc(isrc, { purpose: 'report-foreign', currentYear });
        expect(asForeign.valid).toBe(true);
        const asAllocated = checkIsrc(isrc, { purpose: 'allocate', currentYear });
        if (asAllocated.valid) {
          expect(asAllocated.warnings).toEqual([]);
          expect(asForeign.warnings).toEqual([]);
        } else {
          expect(asForeign.warnings.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
