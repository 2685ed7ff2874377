import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { isrcAssignedOnSubmission } from '../catalog/albums.service.js';
import type { AlbumResponse } from '../catalog/catalog.schemas.js';
import { lockAlbumForReview, reviewedAlbumResponse, storeReviewOutcome, tracksForReview, type AlbumRow, type TrackWithRecording } from '../catalog/review-store.service.js';
import type { ServiceContext, TxContext } from '../db/context.js';
import type { TrackReturnReason } from '../db/schema/index.js';
import { withTransaction } from '../db/tx.js';
import { countedAfter } from '../metrics/domain-metrics.js';
import { notify } from '../notifications/notify.service.js';
import { AppError } from '../shared/errors.js';
import { storedLengthProblems, withinStoredLengths } from '../shared/stored-length.js';
import { cleanText } from '../shared/text.js';
import { agencyDateTime } from './agency-time.js';
import { mayTake } from './review.policy.js';
import { decideRound, latestRound, listRounds, type RoundRow } from './review.repo.js';
import { ReturnBody, TrackReasonInput, type ApproveBody } from './review.schemas.js';
import { nextStatus, type ReviewAction } from './review-state.js';

type Decision = { action: 'approve' } | { action: 'return'; reason: string; trackReasons: readonly TrackReasonInput[] };

/** The 409 of an officer whose decision lost: someone decided (or the album came back) first. */
function alreadyDecided(ctx: ServiceContext, round: RoundRow, extra: Record<string, unknown> = {}): AppError {
  const decidedAt = round.decidedAt ?? round.submittedAt;
  return new AppError('REVIEW_ALREADY_DECIDED', {
    round: round.round,
    decision: round.decision,
    decidedAt: decidedAt.toISOString(),
    decidedAtText: agencyDateTime(decidedAt, ctx.timeZone),
    ...extra,
  });
}

/**
 * Refuses a decision on an album that is no longer waiting for the one the officer looked at:
 * decided by someone else, or decided and submitted again since (`round` sent by the client).
 */
async function assertStillUndecided(tx: TxContext, album: AlbumRow, action: ReviewAction, expectedRound: number | undefined): Promise<RoundRow | undefined> {
  const latest = await latestRound(tx.db, album.id);
  if (nextStatus(album.status, action) === undefined) {
    if (latest !== undefined && latest.decision !== null && (album.status === 'approved' || album.status === 'returned')) {
      throw alreadyDecided(tx, latest);
    }
    throw new AppError('INVALID_TRANSITION', { status: album.status });
  }
  if (expectedRound !== undefined && latest !== undefined && latest.round !== expectedRound) {
    const looked = (await listRounds(tx.db, album.id)).find((r) => r.round === expectedRound);
    throw alreadyDecided(tx, looked ?? latest, { resubmitted: true, currentRound: latest.round });
  }
  return latest;
}

/** Per-track reasons, each naming a track of this album (by recording or track id), as recording ids. */
function resolveTrackReasons(inputs: readonly TrackReasonInput[], tracks: readonly TrackWithRecording[]): TrackReturnReason[] {
  const fields: { field: string; code: string; params?: Record<string, unknown> }[] = [];
  const out: TrackReturnReason[] = [];
  inputs.forEach((input, i) => {
    const reason = cleanText(input.reason);
    fields.push(...storedLengthProblems(TrackReasonInput, { reason }, `tracks.${i}.`));
    const track = tracks.find((t) => (input.recordingId !== undefined && t.recording.id === input.recordingId) || (input.trackId !== undefined && t.track.id === input.trackId));
    if (reason === '') {
      fields.push({ field: `tracks.${i}.reason`, code: 'required' });
    }
    if (input.recordingId === undefined && input.trackId === undefined) {
      fields.push({ field: `tracks.${i}.recordingId`, code: 'required' });
    } else if (track === undefined) {
      fields.push({ field: `tracks.${i}.${input.recordingId === undefined ? 'trackId' : 'recordingId'}`, code: 'notOnAlbum' });
    } else if (out.some((o) => o.recordingId === track.recording.id)) {
      fields.push({ field: `tracks.${i}.recordingId`, code: 'duplicateTrack' });
    } else {
      out.push({ recordingId: track.recording.id, reason });
    }
  });
  if (fields.length > 0) {
    throw new AppError('VALIDATION_FAILED', { fields });
  }
  return out;
}

