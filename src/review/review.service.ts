import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { isrcAssignedOnSubmission } from '../catalog/albums.service.js';
import type { AlbumResponse } from '../catalog/catalog.schemas.js';
import { lockAlbumForReview, reviewedAlbumResponse, storeReviewOutcome, tracksForReview } from '../catalog/review-store.service.js';
import type { ServiceContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { AppError } from '../shared/errors.js';
import { cleanText } from '../shared/text.js';
import { mayTake } from './review.policy.js';
import { nextStatus, type ReviewAction } from './review-state.js';

/**
 * Applies an agency decision (approve, or return with a reason) to a submitted album, with its
 * audit row, in one transaction. Approval locks the album for good and makes its recordings
 * citable. The album row lock makes two officers deciding at once take turns: the second finds
 * the album no longer submitted (INVALID_TRANSITION).
 */
async function decide(ctx: ServiceContext, actor: Actor, albumId: string, action: Extract<ReviewAction, 'approve' | 'return'>, reason?: string): Promise<AlbumResponse> {
  if (!mayTake(actor, action)) {
    // A registrant must not learn whether another's album exists.
    throw new AppError(actor.kind === 'member' ? 'NOT_FOUND' : 'FORBIDDEN');
  }
  return withTransaction(ctx, async (tx) => {
    const album = await lockAlbumForReview(tx, albumId);
    if (album === undefined) {
      throw new AppError('NOT_FOUND');
    }
    const to = nextStatus(album.status, action);
    if (to === undefined) {
      throw new AppError('INVALID_TRANSITION', { status: album.status });
    }
    const after = await storeReviewOutcome(tx, albumId, { status: to, at: ctx.clock.now(), returnReason: action === 'return' ? cleanText(reason ?? '') : null });
    await recordAudit(tx, actor, { action: `album.${action}`, entityType: 'album', entityId: albumId, before: { status: album.status }, after: { status: to, reason: after.returnReason } });
    return reviewedAlbumResponse(after, await tracksForReview(tx, albumId), await isrcAssignedOnSubmission(tx, album.registrantId));
  });
}

/** 通過. */
export function approveAlbum(ctx: ServiceContext, actor: Actor, albumId: string): Promise<AlbumResponse> {
  return decide(ctx, actor, albumId, 'approve');
}

/** 退回: the reason is shown to the registrant, so it must say something. */
export async function returnAlbum(ctx: ServiceContext, actor: Actor, albumId: string, reason: string): Promise<AlbumResponse> {
  if (cleanText(reason) === '') {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'reason', code: 'required' }] });
  }
  return decide(ctx, actor, albumId, 'return', reason);
}
