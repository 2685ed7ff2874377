/**
 * Compact ranges of designation codes (00001–00042, 00045, …) and the gaps between them, for
 * 年度使用編號查詢. Pure and browser-safe: the service computes a code's ranges here from the
 * ledger's designations, and the web formats them with `formatRange`.
 */

/** An inclusive run of consecutive designations; `from === to` for a single code. */
export interface DesignationRange {
  from: number;
  to: number;
}

/** The designations as runs of consecutive numbers, lowest first (duplicates and order ignored). */
export function compactRanges(designations: Iterable<number>): DesignationRange[] {
  const sorted = [...new Set(designations)].sort((a, b) => a - b);
  const ranges: DesignationRange[] = [];
  for (const d of sorted) {
    const last = ranges.at(-1);
    if (last !== undefined && d === last.to + 1) {
      last.to = d;
    } else {
      ranges.push({ from: d, to: d });
    }
  }
  return ranges;
}

/**
 * The unused runs from `start` (designation 00001 by default) up to the highest used code: what a
 * registrant skipped. Codes above the highest are not gaps, they are simply not used yet.
 * `ranges` must be as compactRanges returns them (sorted, disjoint, not adjacent).
 */
export function gapsBetween(ranges: readonly DesignationRange[], start = 1): DesignationRange[] {
  const gaps: DesignationRange[] = [];
  let expected = start;
  for (const range of ranges) {
    if (range.from > expected) {
      gaps.push({ from: expected, to: range.from - 1 });
    }
    expected = Math.max(expected, range.to + 1);
  }
  return gaps;
}

/** How many designations the ranges hold. */
export function countCodes(ranges: readonly DesignationRange[]): number {
  return ranges.reduce((sum, r) => sum + r.to - r.from + 1, 0);
}

const pad = (d: number) => String(d).padStart(5, '0');

/** "00001–00042", or "00045" for a single code: five digits, as inside an ISRC. */
export function formatRange(range: DesignationRange): string {
  return range.from === range.to ? pad(range.from) : `${pad(range.from)}–${pad(range.to)}`;
}

/** Ranges as one line for exports and screen readers: "00001–00042, 00045". */
export function formatRanges(ranges: readonly DesignationRange[]): string {
  return ranges.map(formatRange).join(', ');
}
