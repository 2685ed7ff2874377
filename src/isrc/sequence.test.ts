import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DESIGNATION } from './designation.js';
import { JUMP_CONFIRMATION_THRESHOLD, jumpLength, needsJumpConfirmation, pickDesignations, type SequenceState } from './sequence.js';

function stateOf(taken: ReadonlySet<number>, lastInUse: number): SequenceState {
  return { lastInUse, isTaken: (d) => taken.has(d), takenCount: taken.size };
}

/** A ledger near both ends of the range, so wrapping past 99999 is exercised. */
const designationArb = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: MAX_DESIGNATION - 40, max: MAX_DESIGNATION }));

describe(pickDesignations.name, () => {
  it('continues after the highest code in use when the next codes are free', () => {
    expect(pickDesignations(stateOf(new Set([1, 2, 3, 4]), 4), 3)).toEqual({ ok: true, value: [5, 6, 7] });
  });

  it('skips taken codes and, past 99999, takes the lowest never-taken ones', () => {
    const taken = new Set([1, 2, 3, 4, 6, 99_998, 99_999]);
    expect(pickDesignations(stateOf(taken, 4), 2)).toEqual({ ok: true, value: [5, 7] });
    expect(pickDesignations(stateOf(taken, 99_999), 2)).toEqual({ ok: true, value: [5, 7] });
    expect(pickDesignations(stateOf(new Set([99_997, 1]), 99_997), 3)).toEqual({ ok: true, value: [99_998, 99_999, 2] });
  });

  it('says exhausted only when fewer codes than asked are never-taken, with how many are', () => {
    const almostFull = { lastInUse: MAX_DESIGNATION, isTaken: (d: number) => d !== 42, takenCount: MAX_DESIGNATION - 1 };
    expect(pickDesignations(almostFull, 1)).toEqual({ ok: true, value: [42] });
    expect(pickDesignations(almostFull, 2)).toEqual({ ok: false, error: { kind: 'exhausted', available: 1 } });
  });

  it('property: picks exactly `count` distinct never-taken codes, or is exhausted only when it must be', () => {
    fc.assert(
      fc.property(fc.uniqueArray(designationArb, { maxLength: 60 }), fc.integer({ min: 1, max: 50 }), fc.nat(), (takenList, count, seed) => {
        const taken = new Set(takenList);
        // Any code in use is a taken code (or none at all).
        const lastInUse = takenList.length === 0 ? 0 : (takenList[seed % takenList.length] ?? 0);
        const picked = pickDesignations(stateOf(taken, lastInUse), count);
        if (!picked.ok) {
          expect(MAX_DESIGNATION - taken.size).toBeLessThan(count);
          return;
        }
        expect(picked.value).toHaveLength(count);
        expect(new Set(picked.value).size).toBe(count);
        expect(picked.value.every((d) => !taken.has(d) && d >= 1 && d <= MAX_DESIGNATION)).toBe(true);
        // The first pick is the lowest free code after lastInUse, if there is one.
        const firstAbove = Array.from({ length: MAX_DESIGNATION - lastInUse }, (_, i) => lastInUse + 1 + i).find((d) => !taken.has(d));
        if (firstAbove !== undefined) {
          expect(picked.value[0]).toBe(firstAbove);
        }
      }),
    );
  });
});

describe('jump confirmation', () => {
  it('counts the never-used codes a typed code skips', () => {
    expect(jumpLength(99_999, 5, 0)).toBe(99_994);
    expect(jumpLength(50, 4, 0)).toBe(46);
    expect(jumpLength(300, 100, 50)).toBe(150);
    expect(jumpLength(3, 10, 0)).toBe(0);
  });

  it(`asks for confirmation beyond ${JUMP_CONFIRMATION_THRESHOLD} skipped codes`, () => {
    expect(needsJumpConfirmation(105, 5, 0)).toBe(false);
    expect(needsJumpConfirmation(106, 5, 0)).toBe(true);
    expect(needsJumpConfirmation(106, 5, 1)).toBe(false);
  });
});
