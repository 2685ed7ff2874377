import pg from 'pg';
import type { WorkerUtils } from 'graphile-worker';

/**
 * The supervisor of graphile-worker's jobs. graphile-worker leaves the jobs of a worker that died
 * (kill -9, a lost machine) locked for 4 hours before another takes them. Here every worker (in
 * 0.17 the worker pool of a process: its id is the jobs' `locked_by`) proves it is alive by holding
 * a session-level advisory lock keyed by that id, on a connection of its own: PostgreSQL drops the lock the moment that process's connection goes. Every process
 * checks now and then which workers hold locked jobs; a worker whose key nobody holds is dead, and
 * its jobs are handed back with graphile-worker's own `forceUnlockWorkers`. Nothing is read but
 * graphile-worker's `jobs` view; no table of ours.
 */

/** The advisory-lock namespace (first key) of worker liveness; the second key is hashtext(worker id). */
export const WORKER_LIVENESS_NAMESPACE = 3_901_017;
/** Jobs locked more recently than this are left alone: their worker may be taking its lock right now. */
export const LIVENESS_GRACE_MS = 10_000;
/** How often the supervisor looks (default). */
export const SUPERVISE_INTERVAL_MS = 15_000;

export interface SupervisorLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface WorkerLiveness {
  /** Holds the liveness lock of one of this process's workers (on its creation). */
  hold(workerId: string): Promise<void>;
  /** One look: frees the jobs of dead workers; returns their ids. */
  superviseOnce(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openWorkerLiveness(options: {
  connectionString: string;
  schema: string;
  utils: WorkerUtils;
  log?: SupervisorLog | undefined;
  graceMs?: number;
}): Promise<WorkerLiveness> {
  const own = new Set<string>();
  /**
   * Workers found without their lock at the last look. A worker is freed only when found so twice
   * in a row: a live process whose liveness connection dropped (a network blip, a database restart)
   * has a whole interval to reconnect and take its lock again before its running jobs are handed on.
   */
  let suspects = new Set<string>();
  let client = await connect();

  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: options.connectionString, application_name: 'isrc-registry job liveness' });
    // A dropped connection has dropped our locks too: take them again at once on a new one, or
    // other processes would free the jobs this process is still running.
    c.on('error', (err) => {
      options.log?.warn({ err }, 'job liveness connection lost; reconnecting');
      void reconnect();
    });
    await c.connect();
    return c;
  }

  async function reconnect(): Promise<void> {
    for (let delay = 500; ; delay = Math.min(delay * 2, 10_000)) {
      try {
        client = await connect();
        for (const id of own) {
          await client.query('select pg_advisory_lock($1, hashtext($2))', [WORKER_LIVENESS_NAMESPACE, id]);
        }
        return;
      } catch (err) {
        options.log?.warn({ err }, 'job liveness: reconnect failed');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  const schema = pg.escapeIdentifier(options.schema);
  const graceSeconds = (options.graceMs ?? LIVENESS_GRACE_MS) / 1000;

  return {
    async hold(workerId) {
      own.add(workerId);
      await client.query('select pg_advisory_lock($1, hashtext($2))', [WORKER_LIVENESS_NAMESPACE, workerId]);
    },
    async superviseOnce() {
      const { rows } = await client.query<{ locked_by: string }>(
        `select distinct locked_by from ${schema}.jobs where locked_by is not null and locked_at < now() - make_interval(secs => $1)`,
        [graceSeconds],
      );
      const lockless = new Set<string>();
      for (const { locked_by: workerId } of rows) {
        // Our own workers are alive; and this session holds their keys, so a try would succeed.
        if (own.has(workerId)) {
          continue;
        }
        const { rows: probe } = await client.query<{ free: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as free', [WORKER_LIVENESS_NAMESPACE, workerId]);
        if (probe[0]?.free === true) {
          await client.query('select pg_advisory_unlock($1, hashtext($2))', [WORKER_LIVENESS_NAMESPACE, workerId]);
          lockless.add(workerId);
        }
      }
      const dead = [...lockless].filter((id) => suspects.has(id));
      suspects = lockless;
      if (dead.length > 0) {
        await options.utils.forceUnlockWorkers(dead);
        options.log?.info({ workers: dead }, 'freed the jobs of background workers that stopped without releasing them');
      }
      return dead;
    },
    async close() {
      own.clear();
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      await client.end();
    },
  };
}
