import { sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ServiceContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { formatDisplay, isIsrc } from '../isrc/index.js';
import { AppError } from '../shared/errors.js';
import { pageWindow } from '../shared/text.js';
import { storageOf } from '../storage/objects.service.js';
import { decodeFixityDetail, fixityDetailInEnglish } from './fixity-detail.js';
import { referencesOf } from './fixity-references.repo.js';
import { checkAllObjects, fixityAgent, type FixitySummary } from './fixity-runner.js';
import { mayRunFixity } from './fixity.policy.js';
import {
  agentOfRun,
  countStoredObjects,
  findRun,
  finishRun,
  insertRun,
  lastActivityOf,
  lastCheckedOf,
  listRuns,
  runFailures,
  runningRuns,
  type FixityRunRow,
  type FixityRunView,
} from './fixity.repo.js';
import type { FixityRunDetail, FixityRunPage, FixityRunQuery, FixityRunResponse } from './fixity.schemas.js';

export type { FixitySummary } from './fixity-runner.js';

/** A run with no event for this long, and not ours, was left behind by a process that stopped. */
export const STALE_RUN_MS = 15 * 60_000;
/** The most failures one run's page lists. */
const FAILURE_LIST_LIMIT = 500;
/** Serialises "is one running? then start one" across processes (PostgreSQL) and requests. */
const FIXITY_LOCK = 0x15c_f1c5;

/** Runs going on in this process, so shutdown can stop them and a second start sees them. */
const active = new Map<string, { promise: Promise<FixitySummary>; abort: AbortController }>();

function runView(r: FixityRunView): FixityRunResponse {
  const progress = r.status === 'done' ? 1 : r.objectsTotal === 0 ? 0 : Math.min(1, r.objectsChecked / r.objectsTotal);
  return {
    id: r.id,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt === null ? null : r.finishedAt.toISOString(),
    startedBy: r.startedByName,
    objectsTotal: r.objectsTotal,
    objectsChecked: r.objectsChecked,
    passed: r.objectsChecked - r.failures,
    failed: r.failed,
    missing: r.missing,
    progress,
    error: r.error,
  };
}

/**
 * Opens a run, unless one is going on: one in this process, or one elsewhere that made progress
 * in the last STALE_RUN_MS. A run left `running` by a process that died is closed as failed.
 */
async function beginRun(ctx: ServiceContext, actor: Actor | null): Promise<FixityRunRow> {
  return withTransaction(ctx, async (tx) => {
    await tx.db.execute(sql`select pg_advisory_xact_lock(${FIXITY_LOCK})`);
    const now = tx.clock.now();
    for (const run of await runningRuns(tx.db)) {
      if (active.has(run.id) || now.getTime() - (await lastActivityOf(tx.db, run)).getTime() < STALE_RUN_MS) {
        throw new AppError('FIXITY_RUN_RUNNING', { runId: run.id, startedAt: run.startedAt.toISOString() });
      }
      await finishRun(tx.db, run.id, 'failed', now, 'interrupted: the process running it stopped');
    }
    const run = await insertRun(tx.db, { startedBy: actor?.userId ?? null, startedAt: now, objectsTotal: await countStoredObjects(tx.db) });
    await recordAudit(tx, actor, { action: 'fixity.start', entityType: 'fixity_run', entityId: run.id, after: { objectsTotal: run.objectsTotal } });
    return run;
  });
}

/**
 * 保存檢核 to the end, in the caller's process (`npm run fixity`): re-reads every stored object,
 * records a PREMIS-style event per object and returns the summary.
 */
export async function runFixity(ctx: ServiceContext, options: { startedBy?: Actor; agent?: string } = {}): Promise<FixitySummary> {
  const storage = storageOf(ctx);
  const run = await beginRun(ctx, options.startedBy ?? null);
  return checkAllObjects(ctx, storage, run.id, { agent: options.agent ?? fixityAgent() });
}

/** The background job that does a run started from the page (src/jobs/app-jobs.ts). */
export const FIXITY_RUN_TASK = 'fixity-run';

/**
 * Starts a run in the background (the agency's page) and answers at once: as a durable job when the
 * server has a job queue, so a run whose process died is resumed by another; else in this process.
 */
export async function startFixityRun(ctx: ServiceContext, actor: Actor): Promise<FixityRunResponse> {
  if (!mayRunFixity(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const storage = storageOf(ctx);
  const run = await beginRun(ctx, actor);
  if (ctx.jobs !== undefined) {
    await ctx.jobs.enqueue(FIXITY_RUN_TASK, { runId: run.id }, { jobKey: `${FIXITY_RUN_TASK}:${run.id}`, maxAttempts: 3 });
  } else {
    const abort = new AbortController();
    const promise = checkAllObjects(ctx, storage, run.id, { agent: fixityAgent(), signal: abort.signal }).finally(() => active.delete(run.id));
    active.set(run.id, { promise, abort });
  }
  return getRunView(ctx, run.id);
}

/**
 * The job's work: checks the run's objects, after those an earlier attempt recorded. A run no
 * longer `running` (finished, or closed as interrupted meanwhile) is left as it is.
 */
export async function continueFixityRun(ctx: ServiceContext, runId: string, signal: AbortSignal): Promise<FixitySummary | undefined> {
  const run = await findRun(ctx.db, runId);
  if (run?.status !== 'running') {
    return undefined;
  }
  const abort = new AbortController();
  const stop = () => abort.abort();
  signal.addEventListener('abort', stop, { once: true });
  const promise = lastCheckedOf(ctx.db, runId).then((resumeAfter) => checkAllObjects(ctx, storageOf(ctx), runId, { agent: fixityAgent(), signal: abort.signal, resumeAfter }));
  active.set(runId, { promise, abort });
  try {
    return await promise;
  } finally {
    active.delete(runId);
    signal.removeEventListener('abort', stop);
  }
}

/** Stops this process's runs (shutdown) and waits until each has recorded that it stopped. */
export async function stopFixityRuns(): Promise<void> {
  const runs = [...active.values()];
  for (const run of runs) {
    run.abort.abort();
  }
  await Promise.all(runs.map((r) => r.promise));
}

async function getRunView(ctx: ServiceContext, runId: string): Promise<FixityRunResponse> {
  const run = await findRun(ctx.db, runId);
  if (run === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return runView(run);
}

/** Runs, latest first (agency). */
export async function listFixityRuns(ctx: ServiceContext, actor: Actor, query: FixityRunQuery): Promise<FixityRunPage> {
  if (!mayRunFixity(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const { page, pageSize, offset } = pageWindow(query.page, query.pageSize);
  const { rows, total } = await listRuns(ctx.db, { offset, limit: pageSize });
  return { items: rows.map(runView), total, page, pageSize };
}

/** One run: counters, progress, and each failed or missing object with what holds it. */
export async function fixityRunDetail(ctx: ServiceContext, runId: string): Promise<FixityRunDetail> {
  const run = await getRunView(ctx, runId);
  const failures = await runFailures(ctx.db, runId, FAILURE_LIST_LIMIT);
  const references = await referencesOf(
    ctx.db,
    failures.map((f) => f.sha256),
  );
  return {
    ...run,
    agent: await agentOfRun(ctx.db, runId),
    failures: failures.map((f) => {
      const detail = decodeFixityDetail(f.detail);
      return {
        sha256: f.sha256,
        size: f.size,
        contentType: f.contentType,
        outcome: f.outcome,
        computedSha256: f.computedSha256,
        detail: detail === null ? null : fixityDetailInEnglish(detail),
        detailCode: detail?.code ?? null,
        detailParams: detail?.params ?? {},
        checkedAt: f.checkedAt.toISOString(),
        references: references
          .filter((r) => r.sha256 === f.sha256)
          .map((r) => ({
            kind: r.kind,
            albumId: r.albumId,
            albumNumber: r.albumNumber,
            changeRequestId: r.changeRequestId,
            isrc: r.isrc === null ? null : isIsrc(r.isrc) ? formatDisplay(r.isrc) : r.isrc,
          })),
      };
    }),
  };
}

export async function getFixityRun(ctx: ServiceContext, actor: Actor, runId: string): Promise<FixityRunDetail> {
  if (!mayRunFixity(actor)) {
    throw new AppError('FORBIDDEN');
  }
  return fixityRunDetail(ctx, runId);
}
