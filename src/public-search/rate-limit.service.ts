/**
 * The public search's rate limit: a fixed one-minute window per client address, counted in the
 * database (rate_limit_hits) so every server process shares the count; per-process memory would
 * let a client multiply its allowance by the number of processes behind the load balancer.
 */
import type { ServiceContext } from '../db/context.js';
import { loadAgencySettings } from '../settings/agency-settings.service.js';
import { clientAddressKey } from '../shared/client-address.js';
import { AppError } from '../shared/errors.js';
import { countHit, pruneHits } from './public-search.repo.js';

export const PUBLIC_SEARCH_BUCKET = 'public-search:';
export const RATE_WINDOW_MS = 60_000;
/** Windows kept after they end: a few, so a slow clock on one process cannot count into a dropped row. */
const KEEP_WINDOWS = 5;
/** One new window in this many prunes the old ones: often enough to keep the table small, rare enough to cost nothing. */
const PRUNE_EVERY = 20;

/** The one-minute window holding `now`. */
export function windowAt(now: Date): { start: Date; end: Date } {
  const start = Math.floor(now.getTime() / RATE_WINDOW_MS) * RATE_WINDOW_MS;
  return { start: new Date(start), end: new Date(start + RATE_WINDOW_MS) };
}

/**
 * Counts one public request from `address` (an IPv6 /64 counts as one address: client-address.ts); past the agency's requests-per-minute throws
 * RATE_LIMITED with the seconds until the window ends (sent as Retry-After).
 */
export async function countPublicRequest(ctx: ServiceContext, address: string, random: () => number = Math.random): Promise<void> {
  const { requestsPerMinute } = (await loadAgencySettings(ctx)).publicSearch;
  const now = ctx.clock.now();
  const window = windowAt(now);
  const hits = await countHit(ctx.db, PUBLIC_SEARCH_BUCKET + clientAddressKey(address), window.start);
  if (hits === 1 && random() < 1 / PRUNE_EVERY) {
    await prunePublicSearchHits(ctx);
  }
  if (hits > requestsPerMinute) {
    const retryAfterSeconds = Math.max(1, Math.ceil((window.end.getTime() - now.getTime()) / 1000));
    throw new AppError('RATE_LIMITED', { retryAfterSeconds, limit: requestsPerMinute });
  }
}

/** Drops the public search's windows that ended a while ago. */
export async function prunePublicSearchHits(ctx: ServiceContext): Promise<void> {
  const oldest = windowAt(ctx.clock.now()).start.getTime() - KEEP_WINDOWS * RATE_WINDOW_MS;
  await pruneHits(ctx.db, PUBLIC_SEARCH_BUCKET, new Date(oldest));
}
