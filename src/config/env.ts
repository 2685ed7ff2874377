import path from 'node:path';
import { isKnownTimeZone } from '../isrc/year.js';
import { DEFAULT_AGENCY_CONTACT, type AgencyContact } from '../shared/agency-contact.js';
import { operationsFrom, type OperationsConfig } from './operations-env.js';
import { StorageConfigError, storageFrom, type StorageConfig } from './storage-env.js';

/** Typed, validated configuration. Read once at start-up; nothing else reads process.env. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Where PGlite keeps its data and where files are stored. */
  readonly dataDir: string;
  /** Uploaded files (change-request scans, …): FILES_DIR, default `<dataDir>/files` (also with PostgreSQL). */
  readonly filesDir: string;
  /** Where stored files live: STORAGE=fs (default, under filesDir) or s3 with the S3_* settings. */
  readonly storage: StorageConfig;
  /** Uploads being received and checked before they are stored: STAGING_DIR, default `<dataDir>/staging` (local disk). */
  readonly stagingDir: string;
  /** postgres://… selects a PostgreSQL server; undefined means embedded PGlite in dataDir. */
  readonly databaseUrl: string | undefined;
  /** Password for the first administrator; random (printed once) when unset. */
  readonly adminPassword: string | undefined;
  readonly demo: boolean;
  /** ISO 3166 country prefix the agency allocates under. */
  readonly countryCode: string;
  /** IANA time zone of the agency: the year of reference and every "today" follow it. */
  readonly timeZone: string;
  readonly logLevel: string;
  /** `text`: one human line per entry (development); `json`: pino JSON lines (production, log collectors). */
  readonly logFormat: 'json' | 'text';
  /** NODE_ENV=production: request logs at `info` and JSON logs by default. */
  readonly production: boolean;
  /** The agency's contact details, public (footer, interim routes for functions not online yet). */
  readonly agency: AgencyContact;
  /** Proxy address(es) whose X-Forwarded-For is trusted; never `true` (spoofable). */
  readonly trustProxy: string | undefined;
  /** Absolute path of the built web app (served at /). */
  readonly webDir: string;
  /** Lifetime of an idle session, in minutes. */
  readonly sessionIdleMinutes: number;
  /** Lifetime of any session from its login, however active, in minutes (default 720: 12 hours). */
  readonly sessionAbsoluteMinutes: number;
  /** smtp://user:pass@host:port (or smtps://): e-mail copies of notifications; undefined: in-app only. Never logged. */
  readonly smtpUrl: string | undefined;
  /** The From of those e-mails; defaults to the agency's name and address. */
  readonly smtpFrom: string;
  /** The web app's address for links in e-mails; undefined: the address the server listens on. */
  readonly publicUrl: string | undefined;
  /** /metrics access and the shutdown bound (src/config/operations-env.ts). */
  readonly operations: OperationsConfig;
}

