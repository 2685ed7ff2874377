/**
 * Cells typed `t="d"`: the value is ISO 8601 text (2026-01-02, 2026-01-02T00:00:00Z), as the Open
 * XML SDK's CellValues.Date and other ISO/IEC 29500 writers store dates. SheetJS turns the text
 * into a serial through a JavaScript Date, which shifts a date with a zone (…T00:00:00+08:00 becomes
 * the day before) and gives nonsense before 1900, and keeps no date format when the cell has none,
 * so 2026-01-02 read as the number 46024. The civil date and time as written become the serial here.
 */

export interface IsoDateTime {
  year: number;
  month: number;
  day: number;
  /** Seconds into the day, as written (the zone, if any, is ignored: the civil time is what was meant). */
  seconds: number;
}

const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$/;
const DAY_MS = 86_400_000;

export function parseIsoDate(text: string): IsoDateTime | undefined {
  const match = ISO.exec(text);
  if (match === null) {
    return undefined;
  }
  const [, y = '', mo = '', d = '', h = '0', mi = '0', s = '0'] = match;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const date = new Date(Date.UTC(year, month - 1, day));
  // 2026-02-30 is no date: Date.UTC would roll it into March.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  const seconds = Number(h) * 3600 + Number(mi) * 60 + Number(s);
  return seconds < 86_400 ? { year, month, day, seconds } : undefined;
}

/** The serial the workbook's date system gives that date and time; undefined before the system's day 1. */
export function isoSerial({ year, month, day, seconds }: IsoDateTime, date1904: boolean): number | undefined {
  const utc = Date.UTC(year, month - 1, day);
  const days = date1904 ? (utc - Date.UTC(1904, 0, 1)) / DAY_MS : (utc - Date.UTC(1899, 11, 30)) / DAY_MS;
  // The 1900 system counts a 29 February 1900 that never was: serials before March are one less.
  const serial = !date1904 && utc < Date.UTC(1900, 2, 1) ? days - 1 : days;
  return serial >= 1 ? serial + seconds / 86_400 : undefined;
}
