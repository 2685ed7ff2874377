import type { ServiceContext } from '../db/context.js';
import type { TrackReturnReason } from '../db/schema/index.js';
import { latestRound } from './review.repo.js';

/**
 * The per-track reasons of the album's latest 退回, for the registrant's album page (the catalog
 * shows them beside each track). Empty when the latest round was not returned.
 */
export async function latestReturnTrackReasons(ctx: ServiceContext, albumId: string): Promise<TrackReturnReason[]> {
  const round = await latestRound(ctx.db, albumId);
  return round?.decision === 'returned' ? round.trackReasons : [];
}
