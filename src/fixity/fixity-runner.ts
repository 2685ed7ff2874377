import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { ServiceContext } from '../db/context.js';
import { PG_FOREIGN_KEY_VIOLATION, pgErrorCode, withTransaction } from '../db/tx.js';
import type { FixityOutcome } from '../shared/enums.js';
import type { FileStorage } from '../storage/storage.js';
import { finishRun, objectsAfter, recordCheck, type StoredObjectRow } from './fixity.repo.js';
import { encodeFixityDetail } from './fixity-detail.js';

/** Objects read from the database per page while a run goes through them. */
export const FIXITY_PAGE_SIZE = 100;

let agent: string | undefined;

/** The software that checks, with its version, as PREMIS names an event's agent. */
export function fixityAgent(): string {
  if (agent === undefined) {
    // src/fixity/ under tsx, dist/server/fixity/ when compiled: the project's package.json is two or three up.
    const candidates = ['../../package.json', '../../../package.json'].map((rel) => new URL(rel, import.meta.url));
    const file = candidates.find((url) => existsSync(url)) ?? candidates[0];
    const pkg: unknown = file === undefined ? {} : JSON.parse(readFileSync(file, 'utf8'));
    const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : 'unknown';
    agent = `isrc-registry fixity ${version}`;
  }
  return agent;
}

export interface ObjectCheck {
  outcome: FixityOutcome;
  computedSha256: string | null;
  /** `encodeFixityDetail` of why it did not pass (fixity-detail.ts). */
  detail: string | null;
}

function isNotFound(err: unknown): boolean {
  return err instanceof Error && err.name === 'FileNotFoundError';
}

/** Re-reads one object from storage, streaming, and compares its SHA-256 and size with the recorded ones. */
export async function checkObject(storage: FileStorage, object: Pick<StoredObjectRow, 'sha256' | 'size' | 'storageKey'>): Promise<ObjectCheck> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    const stream = await storage.get(object.storageKey);
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      bytes += buffer.length;
      hash.update(buffer);
    }
  } catch (err) {
    if (isNotFound(err)) {
      return { outcome: 'missing', computedSha256: null, detail: encodeFixityDetail({ code: 'notInStorage', params: { storageKey: object.storageKey } }) };
    }
    const error = err instanceof Error ? err.message : String(err);
    return { outcome: 'fail', computedSha256: null, detail: encodeFixityDetail({ code: 'unreadable', params: { bytesRead: bytes, error } }) };
  }
  const computed = hash.digest('hex');
  if (computed === object.sha256 && bytes === object.size) {
    return { outcome: 'pass', computedSha256: computed, detail: null };
  }
  const mismatch = { expectedSize: object.size, expectedSha256: object.sha256, bytesRead: bytes, computedSha256: computed };
  return { outcome: 'fail', computedSha256: computed, detail: encodeFixityDetail({ code: 'mismatch', params: mismatch }) };
}

export interface FixitySummary {
  runId: string;
  status: 'done' | 'failed';
  checked: number;
  passed: number;
  failed: number;
  missing: number;
  error: string | null;
}

/**
 * Goes through every stored object in key order, page by page, re-reading each and recording the
 * event, the object's latest outcome and the run's counters as it goes (so the page shows
 * progress; `resumeAfter` skips what an earlier attempt recorded). Ends the run `done`, or `failed` with the reason when the run itself breaks or
 * `signal` stops it. Never throws: the outcome is in the summary and the run row.
 */
export async function checkAllObjects(
  ctx: ServiceContext,
  storage: FileStorage,
  runId: string,
  options: { agent: string; signal?: AbortSignal | undefined; resumeAfter?: string },
): Promise<FixitySummary> {
  const summary: FixitySummary = { runId, status: 'done', checked: 0, passed: 0, failed: 0, missing: 0, error: null };
  // A run resumed after its process died goes on after the last object it recorded.
  let cursor = options.resumeAfter ?? '';
  try {
    for (;;) {
      const page = await objectsAfter(ctx.db, cursor, FIXITY_PAGE_SIZE);
      if (page.length === 0) {
        break;
      }
      for (const object of page) {
        if (options.signal?.aborted === true) {
          throw new Error('stopped: the server shut down during the run');
        }
        const result = await checkObject(storage, object);
        const recorded = await withTransaction(ctx, (tx) => recordCheck(tx.db, { runId, sha256: object.sha256, at: ctx.clock.now(), agent: options.agent, ...result })).then(
          () => true,
          (err: unknown) => {
            // Deleted while the run read it (a replaced cover): nothing left to account for.
            if (pgErrorCode(err) === PG_FOREIGN_KEY_VIOLATION) {
              return false;
            }
            throw err;
          },
        );
        if (recorded) {
          summary.checked++;
          summary[result.outcome === 'pass' ? 'passed' : result.outcome === 'fail' ? 'failed' : 'missing']++;
        }
        cursor = object.sha256;
      }
    }
    await finishRun(ctx.db, runId, 'done', ctx.clock.now(), null);
  } catch (err) {
    summary.status = 'failed';
    summary.error = err instanceof Error ? err.message : String(err);
    await finishRun(ctx.db, runId, 'failed', ctx.clock.now(), summary.error).catch(() => undefined);
  }
  return summary;
}
