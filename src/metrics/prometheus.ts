import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { DomainMetrics } from './domain-metrics.js';
import type { QueueLevels } from './metrics.repo.js';
import type { QueueDepth } from '../jobs/job-queue.js';

/** Gauges read from the database are cached this long: a scrape every few seconds costs one query pair. */
const LEVELS_CACHE_MS = 5000;

export interface PrometheusMetrics {
  /** This app's own registry (never prom-client's global one: tests build many apps in one process). */
  readonly registry: Registry;
  readonly domain: DomainMetrics;
}

/** Calls `read` at most once per `ttlMs`; concurrent scrapes share one call; a failure is not cached. */
function cached<T>(read: () => Promise<T>, ttlMs: number, now: () => number): () => Promise<T> {
  let value: { at: number; result: Promise<T> } | undefined;
  return () => {
    if (value === undefined || now() - value.at > ttlMs) {
      const result = read();
      value = { at: now(), result };
      result.catch(() => {
        value = undefined;
      });
    }
    return value.result;
  };
}

export interface PrometheusOptions {
  readLevels: () => Promise<QueueLevels>;
  /** Background jobs by state (src/jobs); absent: no job gauge. */
  readJobDepth?: () => Promise<QueueDepth>;
  now?: () => number;
  processMetrics?: boolean;
}

export function createPrometheusMetrics(options: PrometheusOptions): PrometheusMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics ?? true) {
    collectDefaultMetrics({ register: registry });
  }
  const isrcs = new Counter({ name: 'isrc_isrcs_allocated_total', help: 'ISRCs handed out by this process, by source (next available, typed, pool)', labelNames: ['source'], registers });
  const submissions = new Counter({ name: 'isrc_album_submissions_total', help: 'Albums submitted for review (送出審核) by this process', registers });
  const decisions = new Counter({ name: 'isrc_review_decisions_total', help: 'Review decisions taken through this process', labelNames: ['decision'], registers });
  const imports = new Counter({ name: 'isrc_imports_confirmed_total', help: 'Spreadsheet imports confirmed (確認匯入) by this process', registers });
  const uploadBytes = new Counter({ name: 'isrc_upload_bytes_total', help: 'Bytes of uploaded files received by this process', registers });
  const levels = cached(options.readLevels, LEVELS_CACHE_MS, options.now ?? Date.now);
  // Levels live in the database: every process reports the same value (aggregate with max, not sum).
  new Gauge({
    name: 'isrc_albums_awaiting_review',
    help: 'Albums submitted and not yet decided (all processes)',
    registers,
    async collect() {
      this.set((await levels()).albumsAwaitingReview);
    },
  });
  new Gauge({
    name: 'isrc_email_queue_depth',
    help: 'Notification e-mails waiting to be sent (all processes)',
    registers,
    async collect() {
      this.set((await levels()).emailsPending);
    },
  });
  const readJobDepth = options.readJobDepth;
  if (readJobDepth !== undefined) {
    const depth = cached(readJobDepth, LEVELS_CACHE_MS, options.now ?? Date.now);
    new Gauge({
      name: 'isrc_job_queue_depth',
      help: 'Background jobs (fixity runs, e-mail delivery, sweeps) by state: queued, running, retrying, failed (all processes on PostgreSQL)',
      labelNames: ['state'],
      registers,
      async collect() {
        for (const [state, n] of Object.entries(await depth())) {
          this.set({ state }, n);
        }
      },
    });
  }
  const domain: DomainMetrics = {
    isrcsAllocated: (n, source) => isrcs.inc({ source }, n),
    albumSubmitted: () => submissions.inc(),
    reviewDecided: (decision) => decisions.inc({ decision }),
    importConfirmed: () => imports.inc(),
    uploadReceived: (bytes) => uploadBytes.inc(bytes),
  };
  return { registry, domain };
}
