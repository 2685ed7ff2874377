import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactRanges, countCodes, formatRange, formatRanges, gapsBetween, type DesignationRange } from './designation-ranges.js';

/** The naive reading: walk every designation from 1 to the highest and note where runs start and stop. */
function naive(set: ReadonlySet<number>): { used: DesignationRange[]; gaps: DesignationRange[] } {
  const used: DesignationRange[] = [];
  const gaps: DesignationRange[] = [];
  const highest = Math.max(0, ...set);
  for (let d = 1; d <= highest; d++) {
    const runs = set.has(d) ? used : gaps;
    const last = runs.at(-1);
    if (last !== undefined && last.to === d - 1) {
      last.to = d;
    } else {
      runs.push({ from: d, to: d });
    }
  }
  return { used, gaps };
}

/** Sets of designations that are sparse, dense and clustered, with duplicates and in any order. */
const designations = fc.oneof(
  fc.array(fc.integer({ min: 1, max: 99_999 }), { maxLength: 60 }),
  fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 400 }),
  fc.array(fc.integer({ min: 99_900, max: 99_999 }), { maxLength: 150 }),
);

describe(compactRanges.name, () => {
  it('matches the naive walk for ranges and gaps on random sets', () => {
    fc.assert(
      fc.property(designations, (list) => {
        const expected = naive(new Set(list));
        const ranges = compactRanges(list);
        expect(ranges).toEqual(expected.used);
        expect(gapsBetween(ranges)).toEqual(expected.gaps);
        expect(countCodes(ranges)).toBe(new Set(list).size);
        // Every code up to the highest is either used or in a gap, never both.
        expect(countCodes(ranges) + countCodes(gapsBetween(ranges))).toBe(Math.max(0, ...list));
      }),
      { numRuns: 500 },
    );
  });

  it('gives no ranges and no gaps for an unused year', () => {
    expect(compactRanges([])).toEqual([]);
    expect(gapsBetween([])).toEqual([]);
  });

  it('writes ranges with five digits and an en dash', () => {
    const ranges = compactRanges([45, ...Array.from({ length: 42 }, (_, i) => i + 1)]);
    expect(ranges.map(formatRange)).toEqual(['00001–00042', '00045']);
    expect(formatRanges(gapsBetween(ranges))).toBe('00043–00044');
  });
});
