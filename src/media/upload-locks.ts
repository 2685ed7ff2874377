import { ERRORS, MemoryLocker, type Lock, type Locker, type RequestRelease } from '@tus/server';
import pg from 'pg';
import { AppError } from '../shared/errors.js';

/**
 * Locks of resumable uploads shared by every server process on one PostgreSQL (issue 17: no
 * state in one process's memory). @tus/server locks an upload for each request that touches it;
 * its default locker lives in one process, so behind nginx two instances could append to the same
 * file at once. Here a lock is a session-level advisory lock held on a connection of a small pool
 * of its own (an upload's PATCH may last minutes: it must not hold a connection the requests need).
 *
 * As tus asks, a lock is held only while its request is alive: a request that finds an upload
 * locked asks the holder to let go (NOTIFY on UPLOAD_RELEASE_CHANNEL; the process holding it calls
 * that request's `requestRelease`, which ends it — typically a client that went away mid-PATCH and
 * is resuming from elsewhere), then retries until it gets the lock or `acquireTimeoutMs` passes.
 * Within one process the in-memory locker does the same without a round trip.
 */

export const UPLOAD_RELEASE_CHANNEL = 'isrc_upload_release';
/** How often a waiting request tries the advisory lock again. */
const RETRY_MS = 100;
/** What a request told "busy" is asked to wait before it resumes. */
export const BUSY_RETRY_SECONDS = 5;

export interface UploadLocks {
  readonly locker: Locker;
  close(): Promise<void>;
}

export interface UploadLocksOptions {
  /** How long a request waits for an upload's lock before it is refused (tus answers 500 ERR_LOCK_TIMEOUT). */
  acquireTimeoutMs?: number;
  /** Connections for held locks: at most this many uploads are written at once by this process. */
  maxConnections?: number;
  onError?: (err: unknown) => void;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });

/** The advisory lock's key: 64 bits from the upload id, in its own namespace of keys. */
const KEY_SQL = `hashtextextended('tus-upload:' || $1, 0)`;

export function createPgUploadLocks(url: string, options: UploadLocksOptions = {}): UploadLocks {
  const timeoutMs = options.acquireTimeoutMs ?? 30_000;
  const maxConnections = options.maxConnections ?? 16;
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, connectionTimeoutMillis: 5000 });

  /** A connection for one held lock; with every one of them holding a lock, "busy" at once rather than a wait and a 500. */
  const connection = (): Promise<pg.PoolClient> => {
    if (pool.totalCount >= maxConnections && pool.idleCount === 0) {
      return Promise.reject(new AppError('UPLOADS_BUSY', { retryAfterSeconds: BUSY_RETRY_SECONDS }));
    }
    return pool.connect();
  };
  pool.on('error', (err) => options.onError?.(err));
  // A lock's connection is checked out for minutes: should the server drop it meanwhile, its error
  // must not crash the process (the lock is gone with it; unlock then finds the connection broken).
  pool.on('connect', (client) => {
    client.on('error', (err) => options.onError?.(err));
  });
  const local = new MemoryLocker({ acquireLockTimeout: timeoutMs });
  /** The requests holding an upload's lock in this process, by upload id: asked to let go on a NOTIFY. */
  const holders = new Map<string, RequestRelease>();
  let listener: Promise<pg.Client> | undefined;

  const listen = (): Promise<pg.Client> =>
    (listener ??= (async () => {
      const client = new pg.Client({ connectionString: url });
      client.on('error', (err) => {
        options.onError?.(err);
        listener = undefined; // the next lock listens again on a fresh connection
      });
      client.on('notification', (message) => {
        const release = message.payload === undefined ? undefined : holders.get(message.payload);
        void Promise.resolve(release?.()).catch((err: unknown) => options.onError?.(err));
      });
      await client.connect();
      await client.query(`listen ${UPLOAD_RELEASE_CHANNEL}`);
      return client;
    })().catch((err: unknown) => {
      listener = undefined;
      throw err;
    }));

  /** Takes the advisory lock on `client`, asking any other process's holder to let go meanwhile. */
  async function acquire(client: pg.PoolClient, id: string, signal: AbortSignal): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>(`select pg_try_advisory_lock(${KEY_SQL}) as locked`, [id]);
      if (rows[0]?.locked === true) {
        return true;
      }
      if (signal.aborted || Date.now() >= deadline) {
        return false;
      }
      await client.query('select pg_notify($1, $2)', [UPLOAD_RELEASE_CHANNEL, id]);
      await sleep(RETRY_MS, signal);
    }
  }

  class PgUploadLock implements Lock {
    private readonly inProcess: Lock;
    private client: pg.PoolClient | undefined;

    constructor(private readonly id: string) {
      this.inProcess = local.newLock(id);
    }

    async lock(signal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
      await this.inProcess.lock(signal, requestRelease);
      let client: pg.PoolClient | undefined;
      try {
        await listen();
        client = await connection();
        if (!(await acquire(client, this.id, signal))) {
          // @tus/server answers its own refusals, plain objects with status_code and body.
          // eslint-disable-next-line @typescript-eslint/only-throw-error
          throw ERRORS.ERR_LOCK_TIMEOUT;
        }
      } catch (err) {
        client?.release();
        await this.inProcess.unlock();
        throw err;
      }
      this.client = client;
      holders.set(this.id, requestRelease);
    }

    async unlock(): Promise<void> {
      const client = this.client;
      this.client = undefined;
      holders.delete(this.id);
      try {
        if (client !== undefined) {
          // A lost connection has lost its lock too: then the client is dropped rather than reused.
          const failed = await client.query(`select pg_advisory_unlock(${KEY_SQL})`, [this.id]).then(
            () => undefined,
            (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
          );
          client.release(failed);
        }
      } finally {
        await this.inProcess.unlock();
      }
    }
  }

  return {
    locker: { newLock: (id) => new PgUploadLock(id) },
    async close() {
      const client = await listener?.catch(() => undefined);
      listener = undefined;
      await client?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
