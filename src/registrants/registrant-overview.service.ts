import type { Actor } from '../accounts/actor.js';
import type { ServiceContext } from '../db/context.js';
import { fullYearOf } from '../isrc/year.js';
import { DEPOSIT_STATUSES, REVIEW_STATUSES } from '../shared/enums.js';
import { albumStatusCounts, assignmentCounts, depositStatusCounts, recordingYearCounts } from './registrant-overview.repo.js';
import type { RegistrantOverview } from './registrant-overview.schemas.js';
import { getVisibleRegistrant } from './registrants.service.js';

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/**
 * A registrant at a glance: albums by review status, approved albums by deposit status, and the
 * reporting totals (registered recordings per year of reference, ISRCs handed out per code and
 * year). Staff, or the registrant's own members; anyone else gets NOT_FOUND.
 */
export async function getRegistrantOverview(ctx: ServiceContext, actor: Actor, registrantId: string): Promise<RegistrantOverview> {
  await getVisibleRegistrant(ctx, actor, registrantId);
  const [statuses, deposits, years, assignments] = await Promise.all([
    albumStatusCounts(ctx.db, registrantId),
    depositStatusCounts(ctx.db, registrantId),
    recordingYearCounts(ctx.db, registrantId),
    assignmentCounts(ctx.db, registrantId),
  ]);
  const albumsByStatus = zeroes(REVIEW_STATUSES);
  for (const s of statuses) {
    albumsByStatus[s.status] = s.n;
  }
  const depositByStatus = zeroes(DEPOSIT_STATUSES);
  for (const d of deposits) {
    depositByStatus[d.status] = d.n;
  }
  return {
    albumsByStatus,
    depositByStatus,
    recordingsByYear: years
      .filter((y) => /^[0-9]{2}$/.test(y.yy))
      .map((y) => ({ year: fullYearOf(Number(y.yy)), recordings: y.n }))
      .sort((a, b) => b.year - a.year),
    isrcsByCodeYear: assignments
      .map((a) => ({ code: `${a.countryCode}-${a.code}`, year: fullYearOf(a.yy), isrcs: a.n }))
      .sort((a, b) => b.year - a.year || a.code.localeCompare(b.code, 'en')),
  };
}
