/**
 * The year of reference against the year its registrant code was allocated.
 *
 * The year of reference is the year the ISRC is assigned, so no ISRC under a registrant code can
 * carry a year before the code existed: TW-F7X-99-00001 under a code allocated in 2026 would claim
 * an assignment in 1999. The one exception is 回溯編碼 (retroactive assignment): recordings released
 * before the registrant had a code, reported with the codes they were actually released with.
 */
import { fullYearOf } from './year.js';

/** An ISRC whose year is before its registrant code's allocation year. */
export interface YearBeforeCode {
  kind: 'year-before-code';
  /** Four-digit year the ISRC's year of reference stands for. */
  fullYear: number;
  /** Year the registrant code was allocated. */
  allocatedYear: number;
}

/**
 * undefined when the ISRC's two-digit year of reference is possible under a code allocated in
 * `allocatedYear`: the same year or later, or any year on a retroactive album.
 */
export function codeYearFinding(yearOfReference: number, allocatedYear: number, retroactive: boolean): YearBeforeCode | undefined {
  const fullYear = fullYearOf(yearOfReference);
  if (retroactive || fullYear >= allocatedYear) {
    return undefined;
  }
  return { kind: 'year-before-code', fullYear, allocatedYear };
}
