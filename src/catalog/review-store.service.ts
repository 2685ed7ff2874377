import type { TxContext } from '../db/context.js';
import type { ReviewStatus } from '../shared/enums.js';
import { lockAlbum, updateAlbumRow, type AlbumRow } from './albums.repo.js';
import type { AlbumResponse } from './catalog.schemas.js';
import { toAlbumResponse } from './catalog-view.js';
import { albumCover } from '../media/covers.view.js';
import { albumAudio } from '../media/track-audio.view.js';
import { approveRecordingsOfAlbum, assignSystemIsrcs, listTracks, type TrackWithRecording } from './tracks.repo.js';

/**
 * The catalog side of review: src/review decides (送出審核, approve, return) and this stores the
 * outcome in the catalog's tables. Review never touches the catalog's repositories itself.
 */

export type { AlbumRow } from './albums.repo.js';
export type { TrackWithRecording } from './tracks.repo.js';

/** Locks the album for a transition; with `registrantId`, only if it is that registrant's. */
export function lockAlbumForReview(tx: TxContext, albumId: string, registrantId?: string): Promise<AlbumRow | undefined> {
  return lockAlbum(tx.db, albumId, registrantId);
}

export function tracksForReview(tx: TxContext, albumId: string): Promise<TrackWithRecording[]> {
  return listTracks(tx.db, albumId);
}

/** Pool codes handed out on submission, written to their recordings in one statement. */
export function storePoolIsrcs(tx: TxContext, assignments: readonly { recordingId: string; isrc: string }[]): Promise<void> {
  return assignSystemIsrcs(tx.db, assignments);
}

export function storeSubmission(tx: TxContext, albumId: string, submission: { status: ReviewStatus; at: Date }): Promise<AlbumRow> {
  return updateAlbumRow(tx.db, albumId, { status: submission.status, submittedAt: submission.at, returnReason: null });
}

/** Stores the agency's decision; on approval the album's recordings become citable. */
export async function storeReviewOutcome(tx: TxContext, albumId: string, outcome: { status: ReviewStatus; at: Date; returnReason: string | null }): Promise<AlbumRow> {
  const after = await updateAlbumRow(tx.db, albumId, { status: outcome.status, reviewedAt: outcome.at, returnReason: outcome.returnReason });
  if (outcome.status === 'approved') {
    await approveRecordingsOfAlbum(tx.db, albumId, outcome.at);
  }
  return after;
}

/** The album as the API shows it, from rows the caller already holds (only the cover and the audio are read). */
export async function reviewedAlbumResponse(
  tx: TxContext,
  album: AlbumRow,
  tracks: readonly TrackWithRecording[],
  isrcOnSubmission: boolean,
  trackReasons: readonly { recordingId: string; reason: string }[] = [],
): Promise<AlbumResponse> {
  return toAlbumResponse(album, tracks, isrcOnSubmission, trackReasons, await albumCover(tx, album.id), await albumAudio(tx, album));
}
