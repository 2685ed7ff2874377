import { describe, expect, it } from 'vitest';
import { formatDesignation } from './designation.js';

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
