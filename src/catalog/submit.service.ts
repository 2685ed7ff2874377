import type { Actor } from '../accounts/actor.js';
import { allocateInTransaction } from '../allocation/allocation.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { withTransaction } from '../db/tx.js';
import { nextStatus } from '../review/review-state.js';
import type { ServiceContext } from '../shared/context.js';
import { AppError } from '../shared/errors.js';
import { lockAlbum, updateAlbumRow } from './albums.repo.js';
import { albumResponse, assertMember, isrcAssignedOnSubmission } from './albums.service.js';
import type { AlbumResponse } from './catalog.schemas.js';
import { submissionProblems } from './completeness.js';
import { readScope } from './catalog.policy.js';
import { listTracks, updateRecordingRow } from './tracks.repo.js';

/**
 * 送出審核: checks every field of the album and its tracks, assigns individuals' ISRCs from the
 * agency pool (consecutive, in track order), and hands the album to the agency — all in one
 * transaction, so a failed check or allocation leaves the draft exactly as it was.
 */
export async function submitAlbum(ctx: ServiceContext, actor: Actor, albumId: string): Promise<AlbumResponse> {
  assertMember(actor);
  return withTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const album = await lockAlbum(tx, albumId, readScope(actor));
    if (album === undefined) {
      throw new AppError('NOT_FOUND');
    }
    const to = nextStatus(album.status, 'submit');
    if (to === undefined) {
      throw new AppError(album.status === 'submitted' || album.status === 'approved' ? 'ALBUM_NOT_EDITABLE' : 'INVALID_TRANSITION');
    }
    const individual = await isrcAssignedOnSubmission(txCtx, album.registrantId);
    const tracks = await listTracks(tx, albumId);
    const problems = submissionProblems(album, tracks.map((t) => ({ id: t.track.id, position: t.track.position, cited: t.track.cited, recording: t.recording })), individual);
    if (problems.length > 0) {
      throw new AppError('ALBUM_INCOMPLETE', { count: problems.length, problems });
    }
    const waiting = tracks.filter((t) => !t.track.cited && t.recording.isrc === null);
    const assignedIsrcs: string[] = [];
    if (waiting.length > 0) {
      const assigned = await allocateInTransaction(ctx, tx, { registrantId: album.registrantId, count: waiting.length, actor });
      for (const [index, item] of waiting.entries()) {
        const code = assigned[index];
        if (code === undefined) {
          throw new Error('allocation returned fewer codes than asked for');
        }
        if (code.isrc === item.recording.versionOfIsrc) {
          throw new AppError('VERSION_SAME_ISRC');
        }
        await updateRecordingRow(tx, item.recording.id, { isrc: code.isrc, isrcSource: 'system' });
        assignedIsrcs.push(code.isrc);
      }
    }
    const after = await updateAlbumRow(tx, albumId, { status: to, submittedAt: ctx.clock.now(), returnReason: null });
    await recordAudit(tx, actor, { action: 'album.submit', entityType: 'album', entityId: albumId, before: { status: album.status }, after: { status: to, assignedIsrcs } });
    return albumResponse(txCtx, after);
  });
}
