import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { S3Settings } from '../../src/config/storage-env.js';

/** The Swift recipe (OpenStack Swift + s3api on loopback), copied from ../shared/reference/s3-swift. */
const SCRIPTS = path.join(import.meta.dirname, '..', 's3-swift');

export interface S3Store {
  /** What start.sh printed: S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, S3_REGION, S3_SWIFT_DIR. */
  readonly env: Readonly<Record<string, string>>;
  /** Settings for a fresh bucket of this store (one per test file or case keeps them apart). */
  settings(bucket?: string): S3Settings;
  stop(): void;
}

function envValue(env: Readonly<Record<string, string>>, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new Error(`start.sh printed no ${name}`);
  }
  return value;
}

/**
 * Starts a real S3-compatible store (a few seconds): Swift's four servers and a memcached, all
 * under a fresh temporary directory, on free loopback ports. Stop it when done; it is also
 * stopped when the process exits, so a failed run leaves no servers behind.
 */
export function startS3Store(): S3Store {
  const dir = mkdtempSync(path.join(tmpdir(), 's3-swift-'));
  let stopped = false;
  const stop = () => {
    if (stopped) {
      return;
    }
    stopped = true;
    execFileSync('bash', [path.join(SCRIPTS, 'stop.sh'), dir], { stdio: 'inherit' });
    rmSync(dir, { recursive: true, force: true });
  };
  let out: string;
  try {
    // stdout is only the S3_* lines; the servers' output goes to DIR/log.
    out = execFileSync('bash', [path.join(SCRIPTS, 'start.sh'), dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch (err) {
    stop();
    throw err;
  }
  process.once('exit', stop);
  const env = Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)];
      }),
  );
  return {
    env,
    settings: (bucket = `t-${randomUUID()}`) => ({
      endpoint: envValue(env, 'S3_ENDPOINT'),
      region: envValue(env, 'S3_REGION'),
      bucket,
      accessKeyId: envValue(env, 'S3_ACCESS_KEY'),
      secretAccessKey: envValue(env, 'S3_SECRET_KEY'),
      forcePathStyle: true,
    }),
    stop() {
      process.removeListener('exit', stop);
      stop();
    },
  };
}

/** One store for the whole test file: started in beforeAll, stopped in afterAll. */
export function useS3Store(): { readonly store: S3Store } {
  let current: S3Store | undefined;
  beforeAll(() => {
    current = startS3Store();
  });
  afterAll(() => {
    current?.stop();
  });
  return {
    get store(): S3Store {
      if (current === undefined) {
        throw new Error('the S3 store is not started yet (use it inside tests or hooks)');
      }
      return current;
    },
  };
}
