/**
 * Excel date serials to calendar dates by integer arithmetic only — never through a local Date,
 * so the server's time zone cannot shift a day. Serials are rounded to the second first (a time
 * of 23:59:59.9996 stored as a binary fraction is still that day, not the next).
 */

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Days since 1970-01-01 → proleptic Gregorian date (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 1899-12-30 and 1904-01-01 as days since 1970-01-01. */
const EPOCH_1900 = -25569;
const EPOCH_1904 = -24107;

/**
 * The calendar date of a serial in the workbook's date system, or undefined for serials that name
 * no day: negative, 0 in the 1900 system (Excel's "1900-01-00") and 60 (Excel's 1900-02-29, a day
 * that never was — Lotus 1-2-3's leap-year bug, kept by Excel for serials 1–60).
 */
export function serialToCivil(serial: number, date1904: boolean): CivilDate | undefined {
  if (!Number.isFinite(serial) || serial < 0) {
    return undefined;
  }
  const whole = Math.floor(Math.round(serial * 86400) / 86400);
  if (date1904) {
    return civilFromDays(EPOCH_1904 + whole);
  }
  if (whole === 0 || whole === 60) {
    return undefined;
  }
  // Before the phantom 1900-02-29 every serial is one day later than its count from 1899-12-30.
  return civilFromDays(EPOCH_1900 + whole + (whole < 60 ? 1 : 0));
}

export function civilText({ year, month, day }: CivilDate, precision: 'day' | 'month' | 'year'): string {
  const y = String(year).padStart(4, '0');
  const m = String(month).padStart(2, '0');
  if (precision === 'year') {
    return y;
  }
  return precision === 'month' ? `${y}-${m}` : `${y}-${m}-${String(day).padStart(2, '0')}`;
}
