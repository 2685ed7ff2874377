import type { ServiceContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { findStoredObject, lockObjectAddress, unreferencedObjectsBefore } from './objects.repo.js';
import { releaseObject, storageOf } from './objects.service.js';
import { removeStaleUploads, TUS_EXPIRY_MS, tusDirectory } from '../media/tus-store-files.js';
import { sweepStaging } from './staging.js';
import { STAGED_MAX_AGE_MS, TEMPORARY_MAX_AGE_MS } from './startup-sweep.js';
import { contentKey } from './storage.js';

/**
 * The periodic sweep of what nothing needs any more (run by the server every few hours and by
 * `npm run sweep`):
 * - recorded objects nothing references (a cover replaced while a release failed, a crash between
 *   an upload's commit and the release of the file it replaced, an import whose confirm failed);
 * - content-addressed objects in storage with no `stored_objects` row (a crash between the copy to
 *   storage and the transaction that records it);
 * - the storage's temporaries and staged uploads a crash left (as at start-up).
 * Only what is older than the grace period goes: a commit in progress has stored its bytes minutes
 * before its row appears, and an import preview keeps its staged cover for a day. Every removal
 * takes the object's address lock (as commit and release do), so a sweep never races an upload.
 */

/** Objects younger than this are never swept: longer than any upload, commit or import preview. */
export const ORPHAN_GRACE_MS = 48 * 60 * 60 * 1000;
/** How often a running server sweeps. */
export const ORPHAN_SWEEP_INTERVAL_MS = 6 * 60 * 60 * 1000;
/** Recorded orphans released per batch (each in its own short transaction). */
const BATCH = 200;

const CONTENT_KEY = /^objects\/[0-9a-f]{2}\/([0-9a-f]{64})$/;

export interface OrphanSweepSummary {
  /** Recorded objects nothing referenced: row and bytes removed. */
  unreferencedRemoved: number;
  /** Content-addressed objects in storage that no row recorded. */
  unrecordedRemoved: number;
  /** Storage temporaries (files/.tmp, S3 tmp/ and incomplete multipart uploads). */
  temporaryRemoved: number;
  /** Staged uploads (`<stagingDir>/*.upload`). */
  stagedRemoved: number;
  /** Resumable uploads idle past their expiry (`<stagingDir>/tus`, TUS_EXPIRY_MS). */
  expiredUploadsRemoved: number;
}

export interface OrphanSweepOptions {
  graceMs?: number;
  /**
   * "Now" in milliseconds; default the real time. Not the service clock: the ages compared are the
   * database's `created_at` and the storage's own modification times.
   */
  now?: number;
}

async function sweepUnreferenced(ctx: ServiceContext, cutoff: Date): Promise<number> {
  let removed = 0;
  // A candidate that turns out referenced stays; skipping it keeps the loop from seeing it again.
  const kept = new Set<string>();
  for (;;) {
    const batch = (await unreferencedObjectsBefore(ctx.db, cutoff, BATCH + kept.size)).filter((o) => !kept.has(o.sha256));
    if (batch.length === 0) {
      return removed;
    }
    for (const object of batch) {
      if (await releaseObject(ctx, object.sha256, object.storageKey)) {
        removed++;
      } else {
        kept.add(object.sha256);
      }
    }
  }
}

async function sweepUnrecorded(ctx: ServiceContext, cutoff: number): Promise<number> {
  const storage = storageOf(ctx);
  let removed = 0;
  for await (const object of storage.list('objects/')) {
    const sha256 = CONTENT_KEY.exec(object.key)?.[1];
    if (sha256 === undefined || object.modifiedAt >= cutoff || object.key !== contentKey(sha256)) {
      continue;
    }
    const deleted = await withTransaction(ctx, async (tx) => {
      // Under the lock a commit of these bytes is either over (its row is there) or not begun (it
      // checks the bytes again under the same lock and puts them back).
      await lockObjectAddress(tx.db, sha256);
      if ((await findStoredObject(tx.db, sha256)) !== undefined) {
        return false;
      }
      await storage.delete(object.key);
      return true;
    });
    removed += deleted ? 1 : 0;
  }
  return removed;
}

export async function sweepOrphans(ctx: ServiceContext, options: OrphanSweepOptions = {}): Promise<OrphanSweepSummary> {
  const storage = storageOf(ctx);
  const now = options.now ?? Date.now();
  const cutoff = now - (options.graceMs ?? ORPHAN_GRACE_MS);
  const unreferencedRemoved = await sweepUnreferenced(ctx, new Date(cutoff));
  const unrecordedRemoved = await sweepUnrecorded(ctx, cutoff);
  const temporaryRemoved = await storage.sweepTemporary(TEMPORARY_MAX_AGE_MS);
  const stagedRemoved = ctx.stagingDir === undefined ? 0 : await sweepStaging(ctx.stagingDir, STAGED_MAX_AGE_MS, now);
  // Also here, not only on the upload routes' own timer: that one starts only in a process that served an upload.
  const expiredUploadsRemoved = ctx.stagingDir === undefined ? 0 : await removeStaleUploads(tusDirectory(ctx.stagingDir), TUS_EXPIRY_MS, now);
  return { unreferencedRemoved, unrecordedRemoved, temporaryRemoved, stagedRemoved, expiredUploadsRemoved };
}

/** The recurring background job of the sweep (src/jobs/app-jobs.ts). */
export const ORPHAN_SWEEP_TASK = 'orphan-sweep';

/**
 * The sweep as a recurring job's work (every ORPHAN_SWEEP_INTERVAL_MS, never two at once in one
 * process): a summary line when it removed something; a failure throws, for the job list, and the
 * next tick tries again. Several servers sweeping the same storage is safe (address locks).
 */
export function orphanSweepJob(ctx: ServiceContext, log: { info(obj: object, msg: string): void }): () => Promise<void> {
  let running: Promise<OrphanSweepSummary> | undefined;
  return async () => {
    if (running !== undefined) {
      return;
    }
    running = sweepOrphans(ctx);
    try {
      const summary = await running;
      if (Object.values(summary).some((n) => n > 0)) {
        log.info(summary, 'sweep of unreferenced objects and leftovers');
      }
    } finally {
      running = undefined;
    }
  };
}
