import { EventEmitter } from 'node:events';
import { Logger, makeWorkerUtils, run, type Runner, type Task, type WorkerEvents, type WorkerUtils } from 'graphile-worker';
import pg from 'pg';
import { checkTaskName, cronPattern, DEFAULT_MAX_ATTEMPTS, emptyDepth, jobState, type EnqueueOptions, type JobHandler, type JobQueue, type JobView, type QueueDepth } from './job-queue.js';
import { openWorkerLiveness, SUPERVISE_INTERVAL_MS, type SupervisorLog, type WorkerLiveness } from './worker-liveness.js';

/**
 * The runner on PostgreSQL: graphile-worker, in its own schema (it migrates that schema itself at
 * start; our migrations never touch it). Every server process runs a worker pool; jobs, retries
 * (graphile-worker's exponential back-off) and recurring tasks (its crontab, each tick enqueued
 * once across processes) are shared through the database. The supervisor (worker-liveness.ts)
 * hands back the jobs of a process that died within seconds instead of graphile-worker's 4 hours.
 */

export const GRAPHILE_SCHEMA = 'graphile_worker';

export interface GraphileQueueOptions {
  connectionString: string;
  /** Jobs run at once in this process (default 3). */
  concurrency?: number;
  /** How often idle workers look for jobs due in the future (default 2 s). */
  pollIntervalMs?: number;
  superviseIntervalMs?: number;
  /** Jobs locked more recently than this are not judged by the supervisor (default LIVENESS_GRACE_MS). */
  livenessGraceMs?: number;
  log?: (SupervisorLog & { error(obj: object, msg: string): void; debug(obj: object, msg: string): void }) | undefined;
}

interface JobRow {
  id: string;
  task_identifier: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  run_at: Date;
  created_at: Date;
  locked_at: Date | null;
}

function view(row: JobRow): JobView {
  const job = { attempts: row.attempts, maxAttempts: row.max_attempts, lockedAt: row.locked_at };
  return {
    id: row.id,
    task: row.task_identifier,
    state: jobState(job),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    runAt: row.run_at,
    createdAt: row.created_at,
    lockedAt: row.locked_at,
  };
}

export function createGraphileQueue(options: GraphileQueueOptions): JobQueue {
  const handlers = new Map<string, JobHandler>();
  const crontab: string[] = [];
  const schema = pg.escapeIdentifier(GRAPHILE_SCHEMA);
  // graphile-worker talks a lot at info; the server's log gets its warnings and errors.
  const logger = new Logger(() => (level, message, meta) => {
    const fields = { ...meta, component: 'graphile-worker' };
    // Its LogLevel enum is not importable from ESM (a CommonJS re-export): compared as the strings it holds.
    const severity: string = level;
    if (severity === 'error') {
      options.log?.error(fields, message);
    } else if (severity === 'warning') {
      options.log?.warn(fields, message);
    } else {
      options.log?.debug(fields, message);
    }
  });
  const concurrency = options.concurrency ?? 3;
  // One small pool for the runner and the utilities (each would make its own of 10 otherwise):
  // a connection per running job, plus LISTEN, the crontab and enqueues.
  const pgPool = new pg.Pool({ connectionString: options.connectionString, max: concurrency + 3, application_name: 'isrc-registry jobs' });
  pgPool.on('error', (err) => options.log?.warn({ err }, 'job queue connection lost'));
  // A checked-out client's error (the server went away mid-job) must not crash the process either;
  // graphile-worker checks for both handlers and warns on the console otherwise.
  pgPool.on('connect', (client) => {
    client.on('error', (err) => options.log?.warn({ err }, 'job queue connection lost'));
  });
  const shared = { pgPool, schema: GRAPHILE_SCHEMA, logger };
  let utils: Promise<WorkerUtils> | undefined;
  const workerUtils = () => (utils ??= makeWorkerUtils(shared));
  let runner: Runner | undefined;
  let liveness: WorkerLiveness | undefined;
  let superviseTimer: NodeJS.Timeout | undefined;
  const stopping = new AbortController();

  const query = async <R extends pg.QueryResultRow>(text: string): Promise<R[]> => (await workerUtils()).withPgClient(async (client) => (await client.query<R>(text)).rows);

  return {
    kind: 'graphile-worker',
    define(task, handler) {
      handlers.set(checkTaskName(task), handler);
    },
    recurring(task, everyMinutes) {
      // One attempt per tick (the next tick is the retry); `fill` does not catch up missed ticks.
      crontab.push(`${cronPattern(everyMinutes)} ${checkTaskName(task)} ?max=1&id=${task}`);
    },
    async enqueue(task, payload, spec: EnqueueOptions = {}) {
      await (
        await workerUtils()
      ).addJob(task, payload, {
        maxAttempts: spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        ...(spec.runAt === undefined ? {} : { runAt: spec.runAt }),
        ...(spec.jobKey === undefined ? {} : { jobKey: spec.jobKey, jobKeyMode: 'preserve_run_at' as const }),
      });
    },
    async start() {
      const u = await workerUtils();
      await u.migrate();
      liveness = await openWorkerLiveness({
        connectionString: options.connectionString,
        schema: GRAPHILE_SCHEMA,
        utils: u,
        log: options.log,
        ...(options.livenessGraceMs === undefined ? {} : { graceMs: options.livenessGraceMs }),
      });
      const alive = liveness;
      const events = new EventEmitter() as WorkerEvents;
      // graphile-worker 0.17 locks jobs in the name of the worker pool (`locked_by` = the pool's id).
      events.on('pool:create', ({ workerPool }) => void alive.hold(workerPool.id).catch((err: unknown) => options.log?.error({ err }, 'job worker pool could not take its liveness lock')));
      const taskList: Record<string, Task> = {};
      for (const [task, handler] of handlers) {
        taskList[task] = async (payload, helpers) => {
          const signal = AbortSignal.any([helpers.abortSignal, stopping.signal]);
          await handler(payload, { jobId: helpers.job.id, attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts, signal });
        };
      }
      runner = await run({
        ...shared,
        concurrency,
        pollInterval: options.pollIntervalMs ?? 2000,
        noHandleSignals: true,
        taskList,
        crontab: crontab.join('\n'),
        events,
      });
      const supervise = () => void alive.superviseOnce().catch((err: unknown) => options.log?.warn({ err }, 'job supervisor could not look at the jobs'));
      supervise();
      superviseTimer = setInterval(supervise, options.superviseIntervalMs ?? SUPERVISE_INTERVAL_MS).unref();
    },
    async stop() {
      clearInterval(superviseTimer);
      stopping.abort();
      await runner?.stop();
      await liveness?.close();
      if (utils !== undefined) {
        await (await utils).release();
      }
      await pgPool.end();
    },
    async list(limit) {
      const rows = await query<JobRow>(
        `select id, task_identifier, attempts, max_attempts, last_error, run_at, created_at, locked_at from ${schema}.jobs order by run_at, id limit ${Math.max(1, Math.floor(limit))}`,
      );
      return rows.map(view);
    },
    async depth() {
      const rows = await query<{ attempts: number; max_attempts: number; locked: boolean; n: string }>(
        `select attempts, max_attempts, locked_at is not null as locked, count(*) as n from ${schema}.jobs group by 1, 2, 3`,
      );
      const depth: QueueDepth = emptyDepth();
      for (const row of rows) {
        depth[jobState({ attempts: row.attempts, maxAttempts: row.max_attempts, lockedAt: row.locked ? new Date(0) : null })] += Number(row.n);
      }
      return depth;
    },
  };
}