/** One or more wrong settings; the message has one line per problem. */
export class ConfigError extends Error {
  get problems(): string[] {
    return this.message.split('\n');
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function intFrom(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

/** A one-line setting of at most `max` characters; unset or blank takes the fallback. */
function lineFrom(env: Env, name: string, fallback: string, max = 200): string {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') {
    return fallback;
  }
  // eslint-disable-next-line no-control-regex
  if (raw.length > max || /[\u0000-\u001f\u007f]/.test(raw)) {
    throw new ConfigError(`${name} must be one line of at most ${max} characters`);
  }
  return raw;
}

function agencyFrom(env: Env): AgencyContact {
  const email = lineFrom(env, 'ISRC_AGENCY_EMAIL', DEFAULT_AGENCY_CONTACT.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new ConfigError(`ISRC_AGENCY_EMAIL must be an e-mail address, got "${email}"`);
  }
  const dpid = lineFrom(env, 'ISRC_AGENCY_DPID', '', 40);
  if (dpid !== '' && !/^PADPIDA[A-Za-z0-9]+$/.test(dpid)) {
    throw new ConfigError(`ISRC_AGENCY_DPID must be a DDEX Party Identifier (PADPIDA followed by letters and digits), got "${dpid}"`);
  }
  return Object.freeze({
    ...(dpid === '' ? {} : { dpid }),
    name: lineFrom(env, 'ISRC_AGENCY_NAME', DEFAULT_AGENCY_CONTACT.name),
    address: lineFrom(env, 'ISRC_AGENCY_ADDRESS', DEFAULT_AGENCY_CONTACT.address),
    phone: lineFrom(env, 'ISRC_AGENCY_PHONE', DEFAULT_AGENCY_CONTACT.phone, 100),
    email,
  });
}

function logFormatFrom(env: Env, production: boolean): 'json' | 'text' {
  const raw = (env.LOG_FORMAT ?? '').trim().toLowerCase();
  if (raw === '') {
    return production ? 'json' : 'text';
  }
  if (raw !== 'json' && raw !== 'text') {
    throw new ConfigError(`LOG_FORMAT must be json or text, got "${raw}"`);
  }
  return raw;
}

/** SMTP_URL: smtp:// or smtps:// with a host; the message never repeats the value (it may hold a password). */
function smtpUrlFrom(env: Env): string | undefined {
  const raw = env.SMTP_URL?.trim();
  if (raw === undefined || raw === '') {
    return undefined;
  }
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '') {
    throw new ConfigError('SMTP_URL must look like smtp://user:password@host:port or smtps://…');
  }
  return raw;
}

function publicUrlFrom(env: Env): string | undefined {
  const raw = env.PUBLIC_URL?.trim();
  if (raw === undefined || raw === '') {
    return undefined;
  }
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(raw)) {
    throw new ConfigError(`PUBLIC_URL must be an http:// or https:// address, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function storageConfigFrom(env: Env): StorageConfig {
  try {
    return storageFrom(env);
  } catch (err) {
    throw err instanceof StorageConfigError ? new ConfigError(err.message) : err;
  }
}

function flag(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevelFrom(env: Env): string {
  const raw = (env.LOG_LEVEL ?? '').trim().toLowerCase();
  if (raw === '') {
    return 'info';
  }
  if (!LOG_LEVELS.includes(raw)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  }
  return raw;
}

/** Builds the config from environment variables and command-line arguments (`--demo`). */
export function loadConfig(env: Env, argv: readonly string[] = []): Readonly<Config> {
  // Every wrong setting is reported at once, each with its own message, rather than one per start.
  const problems: string[] = [];
  const take = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (err) {
      if (err instanceof ConfigError) {
        problems.push(err.message);
        return fallback;
      }
      throw err;
    }
  };
  const databaseUrl = env.DATABASE_URL === '' ? undefined : env.DATABASE_URL;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const countryCode = (env.ISRC_COUNTRY_CODE ?? 'TW').trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(countryCode)) {
    problems.push(`ISRC_COUNTRY_CODE must be two letters, got "${countryCode}"`);
  }
  const timeZone = (env.ISRC_TIME_ZONE ?? 'Asia/Taipei').trim();
  if (!isKnownTimeZone(timeZone)) {
    problems.push(`ISRC_TIME_ZONE must be an IANA time zone such as Asia/Taipei, got "${timeZone}"`);
  }
  const adminPassword = env.ISRC_ADMIN_PASSWORD === '' ? undefined : env.ISRC_ADMIN_PASSWORD;
  if (adminPassword !== undefined && adminPassword.length < 12) {
    problems.push('ISRC_ADMIN_PASSWORD must have at least 12 characters');
  }
  const production = env.NODE_ENV === 'production';
  const agency = take(() => agencyFrom(env), DEFAULT_AGENCY_CONTACT);
  const operations = operationsFrom(env, problems);
  const config = Object.freeze({
    port: take(() => intFrom(env, 'PORT', 3000, 0, 65535), 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    filesDir: path.resolve(env.FILES_DIR === undefined || env.FILES_DIR === '' ? path.join(env.DATA_DIR ?? 'data', 'files') : env.FILES_DIR),
    storage: take(() => storageConfigFrom(env), { kind: 'fs' } as const),
    stagingDir: path.resolve(env.STAGING_DIR === undefined || env.STAGING_DIR === '' ? path.join(env.DATA_DIR ?? 'data', 'staging') : env.STAGING_DIR),
    databaseUrl,
    adminPassword,
    demo: flag(env.DEMO) || argv.includes('--demo'),
    countryCode,
    timeZone,
    logLevel: take(() => logLevelFrom(env), 'info'),
    logFormat: take(() => logFormatFrom(env, production), 'text'),
    production,
    agency,
    trustProxy: env.TRUST_PROXY === '' ? undefined : env.TRUST_PROXY,
    webDir: path.resolve(env.WEB_DIR ?? 'dist/web'),
    sessionIdleMinutes: take(() => intFrom(env, 'SESSION_IDLE_MINUTES', 480, 5, 60 * 24 * 30), 480),
    sessionAbsoluteMinutes: take(() => intFrom(env, 'SESSION_ABSOLUTE_MINUTES', 720, 5, 60 * 24 * 30), 720),
    smtpUrl: take(() => smtpUrlFrom(env), undefined),
    smtpFrom: take(() => lineFrom(env, 'SMTP_FROM', `"${agency.name.replace(/["\\]/g, '')}" <${agency.email}>`), ''),
    publicUrl: take(() => publicUrlFrom(env), undefined),
    operations,
  });
  if (problems.length > 0) {
    throw new ConfigError(problems.join('\n'));
  }
  return config;
}
