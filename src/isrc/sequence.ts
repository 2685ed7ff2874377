/**
 * The designation sequence of one registrant code and year: which codes "next available" hands
 * out, and when a typed code needs the user's confirmation. Pure; the database applies the same
 * rule under the counter's row lock (src/allocation/allocation.repo.ts).
 *
 * - "In use": codes handed out by the system, and codes a company typed while they are on a
 *   recording. "Taken": every code ever handed out or typed (the ledger), in use or not.
 * - Next available continues after the highest code in use, skipping taken ones; past 99999 it
 *   takes the lowest never-taken codes. So a typo (say 99999) removed from its draft does not end
 *   the year, and it is only "exhausted" when all 99999 codes are taken.
 * - A typed code stays taken for good (it may be on a master already) but stops moving "next"
 *   once removed from its draft.
 */
import { err, ok, type Result } from './result.js';
import { MAX_DESIGNATION, MIN_DESIGNATION } from './designation.js';

/** Typing a code further than this past "next available" needs an explicit confirmation. */
export const JUMP_CONFIRMATION_THRESHOLD = 100;

export interface SequenceState {
  /** The highest designation in use (0 when none). */
  readonly lastInUse: number;
  /** Whether a designation was ever handed out or typed in this code and year. */
  isTaken(designation: number): boolean;
  /** How many designations are taken. */
  readonly takenCount: number;
}

export type SequenceError = { kind: 'exhausted'; available: number };

/** `count` never-taken designations in the order "next available" hands them out. */
export function pickDesignations(state: SequenceState, count: number): Result<number[], SequenceError> {
  const available = MAX_DESIGNATION - state.takenCount;
  if (count > available) {
    return err({ kind: 'exhausted', available });
  }
  const picked: number[] = [];
  const collect = (from: number, to: number): void => {
    for (let d = from; d <= to && picked.length < count; d++) {
      if (!state.isTaken(d)) {
        picked.push(d);
      }
    }
  };
  collect(state.lastInUse + 1, MAX_DESIGNATION);
  collect(MIN_DESIGNATION, state.lastInUse);
  return ok(picked);
}

/** How far a typed designation jumps past "next available": the never-used codes it would skip. */
export function jumpLength(typed: number, next: number, takenBetween: number): number {
  return Math.max(0, typed - next - takenBetween);
}

/** Whether typing `typed` while "next available" is `next` needs the user's explicit confirmation. */
export function needsJumpConfirmation(typed: number, next: number, takenBetween: number): boolean {
  return jumpLength(typed, next, takenBetween) > JUMP_CONFIRMATION_THRESHOLD;
}
