import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeYearFinding } from './code-year.js';
import { fullYearOf } from './year.js';

describe(codeYearFinding.name, () => {
  it('refuses a year before the code was allocated: 99 is 1999, long before 2026', () => {
    expect(codeYearFinding(99, 2026, false)).toEqual({ kind: 'year-before-code', fullYear: 1999, allocatedYear: 2026 });
    expect(codeYearFinding(25, 2026, false)).toEqual({ kind: 'year-before-code', fullYear: 2025, allocatedYear: 2026 });
  });

  it('accepts the allocation year itself and any later year', () => {
    expect(codeYearFinding(26, 2026, false)).toBeUndefined();
    expect(codeYearFinding(27, 2026, false)).toBeUndefined();
    expect(codeYearFinding(0, 1999, false)).toBeUndefined(); // 2000 under a code of 1999
  });

  it('accepts any year on a retroactive album (回溯編碼)', () => {
    expect(codeYearFinding(99, 2026, true)).toBeUndefined();
    expect(codeYearFinding(86, 2026, true)).toBeUndefined();
  });

  it('reads the two-digit year through the ISRC window (86..99 are 1986..1999)', () => {
    expect(codeYearFinding(86, 1987, false)).toEqual({ kind: 'year-before-code', fullYear: 1986, allocatedYear: 1987 });
    expect(codeYearFinding(85, 1987, false)).toBeUndefined(); // 2085
  });

  it('finds a problem exactly when the full year is before the allocation year and the album is not retroactive', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1986, max: 2085 }), fc.boolean(), (yy, allocatedYear, retroactive) => {
        const finding = codeYearFinding(yy, allocatedYear, retroactive);
        expect(finding !== undefined).toBe(!retroactive && fullYearOf(yy) < allocatedYear);
      }),
    );
  });
});
