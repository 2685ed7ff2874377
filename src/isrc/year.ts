/**
 * Year of reference: ISRCs carry only two digits of the year in which the code
 * was assigned. ISRC started in 1986, so no real code can mean 1900–1985; that
 * makes YY >= 86 unambiguously 19YY and everything below 20YY. The window
 * therefore covers 1986..2085 and will need a rethink before 2086.
 */

export const FIRST_ISRC_YEAR = 1986;
export const LAST_REPRESENTABLE_YEAR = FIRST_ISRC_YEAR + 99;

const PIVOT = FIRST_ISRC_YEAR % 100;

function assertTwoDigitYear(yy: number): void {
  if (!Number.isInteger(yy) || yy < 0 || yy > 99) {
    // Reaching this means our own code passed a bad number; user input is
    // validated (as a Result) before it gets here.
    throw new RangeError(`two-digit year expected (0..99), got ${yy}`);
  }
}

/** The four-digit year a two-digit year of reference stands for. */
export function fullYearOf(yy: number): number {
  assertTwoDigitYear(yy);
  return yy >= PIVOT ? 1900 + yy : 2000 + yy;
}

/**
 * The two-digit year of reference for a calendar year. Only years inside the
 * 1986..2085 window are accepted, because any other year would read back as a
 * different year through fullYearOf.
 */
export function twoDigitYear(fullYear: number): number {
  if (!Number.isInteger(fullYear) || fullYear < FIRST_ISRC_YEAR || fullYear > LAST_REPRESENTABLE_YEAR) {
    throw new RangeError(`year ${fullYear} cannot be written as an ISRC year (${FIRST_ISRC_YEAR}..${LAST_REPRESENTABLE_YEAR})`);
  }
  return fullYear % 100;
}

/** Whether the two-digit year stands for a year after currentFullYear. */
export function isYearAfter(yy: number, currentFullYear: number): boolean {
  return fullYearOf(yy) > currentFullYear;
}

/** Two-digit, zero-padded text form ("07"), as written inside an ISRC. */
export function formatYearOfReference(yy: number): string {
  assertTwoDigitYear(yy);
  return String(yy).padStart(2, '0');
}

/** One formatter per zone: building one costs ~0.1 ms, and a 5,000-row import asks the year per row. */
const yearFormats = new Map<string, Intl.DateTimeFormat>();

let lastYear: { ms: number; timeZone: string; year: number } | undefined;

function yearFormat(timeZone: string): Intl.DateTimeFormat {
  let format = yearFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' });
    yearFormats.set(timeZone, format);
  }
  return format;
}

/**
 * The calendar year at `instant` in the agency's time zone (an IANA name such as `Asia/Taipei`).
 * The year of reference is the year of assignment as the agency counts it, so neither UTC nor the
 * browser's own zone decides it: in Taipei, 2026-12-31T16:30Z is already 2027.
 */
export function calendarYearAt(instant: Date, timeZone: string): number {
  const ms = instant.getTime();
  if (lastYear !== undefined && lastYear.ms === ms && lastYear.timeZone === timeZone) {
    return lastYear.year; // the same instant again (one request's fixed "now", a pinned clock)
  }
  const year = yearFormat(timeZone)
    .formatToParts(instant)
    .find((p) => p.type === 'year');
  if (year === undefined) {
    throw new RangeError(`no year for ${instant.toISOString()} in ${timeZone}`);
  }
  lastYear = { ms, timeZone, year: Number(year.value) };
  return lastYear.year;
}

/** Whether `timeZone` is an IANA zone name this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