/**
 * Applies an agency decision to a submitted album: the album's status, the decision on its
 * latest review round, the audit row and the registrant's notification, in one transaction.
 * Approval locks the album for good and makes its recordings citable. The album row lock makes
 * two officers deciding at once take turns: the second finds the album decided
 * (REVIEW_ALREADY_DECIDED, naming the decision and when).
 */
async function decide(ctx: ServiceContext, actor: Actor, albumId: string, decision: Decision, expectedRound: number | undefined): Promise<AlbumResponse> {
  if (!mayTake(actor, decision.action)) {
    // A registrant must not learn whether another's album exists.
    throw new AppError(actor.kind === 'member' ? 'NOT_FOUND' : 'FORBIDDEN');
  }
  return withTransaction(ctx, async (tx) => {
    const album = await lockAlbumForReview(tx, albumId);
    if (album === undefined) {
      throw new AppError('NOT_FOUND');
    }
    const round = await assertStillUndecided(tx, album, decision.action, expectedRound);
    const to = nextStatus(album.status, decision.action);
    if (to === undefined) {
      throw new AppError('INVALID_TRANSITION', { status: album.status });
    }
    const tracks = await tracksForReview(tx, albumId);
    const trackReasons = decision.action === 'return' ? resolveTrackReasons(decision.trackReasons, tracks) : [];
    const reason = decision.action === 'return' ? decision.reason : null;
    const at = ctx.clock.now();
    const after = await storeReviewOutcome(tx, albumId, { status: to, at, returnReason: reason });
    if (round !== undefined) {
      await decideRound(tx.db, round.id, { decision: to === 'approved' ? 'approved' : 'returned', reason, trackReasons, decidedBy: actor.userId, decidedAt: at });
    }
    await recordAudit(tx, actor, {
      action: `album.${decision.action}`,
      entityType: 'album',
      entityId: albumId,
      before: { status: album.status },
      after: { status: to, reason, ...(trackReasons.length === 0 ? {} : { trackReasons }) },
    });
    const params = { albumNumber: album.albumNumber, title: album.title };
    await notify(
      tx,
      decision.action === 'approve'
        ? { kind: 'album.approved', audience: { registrantId: album.registrantId }, albumId, params }
        : { kind: 'album.returned', audience: { registrantId: album.registrantId }, albumId, params: { ...params, reason: reason ?? '' } },
    );
    // Read again: approval has just made the recordings citable.
    return reviewedAlbumResponse(tx, after, await tracksForReview(tx, albumId), await isrcAssignedOnSubmission(tx, album.registrantId), trackReasons);
  });
}

/** 通過. */
export function approveAlbum(ctx: ServiceContext, actor: Actor, albumId: string, body: ApproveBody = null): Promise<AlbumResponse> {
  return countedAfter(decide(ctx, actor, albumId, { action: 'approve' }, body?.round), () => ctx.metrics?.reviewDecided('approved'));
}

/** 退回: the reason is shown to the registrant, so it must say something; each track may get its own. */
export async function returnAlbum(ctx: ServiceContext, actor: Actor, albumId: string, input: ReturnBody | string): Promise<AlbumResponse> {
  const body: ReturnBody = typeof input === 'string' ? { reason: input } : input;
  const { reason } = withinStoredLengths(ReturnBody, { reason: cleanText(body.reason) });
  if (reason === '') {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'reason', code: 'required' }] });
  }
  return countedAfter(decide(ctx, actor, albumId, { action: 'return', reason, trackReasons: body.tracks ?? [] }, body.round), () => ctx.metrics?.reviewDecided('returned'));
}
