import type { Clock } from '../shared/clock.js';
import { calendarYearAt } from '../isrc/year.js';
import type { Db, Transaction } from './types.js';

/**
 * What every service function takes first: the database (or the transaction it runs in), time and
 * agency settings. One convention for every service: `fn(ctx, …)`.
 */
export interface ServiceContext {
  readonly db: Db;
  readonly clock: Clock;
  /** The country prefix this agency allocates under. */
  readonly countryCode: string;
  /** IANA time zone of the agency; the year of reference and "today" follow it. */
  readonly timeZone: string;
  readonly sessionIdleMinutes: number;
}

/** A context whose database handle is an open transaction (see `withTransaction`). */
export interface TxContext extends ServiceContext {
  readonly db: Transaction;
}

/** The current calendar year in the agency's time zone: the year of reference of codes assigned now. */
export function currentYear(ctx: Pick<ServiceContext, 'clock' | 'timeZone'>): number {
  return calendarYearAt(ctx.clock.now(), ctx.timeZone);
}
