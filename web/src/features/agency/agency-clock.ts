import type { AgencyContact, AgencyResponse } from '../../../../src/settings/settings.schemas.js';
import { calendarYearAt } from '../../../../src/isrc/index.js';
import { formatDate } from '../../lib/format';

/** The agency's zone until GET /agency has answered (the server's default, ISRC_TIME_ZONE). */
export const DEFAULT_TIME_ZONE = 'Asia/Taipei';

/**
 * The agency's clock as the browser can know it: the agency's time zone, and how far the server's
 * clock is ahead of the browser's (negative: behind). Every "today" and year of reference on screen
 * comes from here, never from the browser's own clock or zone. The functions need no `this`: take
 * them apart freely (`const { agencyYear } = useAgency()`).
 */
export interface AgencyClock {
  readonly timeZone: string;
  /** Server clock minus browser clock, in milliseconds. */
  readonly skewMs: number;
  /** Now, by the server's clock: the browser's clock corrected by the skew. */
  readonly agencyNow: () => Date;
  /** The calendar year now in the agency's zone: the year of reference of codes assigned today. */
  readonly agencyYear: () => number;
  /** `value` as the agency's date, 2026.03.09, in the agency's zone. */
  readonly formatDate: (value: string | Date | null | undefined) => string;
}

/**
 * How far the server's clock is ahead of the browser's: the server stamped `serverNow` while the
 * request was under way, so it is compared with the middle of the round trip (`sentAt`..`receivedAt`,
 * browser milliseconds; without `sentAt`, with the moment of receipt). An unreadable `serverNow` gives 0.
 */
export function clockSkew(serverNow: string, receivedAt: number, sentAt: number = receivedAt): number {
  const server = Date.parse(serverNow);
  if (Number.isNaN(server)) {
    return 0;
  }
  return Math.round(server - (sentAt + receivedAt) / 2);
}

/** The agency clock for `timeZone` and `skewMs`; `browserNow` is the browser's clock (Date.now). */
export function agencyClock(timeZone: string, skewMs: number, browserNow: () => number = () => Date.now()): AgencyClock {
  const agencyNow = () => new Date(browserNow() + skewMs);
  return {
    timeZone,
    skewMs,
    agencyNow,
    agencyYear: () => calendarYearAt(agencyNow(), timeZone),
    formatDate: (value) => formatDate(value, timeZone),
  };
}

/** What GET /agency tells, with the clock skew measured when it arrived. */
export interface AgencyInfo {
  readonly countryCode: string;
  readonly timeZone: string;
  readonly skewMs: number;
  /** How to reach the agency (footer, interim routes of functions not online yet). */
  readonly contact: AgencyContact;
}

/** Reads the /agency answer received at `receivedAt` for a request sent at `sentAt` (browser milliseconds). */
export function agencyInfoFrom(response: AgencyResponse, sentAt: number, receivedAt: number): AgencyInfo {
  return {
    countryCode: response.countryCode,
    timeZone: response.timeZone,
    skewMs: clockSkew(response.now, receivedAt, sentAt),
    contact: response.contact,
  };
}

/** Before /agency has answered (or when it failed): the default zone and the browser's clock as is. */
export const DEFAULT_AGENCY_CLOCK: AgencyClock = agencyClock(DEFAULT_TIME_ZONE, 0);
