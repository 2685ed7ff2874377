import type { UploadLocks } from '../media/upload-locks.js';
import type { Config } from '../config/env.js';
import type { AgencyContact } from '../shared/agency-contact.js';
import type { Clock } from '../shared/clock.js';
import type { FileStorage } from '../storage/storage.js';
import type { WorkbookReader } from '../import/spreadsheet/read-workbook.js';
import type { DomainMetrics } from '../metrics/domain-metrics.js';
import type { JobQueue } from '../jobs/job-queue.js';
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
  /** A session ends this long after its login however active (SESSION_ABSOLUTE_MINUTES); absent: 12 hours. */
  readonly sessionAbsoluteMinutes?: number | undefined;
  /** The agency's public contact details (ISRC_AGENCY_*). */
  readonly agency: AgencyContact;
  /** SMTP for e-mail copies of notifications (SMTP_URL); undefined: notifications are in-app only. */
  readonly mail?: MailSettings | undefined;
  /** Uploaded files (FILES_DIR); absent in tools and tests that store none, where uploads then fail. */
  readonly storage?: FileStorage | undefined;
  /** Local directory where uploads are received and checked before they are stored (STAGING_DIR). */
  readonly stagingDir?: string | undefined;
  /** Reads uploaded .xlsx files in a forked child (one spare kept warm), made once at start-up; absent: the import routes make their own at the first upload. */
  readonly workbookReader?: WorkbookReader | undefined;
  /** Counters of the work done (src/metrics); absent in tools and tests that do not count. */
  readonly metrics?: DomainMetrics | undefined;
  /** Locks of resumable uploads shared by every process (PostgreSQL advisory locks); absent: one process's memory. */
  readonly uploadLocks?: UploadLocks | undefined;
  /** Durable background jobs (src/jobs); absent in tools and tests, where services do the work in-process. */
  readonly jobs?: JobQueue | undefined;
}

/** Where e-mail copies of notifications go out (src/notifications). The URL may hold a password: never log it. */
export interface MailSettings {
  readonly smtpUrl: string;
  readonly from: string;
}

/** A context whose database handle is an open transaction (see `withTransaction`). */
export interface TxContext extends ServiceContext {
  readonly db: Transaction;
}

/** The context the server and the console tools (`npm run admin`) run with. */
export function contextFromConfig(
  db: Db,
  clock: Clock,
  config: Pick<Config, 'countryCode' | 'timeZone' | 'sessionIdleMinutes' | 'agency'> & Partial<Pick<Config, 'smtpUrl' | 'smtpFrom' | 'sessionAbsoluteMinutes'>>,
): ServiceContext {
  const mail = config.smtpUrl === undefined ? undefined : { smtpUrl: config.smtpUrl, from: config.smtpFrom ?? config.agency.email };
  return {
    db,
    clock,
    countryCode: config.countryCode,
    timeZone: config.timeZone,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionAbsoluteMinutes: config.sessionAbsoluteMinutes,
    agency: config.agency,
    mail,
  };
}

/** The current calendar year in the agency's time zone: the year of reference of codes assigned now. */
export function currentYear(ctx: Pick<ServiceContext, 'clock' | 'timeZone'>): number {
  return calendarYearAt(ctx.clock.now(), ctx.timeZone);
}
