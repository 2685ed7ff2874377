import type { Actor } from '../accounts/actor.js';
import { allocatePoolCodes, loadAllocationProfile } from '../allocation/allocation.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { lockAlbumForReview, reviewedAlbumResponse, storePoolIsrcs, storeSubmission, tracksForReview, type TrackWithRecording } from '../catalog/review-store.service.js';
import type { AlbumResponse } from '../catalog/catalog.schemas.js';
import { submissionProblems } from '../catalog/completeness.js';
import { assertRetroactiveKept } from '../catalog/retroactive-rule.js';
import type { ServiceContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { countedAfter } from '../metrics/domain-metrics.js';
import { notify } from '../notifications/notify.service.js';
import { getRegistrantSummary } from '../registrants/registrants.service.js';
import { AppError } from '../shared/errors.js';
import { mayTake } from './review.policy.js';
import { insertRound, latestRound } from './review.repo.js';
import { nextStatus } from './review-state.js';
import { snapshotOf } from './submission-diff.js';

/** The tracks as they are after submission: waiting ones carry their new pool code. */
function withAssigned(tracks: readonly TrackWithRecording[], assigned: ReadonlyMap<string, string>): TrackWithRecording[] {
  return tracks.map((t) => {
    const isrc = assigned.get(t.recording.id);
    return isrc === undefined ? t : { ...t, recording: { ...t.recording, isrc, isrcSource: 'system' } };
  });
}

/**
 * 送出審核: checks every field of the album and its tracks, hands out pool codes where the issuance
 * rule says so (consecutive, in track order), and hands the album to the agency — in one
 * transaction, so a failed check or allocation leaves the draft exactly as it was. The registrant
 * and the tracks are read once; codes and status are written in one statement each. Each
 * submission is a new review round keeping a snapshot of the album as submitted.
 */
export async function submitAlbum(ctx: ServiceContext, actor: Actor, albumId: string): Promise<AlbumResponse> {
  if (actor.kind !== 'member' || !mayTake(actor, 'submit')) {
    throw new AppError('FORBIDDEN');
  }
  const submitted = withTransaction(ctx, async (tx) => {
    const album = await lockAlbumForReview(tx, albumId, actor.registrantId);
    if (album === undefined) {
      throw new AppError('NOT_FOUND');
    }
    const to = nextStatus(album.status, 'submit');
    if (to === undefined) {
      // Editing and submitting are allowed from the same statuses (review-state.ts).
      throw new AppError('ALBUM_NOT_EDITABLE', { status: album.status });
    }
    const profile = await loadAllocationProfile(tx, album.registrantId);
    const tracks = await tracksForReview(tx, albumId);
    const problems = submissionProblems(
      album,
      tracks.map((t) => ({ id: t.track.id, position: t.track.position, cited: t.track.cited, recording: t.recording })),
      profile.rule.poolOnSubmission,
    );
    if (problems.length > 0) {
      throw new AppError('ALBUM_INCOMPLETE', { count: problems.length, problems });
    }
    if (!album.retroactive) {
      // Also an album whose 回溯編碼 was cleared before this rule held it (catalog/retroactive-rule.ts).
      assertRetroactiveKept(tx.countryCode, profile, tracks);
    }
    const waiting = tracks.filter((t) => !t.track.cited && t.recording.isrc === null);
    const codes = waiting.length === 0 ? [] : await allocatePoolCodes(tx, profile, waiting.length, actor);
    const assignments = waiting.map((t, i) => {
      const code = codes[i];
      if (code === undefined) {
        throw new Error('allocation returned fewer codes than asked for');
      }
      if (code.isrc === t.recording.versionOfIsrc) {
        throw new AppError('VERSION_SAME_ISRC');
      }
      return { recordingId: t.recording.id, isrc: code.isrc };
    });
    await storePoolIsrcs(tx, assignments);
    const at = ctx.clock.now();
    const after = await storeSubmission(tx, albumId, { status: to, at });
    const response = await reviewedAlbumResponse(tx, after, withAssigned(tracks, new Map(assignments.map((a) => [a.recordingId, a.isrc]))), profile.rule.poolOnSubmission);
    const previous = await latestRound(tx.db, albumId);
    const round = (previous?.round ?? 0) + 1;
    // The snapshot is what the officer sees as "submitted in round n": the next round is compared with it.
    await insertRound(tx.db, { albumId, round, submittedAt: at, submittedBy: actor.userId, snapshot: snapshotOf(response) });
    await recordAudit(tx, actor, {
      action: 'album.submit',
      entityType: 'album',
      entityId: albumId,
      before: { status: album.status },
      after: { status: to, assignedIsrcs: assignments.map((a) => a.isrc) },
    });
    const registrant = await getRegistrantSummary(tx, album.registrantId);
    await notify(tx, {
      kind: 'album.submitted',
      audience: { agency: true },
      albumId,
      params: { albumNumber: album.albumNumber, title: after.title, registrantName: registrant?.name ?? '' },
    });
    return response;
  });
  return countedAfter(submitted, () => ctx.metrics?.albumSubmitted());
}
