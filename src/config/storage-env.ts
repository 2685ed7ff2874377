/** Where the S3-compatible store is and how to sign for it (STORAGE=s3). The secret is never logged. */
export interface S3Settings {
  /** `http(s)://host[:port]` of the store (for Amazon S3: `https://s3.<region>.amazonaws.com`). */
  readonly endpoint: string;
  /** Must match the store's location: it is part of every SigV4 signature. */
  readonly region: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** `host/bucket/key` addresses rather than `bucket.host/key` (needed by most self-hosted stores). */
  readonly forcePathStyle: boolean;
}

/** Stored files: on the local filesystem under FILES_DIR (default), or in an S3-compatible bucket. */
export type StorageConfig = { readonly kind: 'fs' } | { readonly kind: 's3'; readonly s3: S3Settings };

type Env = Readonly<Record<string, string | undefined>>;

/** Thrown for a bad storage setting; env.ts rethrows it as its ConfigError. */
export class StorageConfigError extends Error {}

function required(env: Env, name: string, what: string): string {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') {
    throw new StorageConfigError(`STORAGE=s3 needs ${name} (${what})`);
  }
  return raw;
}

function booleanFrom(env: Env, name: string, fallback: boolean): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '') {
    return fallback;
  }
  if (['1', 'true', 'yes', 'on'].includes(raw)) {
    return true;
  }
  if (['0', 'false', 'no', 'off'].includes(raw)) {
    return false;
  }
  throw new StorageConfigError(`${name} must be true or false, got "${raw}"`);
}

/** STORAGE and, for `s3`, the S3_* variables. Messages name the variable, never a key's value. */
export function storageFrom(env: Env): StorageConfig {
  const kind = (env.STORAGE ?? '').trim().toLowerCase();
  if (kind === '' || kind === 'fs') {
    return Object.freeze({ kind: 'fs' });
  }
  if (kind !== 's3') {
    throw new StorageConfigError(`STORAGE must be fs or s3, got "${kind}"`);
  }
  // Every S3 problem at once (one line each), not one per start.
  const problems: string[] = [];
  const check = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (err) {
      if (err instanceof StorageConfigError) {
        problems.push(err.message);
        return fallback;
      }
      throw err;
    }
  };
  const endpoint = check(() => {
    const raw = required(env, 'S3_ENDPOINT', 'the address of the store, e.g. https://s3.example.org');
    if (!/^https?:\/\/[^\s/@]+(\/[^\s]*)?$/.test(raw)) {
      // The value is not repeated: it might hold credentials.
      throw new StorageConfigError('S3_ENDPOINT must be an http:// or https:// address without credentials, such as https://s3.example.org');
    }
    return raw;
  }, '');
  const bucket = check(() => {
    const raw = required(env, 'S3_BUCKET', "the bucket's name");
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(raw)) {
      throw new StorageConfigError(`S3_BUCKET must be 3–63 lower-case letters, digits, dots or hyphens, got "${raw}"`);
    }
    return raw;
  }, '');
  const region = (env.S3_REGION ?? '').trim() || 'us-east-1';
  if (!/^[a-z0-9-]+$/.test(region)) {
    problems.push(`S3_REGION must look like us-east-1, got "${region}"`);
  }
  const s3: S3Settings = {
    endpoint: endpoint.replace(/\/+$/, ''),
    region,
    bucket,
    accessKeyId: check(() => required(env, 'S3_ACCESS_KEY', 'the access key id'), ''),
    secretAccessKey: check(() => required(env, 'S3_SECRET_KEY', 'the secret key'), ''),
    forcePathStyle: check(() => booleanFrom(env, 'S3_FORCE_PATH_STYLE', true), true),
  };
  if (problems.length > 0) {
    throw new StorageConfigError(problems.join('\n'));
  }
  return Object.freeze({ kind: 's3', s3: Object.freeze(s3) });
}

/** What may be shown about the storage (logs, start-up lines): never the keys. */
export function describeStorage(storage: StorageConfig, filesDir: string): string {
  return storage.kind === 'fs' ? `filesystem ${filesDir}` : `S3 bucket ${storage.s3.bucket} at ${storage.s3.endpoint}`;
}
