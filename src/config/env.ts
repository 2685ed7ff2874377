import path from 'node:path';
import { isKnownTimeZone } from '../isrc/year.js';
import { DEFAULT_AGENCY_CONTACT, type AgencyContact } from '../shared/agency-contact.js';
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
  /** smtp://user:pass@host:port (or smtps://): e-mail copies of notifications; undefined: in-app only. Never logged. */
  readonly smtpUrl: string | undefined;
  /** The From of those e-mails; defaults to the agency's name and address. */
  readonly smtpFrom: string;
  /** The web app's address for links in e-mails; undefined: the address the server listens on. */
  readonly publicUrl: string | undefined;
}

export class ConfigError extends Error {}

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
  return Object.freeze({
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

/** Builds the config from environment variables and command-line arguments (`--demo`). */
export function loadConfig(env: Env, argv: readonly string[] = []): Readonly<Config> {
  const databaseUrl = env.DATABASE_URL === '' ? undefined : env.DATABASE_URL;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const countryCode = (env.ISRC_COUNTRY_CODE ?? 'TW').trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(countryCode)) {
    throw new ConfigError(`ISRC_COUNTRY_CODE must be two letters, got "${countryCode}"`);
  }
  const timeZone = (env.ISRC_TIME_ZONE ?? 'Asia/Taipei').trim();
  if (!isKnownTimeZone(timeZone)) {
    throw new ConfigError(`ISRC_TIME_ZONE must be an IANA time zone such as Asia/Taipei, got "${timeZone}"`);
  }
  const adminPassword = env.ISRC_ADMIN_PASSWORD === '' ? undefined : env.ISRC_ADMIN_PASSWORD;
  if (adminPassword !== undefined && adminPassword.length < 10) {
    throw new ConfigError('ISRC_ADMIN_PASSWORD must have at least 10 characters');
  }
  const production = env.NODE_ENV === 'production';
  const agency = agencyFrom(env);
  return Object.freeze({
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    filesDir: path.resolve(env.FILES_DIR === undefined || env.FILES_DIR === '' ? path.join(env.DATA_DIR ?? 'data', 'files') : env.FILES_DIR),
    storage: storageConfigFrom(env),
    stagingDir: path.resolve(env.STAGING_DIR === undefined || env.STAGING_DIR === '' ? path.join(env.DATA_DIR ?? 'data', 'staging') : env.STAGING_DIR),
    databaseUrl,
    adminPassword,
    demo: flag(env.DEMO) || argv.includes('--demo'),
    countryCode,
    timeZone,
    logLevel: env.LOG_LEVEL ?? 'info',
    logFormat: logFormatFrom(env, production),
    production,
    agency,
    trustProxy: env.TRUST_PROXY === '' ? undefined : env.TRUST_PROXY,
    webDir: path.resolve(env.WEB_DIR ?? 'dist/web'),
    sessionIdleMinutes: intFrom(env, 'SESSION_IDLE_MINUTES', 480, 5, 60 * 24 * 30),
    smtpUrl: smtpUrlFrom(env),
    smtpFrom: lineFrom(env, 'SMTP_FROM', `"${agency.name.replace(/["\\]/g, '')}" <${agency.email}>`),
    publicUrl: publicUrlFrom(env),
  });
}
