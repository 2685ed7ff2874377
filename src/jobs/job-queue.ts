/**
 * Durable background work (fixity runs, e-mail delivery, the orphan sweep): one interface, two
 * runners. On PostgreSQL graphile-worker keeps the jobs in its own schema and several processes
 * share them (graphile-queue.ts); on the embedded database, one process by design, an in-process
 * runner keeps them in memory (in-process-queue.ts). Services only enqueue; handlers are plain
 * functions registered at start-up (app-jobs.ts).
 */

/** What a handler learns about the attempt it runs. */
export interface JobAttempt {
  readonly jobId: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** Aborted when the server shuts down: stop soon, leaving the work in a state a retry can pick up. */
  readonly signal: AbortSignal;
}

/** A task's work. Throwing fails the attempt: it is retried with back-off until `maxAttempts`. */
export type JobHandler = (payload: unknown, attempt: JobAttempt) => Promise<void>;

export interface EnqueueOptions {
  /** Not before this time (default now). */
  runAt?: Date;
  /**
   * De-duplication: while a job with this key waits, enqueueing again updates it (payload, max
   * attempts) and keeps its run-at, instead of adding a second job.
   */
  jobKey?: string;
  /** Attempts before the job is left failed (default DEFAULT_MAX_ATTEMPTS). */
  maxAttempts?: number;
}

export type JobState = 'queued' | 'running' | 'retrying' | 'failed';

/** One job as the administrator's list shows it. */
export interface JobView {
  id: string;
  task: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: Date;
  createdAt: Date;
  lockedAt: Date | null;
}

export type QueueDepth = Record<JobState, number>;

export interface JobQueue {
  readonly kind: 'graphile-worker' | 'in-process';
  /** Registers the handler of `task`; before `start`. */
  define(task: string, handler: JobHandler): void;
  /** Enqueues `task` every `everyMinutes` (a divisor of 60, or whole hours dividing a day); before `start`. */
  recurring(task: string, everyMinutes: number): void;
  enqueue(task: string, payload: object, options?: EnqueueOptions): Promise<void>;
  start(): Promise<void>;
  /** Aborts the running jobs' signals, waits for them, and stops taking new ones. */
  stop(): Promise<void>;
  /** Waiting, running and failed jobs, the soonest first (completed jobs are gone). */
  list(limit: number): Promise<JobView[]>;
  depth(): Promise<QueueDepth>;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

/** What graphile-worker's crontab accepts as a task name (no dots): kept by both runners alike. */
const TASK_NAME = /^[_a-zA-Z][-_a-zA-Z0-9]*$/;

export function checkTaskName(task: string): string {
  if (!TASK_NAME.test(task)) {
    throw new Error(`a task name is letters, digits, "-" and "_" (a crontab refuses others): ${task}`);
  }
  return task;
}

/** graphile-worker's own back-off, used by both runners: e^min(attempts, 10) seconds (2.7 s … 6 h). */
export function backoffMs(attempts: number): number {
  return Math.round(Math.exp(Math.min(attempts, 10)) * 1000);
}

/** The state a job is in, from the columns graphile-worker keeps (the in-process runner keeps the same). */
export function jobState(job: { attempts: number; maxAttempts: number; lockedAt: Date | null }): JobState {
  if (job.lockedAt !== null) {
    return 'running';
  }
  if (job.attempts >= job.maxAttempts) {
    return 'failed';
  }
  return job.attempts > 0 ? 'retrying' : 'queued';
}

/** A crontab pattern for "every N minutes" (graphile-worker's crontab has minute resolution). */
export function cronPattern(everyMinutes: number): string {
  if (Number.isInteger(everyMinutes) && everyMinutes >= 1 && everyMinutes < 60 && 60 % everyMinutes === 0) {
    return everyMinutes === 1 ? '* * * * *' : `*/${everyMinutes} * * * *`;
  }
  const hours = everyMinutes / 60;
  if (Number.isInteger(hours) && hours >= 1 && hours <= 24 && 24 % hours === 0) {
    return hours === 24 ? '0 0 * * *' : `0 */${hours} * * *`;
  }
  throw new Error(`a recurring task runs every divisor of 60 minutes or of 24 hours, not every ${everyMinutes} minutes`);
}

export function emptyDepth(): QueueDepth {
  return { queued: 0, running: 0, retrying: 0, failed: 0 };
}
