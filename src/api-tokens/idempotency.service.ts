import { createHash } from 'node:crypto';
import type { ServiceContext } from '../db/context.js';
import { AppError } from '../shared/errors.js';
import { claimKey, findKey, pruneKeys, releaseKey, storeResponse, type IdempotencyRef } from './idempotency.repo.js';

export type { IdempotencyRef } from './idempotency.repo.js';

/** How long a key is remembered: a retry after a day is a new request. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60_000;

/** JSON with object keys sorted, so the same request hashes the same whatever order its fields came in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHashOf(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

export type IdempotencyClaim = { kind: 'claimed' } | { kind: 'replay'; status: number; body: unknown };

/**
 * The first request with a key claims it and runs; a retry with the same key and the same request
 * gets the stored answer back (nothing runs, nothing is allocated). The same key with another
 * request is IDEMPOTENCY_KEY_REUSED; while the first is still running, IDEMPOTENCY_KEY_IN_PROGRESS.
 * Keys older than a day are forgotten here, one user's at a time.
 */
export async function claimIdempotencyKey(ctx: ServiceContext, ref: IdempotencyRef, operation: string, requestHash: string): Promise<IdempotencyClaim> {
  const now = ctx.clock.now();
  await pruneKeys(ctx.db, ref.userId, new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS));
  // Twice: the holder of the key may release it (its request failed) between our claim and our read.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await claimKey(ctx.db, { ...ref, operation, requestHash, createdAt: now })) {
      return { kind: 'claimed' };
    }
    const existing = await findKey(ctx.db, ref);
    if (existing === undefined) {
      continue;
    }
    if (existing.operation !== operation || existing.requestHash !== requestHash) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', { operation: existing.operation });
    }
    if (existing.responseStatus === null) {
      throw new AppError('IDEMPOTENCY_KEY_IN_PROGRESS');
    }
    return { kind: 'replay', status: existing.responseStatus, body: existing.responseBody };
  }
  throw new AppError('IDEMPOTENCY_KEY_IN_PROGRESS');
}

/** Keeps a successful answer for retries. */
export async function storeIdempotentResponse(ctx: ServiceContext, ref: IdempotencyRef, status: number, body: unknown): Promise<void> {
  await storeResponse(ctx.db, ref, status, body);
}

/** A failed request allocated nothing (its transaction rolled back): its key is free for a retry. */
export async function releaseIdempotencyKey(ctx: ServiceContext, ref: IdempotencyRef): Promise<void> {
  await releaseKey(ctx.db, ref);
}
