import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DESIGNATION, formatDesignation, nextDesignations } from './designation.js';

describe('nextDesignations', () => {
  it.each([
    [0, 1, { first: 1, last: 1 }],
    [0, 1000, { first: 1, last: 1000 }],
    [41, 10, { first: 42, last: 51 }],
    [99990, 9, { first: 99991, last: 99999 }],
    [99998, 1, { first: 99999, last: 99999 }],
  ])('after %i, %i more', (lastUsed, count, range) => {
    expect(nextDesignations(lastUsed, count)).toEqual({ ok: true, value: range });
  });

  it.each([
    [99999, 1, 0],
    [99990, 10, 9],
    [99000, 1000, 999],
    [99998, 2, 1],
  ])('after %i, %i more would pass 99999: exhausted with %i available', (lastUsed, count, available) => {
    expect(nextDesignations(lastUsed, count)).toEqual({ ok: false, error: { kind: 'exhausted', available } });
  });

  it.each([0, -1, 1001, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('count %d is out of bounds', (count) => {
    expect(nextDesignations(0, count)).toEqual({ ok: false, error: { kind: 'count' } });
  });

  it.each([-1, 100000, 1.5])('throws for lastUsed %d (corrupt record)', (lastUsed) => {
    expect(() => nextDesignations(lastUsed, 1)).toThrow(RangeError);
  });

  it('never wraps around and never exceeds the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DESIGNATION }), fc.integer({ min: 1, max: 1000 }), (lastUsed, count) => {
        const result = nextDesignations(lastUsed, count);
        if (result.ok) {
          expect(result.value.first).toBe(lastUsed + 1);
          expect(result.value.last - result.value.first + 1).toBe(count);
          expect(result.value.last).toBeLessThanOrEqual(99999);
        } else {
          expect(result.error).toEqual({ kind: 'exhausted', available: 99999 - lastUsed });
          expect(count).toBeGreaterThan(99999 - lastUsed);
        }
      }),
    );
  });
});

describe('formatDesignation', () => {
  it.each([
    [1, '00001'],
    [42, '00042'],
    [99999, '99999'],
  ])('%i is %s', (n, text) => {
    expect(formatDesignation(n)).toBe(text);
  });

  it.each([0, 100000, 1.5, -3])('throws for %d', (n) => {
    expect(() => formatDesignation(n)).toThrow(RangeError);
  });
});
