import path from 'node:path';
import { isKnownTimeZone } from '../isrc/year.js';

/** Typed, validated configuration. Read once at start-up; nothing else reads process.env. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Where PGlite keeps its data and where files are stored. */
  readonly dataDir: string;
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
  /** Proxy address(es) whose X-Forwarded-For is trusted; never `true` (spoofable). */
  readonly trustProxy: string | undefined;
  /** Absolute path of the built web app (served at /). */
  readonly webDir: string;
  /** Lifetime of an idle session, in minutes. */
  readonly sessionIdleMinutes: number;
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
  return Object.freeze({
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl,
    adminPassword,
    demo: flag(env.DEMO) || argv.includes('--demo'),
    countryCode,
    timeZone,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === '' ? undefined : env.TRUST_PROXY,
    webDir: path.resolve(env.WEB_DIR ?? 'dist/web'),
    sessionIdleMinutes: intFrom(env, 'SESSION_IDLE_MINUTES', 480, 5, 60 * 24 * 30),
  });
}
