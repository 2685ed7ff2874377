/**
 * Designation codes: the last five digits of an ISRC, numbered per registrant
 * and year of reference. 00000 is not a valid designation, so the range is
 * 00001..99999. Which codes "next available" takes, and when a year is
 * exhausted, is the sequence rule in sequence.ts: it never hands out a code
 * that was ever taken.
 */

export const MIN_DESIGNATION = 1;
export const MAX_DESIGNATION = 99999;

/** Upper bound for one allocation request, so one form cannot drain a year. */
export const MAX_DESIGNATIONS_PER_REQUEST = 1000;

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
