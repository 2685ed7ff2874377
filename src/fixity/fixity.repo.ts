import { and, asc, count, desc, eq, gt, ne, sql } from 'drizzle-orm';
import { fixityEvents, fixityRuns, storedObjects, users } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import type { FixityOutcome, FixityRunStatus } from '../shared/enums.js';

/** fixity_runs, fixity_events and the fixity columns of stored_objects. */

export type FixityRunRow = typeof fixityRuns.$inferSelect;
export type StoredObjectRow = typeof storedObjects.$inferSelect;

export interface FixityRunView extends FixityRunRow {
  startedByName: string | null;
  failed: number;
  missing: number;
}

const outcomeCount = (outcome: FixityOutcome) => sql<number>`(select count(*) from fixity_events e where e.run_id = ${fixityRuns.id} and e.outcome = ${outcome})::int`;

const runColumns = {
  id: fixityRuns.id,
  startedAt: fixityRuns.startedAt,
  finishedAt: fixityRuns.finishedAt,
  startedBy: fixityRuns.startedBy,
  status: fixityRuns.status,
  objectsTotal: fixityRuns.objectsTotal,
  objectsChecked: fixityRuns.objectsChecked,
  failures: fixityRuns.failures,
  error: fixityRuns.error,
  startedByName: users.displayName,
  failed: outcomeCount('fail'),
  missing: outcomeCount('missing'),
};

export async function countStoredObjects(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(storedObjects);
  return row?.n ?? 0;
}

export async function insertRun(db: Db, values: { startedBy: string | null; startedAt: Date; objectsTotal: number }): Promise<FixityRunRow> {
  const [row] = await db
    .insert(fixityRuns)
    .values({ ...values, status: 'running' })
    .returning();
  if (row === undefined) {
    throw new Error('insert into fixity_runs returned no row');
  }
  return row;
}

/** Runs still marked running (at most one, unless one was interrupted). */
export function runningRuns(db: Db): Promise<FixityRunRow[]> {
  return db.select().from(fixityRuns).where(eq(fixityRuns.status, 'running'));
}

/** When the run last did something: its latest event, or its start. */
export async function lastActivityOf(db: Db, run: FixityRunRow): Promise<Date> {
  const [row] = await db
    .select({ at: sql<string | Date | null>`max(${fixityEvents.checkedAt})` })
    .from(fixityEvents)
    .where(eq(fixityEvents.runId, run.id));
  return row?.at === null || row?.at === undefined ? run.startedAt : new Date(row.at);
}

/** The last object a run checked (objects are checked in key order): where a resumed run goes on. */
export async function lastCheckedOf(db: Db, runId: string): Promise<string> {
  const [row] = await db
    .select({ sha256: sql<string | null>`max(${fixityEvents.objectSha256})` })
    .from(fixityEvents)
    .where(eq(fixityEvents.runId, runId));
  return row?.sha256 ?? '';
}

/** One page of objects in key order after `afterSha256` (keyset paging: stable while rows are added). */
export function objectsAfter(db: Db, afterSha256: string, limit: number): Promise<StoredObjectRow[]> {
  return db.select().from(storedObjects).where(gt(storedObjects.sha256, afterSha256)).orderBy(asc(storedObjects.sha256)).limit(limit);
}

export interface CheckRecord {
  runId: string;
  sha256: string;
  at: Date;
  outcome: FixityOutcome;
  computedSha256: string | null;
  agent: string;
  detail: string | null;
}

/** The PREMIS-style event, the object's latest outcome and the run's counters, together. */
export async function recordCheck(db: Db, check: CheckRecord): Promise<void> {
  await db.insert(fixityEvents).values({
    runId: check.runId,
    objectSha256: check.sha256,
    checkedAt: check.at,
    outcome: check.outcome,
    computedSha256: check.computedSha256,
    agent: check.agent,
    detail: check.detail,
  });
  await db.update(storedObjects).set({ lastFixityAt: check.at, lastFixityOutcome: check.outcome }).where(eq(storedObjects.sha256, check.sha256));
  const failed = check.outcome === 'pass' ? 0 : 1;
  await db
    .update(fixityRuns)
    .set({ objectsChecked: sql`${fixityRuns.objectsChecked} + 1`, failures: sql`${fixityRuns.failures} + ${failed}` })
    .where(eq(fixityRuns.id, check.runId));
}

export async function finishRun(db: Db, runId: string, status: Exclude<FixityRunStatus, 'running'>, finishedAt: Date, error: string | null): Promise<void> {
  await db
    .update(fixityRuns)
    .set({ status, finishedAt, error })
    .where(and(eq(fixityRuns.id, runId), eq(fixityRuns.status, 'running')));
}

export async function findRun(db: Db, runId: string): Promise<FixityRunView | undefined> {
  const [row] = await db.select(runColumns).from(fixityRuns).leftJoin(users, eq(users.id, fixityRuns.startedBy)).where(eq(fixityRuns.id, runId));
  return row;
}

export async function listRuns(db: Db, page: { offset: number; limit: number }): Promise<{ rows: FixityRunView[]; total: number }> {
  const rows = await db
    .select(runColumns)
    .from(fixityRuns)
    .leftJoin(users, eq(users.id, fixityRuns.startedBy))
    .orderBy(desc(fixityRuns.startedAt), desc(fixityRuns.id))
    .offset(page.offset)
    .limit(page.limit);
  const [total] = await db.select({ n: count() }).from(fixityRuns);
  return { rows, total: total?.n ?? 0 };
}

export interface FailureRow {
  sha256: string;
  size: number;
  contentType: string;
  storageKey: string;
  outcome: FixityOutcome;
  computedSha256: string | null;
  detail: string | null;
  checkedAt: Date;
}

/** The run's failed and missing objects, in key order (at most `limit`). */
export function runFailures(db: Db, runId: string, limit: number): Promise<FailureRow[]> {
  return db
    .select({
      sha256: storedObjects.sha256,
      size: storedObjects.size,
      contentType: storedObjects.contentType,
      storageKey: storedObjects.storageKey,
      outcome: fixityEvents.outcome,
      computedSha256: fixityEvents.computedSha256,
      detail: fixityEvents.detail,
      checkedAt: fixityEvents.checkedAt,
    })
    .from(fixityEvents)
    .innerJoin(storedObjects, eq(storedObjects.sha256, fixityEvents.objectSha256))
    .where(and(eq(fixityEvents.runId, runId), ne(fixityEvents.outcome, 'pass')))
    .orderBy(asc(storedObjects.sha256))
    .limit(limit);
}

/** The agent that checked in this run (every event of a run has the same). */
export async function agentOfRun(db: Db, runId: string): Promise<string | null> {
  const [row] = await db.select({ agent: fixityEvents.agent }).from(fixityEvents).where(eq(fixityEvents.runId, runId)).limit(1);
  return row?.agent ?? null;
}
