import type { Db } from '../db/types.js';
import type { Clock } from './clock.js';

/** What every service function needs besides its input: the database, time and agency settings. */
export interface ServiceContext {
  readonly db: Db;
  readonly clock: Clock;
  /** The country prefix this agency allocates under. */
  readonly countryCode: string;
  readonly sessionIdleMinutes: number;
}
