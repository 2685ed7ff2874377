import { randomUUID } from 'node:crypto';
import { backoffMs, checkTaskName, DEFAULT_MAX_ATTEMPTS, emptyDepth, jobState, type EnqueueOptions, type JobHandler, type JobQueue, type JobView, type QueueDepth } from './job-queue.js';

/**
 * The runner on the embedded database. PGlite is one process by design (the data-directory lock),
 * so the jobs live in this process's memory, like graphile-worker's rows would: a job enqueued
 * and not yet done when the server stops is lost, and the work it stood for is picked up again by
 * its source (recurring tasks come round again; e-mails stay `pending` in their table; a fixity run
 * left `running` is closed as interrupted). The same semantics as graphile-worker otherwise:
 * retries with its back-off, job keys, completed jobs removed, failed ones kept for the list.
 */

export interface InProcessQueueOptions {
  /** Jobs run at once (default 2). */
  concurrency?: number;
  /** Delay before retry after `attempts` failed attempts (default graphile-worker's). */
  backoffMs?: (attempts: number) => number;
  now?: () => number;
  /** Failed jobs kept for the administrator's list (default 100). */
  keepFailed?: number;
  log?: { warn(obj: object, msg: string): void };
}

interface MemoryJob {
  id: string;
  task: string;
  payload: unknown;
  key: string | null;
  runAt: number;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: number;
  lockedAt: number | null;
}

function view(job: MemoryJob): JobView {
  const lockedAt = job.lockedAt === null ? null : new Date(job.lockedAt);
  return {
    id: job.id,
    task: job.task,
    state: jobState({ attempts: job.attempts, maxAttempts: job.maxAttempts, lockedAt }),
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    lastError: job.lastError,
    runAt: new Date(job.runAt),
    createdAt: new Date(job.createdAt),
    lockedAt,
  };
}

export function createInProcessQueue(options: InProcessQueueOptions = {}): JobQueue {
  const now = options.now ?? Date.now;
  const delay = options.backoffMs ?? backoffMs;
  const concurrency = options.concurrency ?? 2;
  const keepFailed = options.keepFailed ?? 100;
  const handlers = new Map<string, JobHandler>();
  const schedules: { task: string; everyMinutes: number }[] = [];
  const jobs = new Map<string, MemoryJob>();
  const running = new Set<Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  let wakeTimer: NodeJS.Timeout | undefined;
  let started = false;
  let stopping = new AbortController();

  const isFailed = (job: MemoryJob) => job.lockedAt === null && job.attempts >= job.maxAttempts;

  const forgetOldFailures = () => {
    const failed = [...jobs.values()].filter(isFailed);
    for (const job of failed.slice(0, Math.max(0, failed.length - keepFailed))) {
      jobs.delete(job.id);
    }
  };

  const runOne = async (job: MemoryJob): Promise<void> => {
    const handler = handlers.get(job.task);
    job.attempts++;
    job.lockedAt = now();
    try {
      if (handler === undefined) {
        throw new Error(`no handler for task ${job.task}`);
      }
      await handler(job.payload, { jobId: job.id, attempt: job.attempts, maxAttempts: job.maxAttempts, signal: stopping.signal });
      jobs.delete(job.id);
    } catch (err) {
      job.lastError = err instanceof Error ? err.message : String(err);
      job.runAt = now() + delay(job.attempts);
      options.log?.warn({ task: job.task, attempt: job.attempts, maxAttempts: job.maxAttempts, err: job.lastError }, 'background job failed');
      forgetOldFailures();
    } finally {
      job.lockedAt = null;
    }
  };

  const wake = (): void => {
    if (!started) {
      return;
    }
    clearTimeout(wakeTimer);
    const waiting = [...jobs.values()].filter((j) => j.lockedAt === null && j.attempts < j.maxAttempts).sort((a, b) => a.runAt - b.runAt);
    const t = now();
    for (const job of waiting) {
      if (running.size >= concurrency || job.runAt > t) {
        break;
      }
      const promise = runOne(job).finally(() => {
        running.delete(promise);
        wake();
      });
      running.add(promise);
    }
    const next = waiting.find((j) => j.lockedAt === null && j.runAt > t);
    if (next !== undefined && running.size < concurrency) {
      // Never keeps the process alive on its own.
      wakeTimer = setTimeout(wake, Math.min(next.runAt - t, 2 ** 31 - 1)).unref();
    }
  };

  const enqueue = (task: string, payload: object, spec: EnqueueOptions = {}): Promise<void> => {
    const waiting = spec.jobKey === undefined ? undefined : [...jobs.values()].find((j) => j.key === spec.jobKey && j.lockedAt === null && j.attempts < j.maxAttempts);
    if (waiting !== undefined) {
      // graphile-worker's "preserve_run_at": the waiting job takes the new payload, keeps its time.
      waiting.payload = payload;
      waiting.task = task;
      waiting.maxAttempts = spec.maxAttempts ?? waiting.maxAttempts;
    } else {
      const id = randomUUID();
      const t = now();
      jobs.set(id, {
        id,
        task,
        payload,
        key: spec.jobKey ?? null,
        runAt: spec.runAt?.getTime() ?? t,
        attempts: 0,
        maxAttempts: spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        lastError: null,
        createdAt: t,
        lockedAt: null,
      });
    }
    wake();
    return Promise.resolve();
  };

  return {
    kind: 'in-process',
    define(task, handler) {
      handlers.set(checkTaskName(task), handler);
    },
    recurring(task, everyMinutes) {
      schedules.push({ task: checkTaskName(task), everyMinutes });
    },
    enqueue,
    start() {
      started = true;
      stopping = new AbortController();
      for (const { task, everyMinutes } of schedules) {
        const tick = () => void enqueue(task, {}, { jobKey: `recurring:${task}`, maxAttempts: 1 });
        timers.push(setInterval(tick, everyMinutes * 60_000).unref());
      }
      wake();
      return Promise.resolve();
    },
    async stop() {
      started = false;
      clearTimeout(wakeTimer);
      timers.splice(0).forEach((timer) => clearInterval(timer));
      stopping.abort();
      await Promise.all([...running]);
    },
    list(limit) {
      const all = [...jobs.values()].sort((a, b) => a.runAt - b.runAt);
      return Promise.resolve(all.slice(0, limit).map(view));
    },
    depth() {
      const depth: QueueDepth = emptyDepth();
      for (const job of jobs.values()) {
        depth[view(job).state]++;
      }
      return Promise.resolve(depth);
    },
  };
}
