import type { Db } from '../db/types.js';
import type { ReviewStatus } from '../review/review-state.js';
import { lockAlbum, updateAlbumRow, type AlbumRow } from './albums.repo.js';
import { approveRecordingsOfAlbum } from './tracks.repo.js';

/** The catalog side of an agency decision; the review service decides, this stores it. */

export function lockAlbumForReview(db: Db, albumId: string): Promise<AlbumRow | undefined> {
  return lockAlbum(db, albumId);
}

/** Stores the new status; on approval the album's recordings become citable. */
export async function storeReviewOutcome(db: Db, albumId: string, outcome: { status: ReviewStatus; at: Date; returnReason: string | null }): Promise<AlbumRow> {
  const after = await updateAlbumRow(db, albumId, { status: outcome.status, reviewedAt: outcome.at, returnReason: outcome.returnReason });
  if (outcome.status === 'approved') {
    await approveRecordingsOfAlbum(db, albumId, outcome.at);
  }
  return after;
}
