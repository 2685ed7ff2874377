/**
 * Designation codes: the last five digits of an ISRC, numbered per registrant
 * and year of reference. 00000 is not a valid designation, so the range is
 * 00001..99999. When a registrant runs out in a year the range must NOT wrap
 * around to 00001: that would hand out ISRCs that already identify other
 * recordings.
 */
import { err, ok, type Result } from './result.js';

export const MIN_DESIGNATION = 1;
export const MAX_DESIGNATION = 99999;

/** Upper bound for one allocation request, so one form cannot drain a year. */
export const MAX_DESIGNATIONS_PER_REQUEST = 1000;

export type DesignationRangeError = { kind: 'exhausted'; available: number } | { kind: 'count' };

export interface DesignationRange {
  first: number;
  last: number;
}

/**
 * The next `count` consecutive designations after `lastUsed` (0 when none has
 * been used yet). `exhausted.available` tells how many are still free, so the
 * caller can offer a smaller batch.
 */
export function nextDesignations(lastUsed: number, count: number): Result<DesignationRange, DesignationRangeError> {
  if (!Number.isInteger(lastUsed) || lastUsed < 0 || lastUsed > MAX_DESIGNATION) {
    // lastUsed comes from our own records, never from a user: a bad value is a bug.
    throw new RangeError(`lastUsed must be an integer 0..${MAX_DESIGNATION}, got ${lastUsed}`);
  }
  if (!Number.isInteger(count) || count < 1 || count > MAX_DESIGNATIONS_PER_REQUEST) {
    return err({ kind: 'count' });
  }
  const available = MAX_DESIGNATION - lastUsed;
  if (count > available) {
    return err({ kind: 'exhausted', available });
  }
  return ok({ first: lastUsed + 1, last: lastUsed + count });
}

export function isValidDesignation(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_DESIGNATION && n <= MAX_DESIGNATION;
}

/** Five-digit, zero-padded text form ("00042"), as written inside an ISRC. */
export function formatDesignation(n: number): string {
  if (!isValidDesignation(n)) {
    throw new RangeError(`designation must be an integer ${MIN_DESIGNATION}..${MAX_DESIGNATION}, got ${n}`);
  }
  return String(n).padStart(5, '0');
}
