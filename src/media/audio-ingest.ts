import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { lockAlbumForReview, tracksForReview } from '../catalog/review-store.service.js';
import { sanitiseFileName } from '../change-requests/attachment-name.js';
import type { ServiceContext, TxContext } from '../db/context.js';
import type { MediaWarning } from '../db/schema/media.js';
import { formatDisplay, isIsrc } from '../isrc/index.js';
import type { AudioContainer } from '../shared/enums.js';
import { AppError } from '../shared/errors.js';
import { releaseObject, storageOf, storeStaged } from '../storage/objects.service.js';
import { stageUpload, type StagedFile, type UploadedFile } from '../storage/staging.js';
import { FileTooLargeError } from '../storage/storage.js';
import { UploadSourceError } from '../storage/upload.js';
import { probeAudio, type AudioAnalysis } from './audio-probe.js';
import { mediaWarnings } from './media-warnings.js';
import { audioChangeRefusal } from './track-audio.policy.js';
import { findTrackAudio, hasAudioDeposit, upsertTrackAudio, type TrackAudioRow } from './track-audio.repo.js';
import { MAX_AUDIO_BYTES } from './track-audio.schemas.js';

/**
 * The one way an audio file becomes a track's audio, whichever door it came in by (per-track
 * upload, 數位媒體批次上傳, resumable upload): staged on the local disk (≤ 500 MB while it streams,
 * SHA-256 on the way) → analysed by content (audio-probe.ts) → committed to storage and recorded
 * with its audit row in one transaction that checks the album's rules again → the replaced file
 * released. A refused file leaves nothing in storage, in the database or in staging.
 */

/** One file part of an upload; its stream must be read to the end (or drained). */
/** One uploaded audio file as the routes hand it over. */
export type AudioFile = UploadedFile;

/** The track a file goes to, as known before the file is read. */
export interface AudioTarget {
  albumId: string;
  trackId: string;
  /** The track's ISRC (compact) or null while it has none; checked again when the file is committed. */
  isrc: string | null;
  declaredDurationSeconds: number | null;
  /** The file was matched to its track by the ISRC in its name: the track must still have that ISRC. */
  matchedByIsrc: boolean;
}

export function stagingDirOf(ctx: ServiceContext): string {
  if (ctx.stagingDir === undefined) {
    throw new Error('upload staging directory is not configured');
  }
  return ctx.stagingDir;
}

/** Fails before a byte is read when the server has nowhere to put files. */
export function assertUploadsConfigured(ctx: ServiceContext): void {
  stagingDirOf(ctx);
  storageOf(ctx);
}

/** The original name as shown later (never used as a path); control characters make it refused. */
export function originalNameOf(fileName: string): string {
  const name = sanitiseFileName(fileName, 'audio');
  if (!name.ok) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', code: 'invalidCharacter', params: { character: name.character } }] });
  }
  return name.name;
}

export function displayOf(isrc: string): string {
  return isIsrc(isrc) ? formatDisplay(isrc) : isrc;
}

/** Receives a multipart file on the local disk: the byte past 500 MB is never written. */
export async function stageAudio(ctx: ServiceContext, file: AudioFile): Promise<StagedFile> {
  let staged: StagedFile;
  try {
    staged = await stageUpload(file.stream, { dir: stagingDirOf(ctx), maxBytes: MAX_AUDIO_BYTES, metrics: ctx.metrics });
  } catch (err) {
    if (err instanceof FileTooLargeError) {
      throw new AppError('AUDIO_TOO_LARGE', { limitMb: MAX_AUDIO_BYTES / (1024 * 1024) });
    }
    if (err instanceof UploadSourceError) {
      throw new AppError('MALFORMED_REQUEST');
    }
    throw err;
  }
  if (file.truncated()) {
    await staged.discard();
    throw new AppError('AUDIO_TOO_LARGE', { limitMb: MAX_AUDIO_BYTES / (1024 * 1024) });
  }
  return staged;
}

/** A staged file that is acceptable audio, with what the track's data says about it. */
export interface CheckedAudio {
  staged: StagedFile;
  analysis: AudioAnalysis;
  warnings: MediaWarning[];
  originalName: string;
}

/** Decides by content; a refused file is discarded and AUDIO_REFUSED thrown. */
export async function checkStagedAudio(staged: StagedFile, extension: AudioContainer, target: AudioTarget, originalName: string): Promise<CheckedAudio> {
  let probed;
  try {
    probed = await probeAudio(staged.path, extension);
  } catch (err) {
    await staged.discard();
    throw err;
  }
  if (!probed.ok) {
    await staged.discard();
    throw new AppError('AUDIO_REFUSED', { reason: probed.reason, extension, ...(probed.format === undefined ? {} : { format: probed.format }) });
  }
  const { analysis } = probed;
  const warnings = mediaWarnings(analysis, { declaredDurationSeconds: target.declaredDurationSeconds, expectedIsrc: target.isrc });
  return { staged, analysis, warnings, originalName };
}

function auditValue(row: Pick<TrackAudioRow, 'albumTrackId' | 'container' | 'originalName'> & { sha256: string; size: number }) {
  return { trackId: row.albumTrackId, sha256: row.sha256, size: row.size, container: row.container, fileName: row.originalName };
}

/** Checks the album again inside the transaction (it may have been approved or deposited meanwhile). */
async function lockTarget(tx: TxContext, actor: Extract<Actor, { kind: 'member' }>, target: AudioTarget) {
  const album = await lockAlbumForReview(tx, target.albumId, actor.registrantId);
  if (album === undefined) {
    throw new AppError('NOT_FOUND');
  }
  const track = (await tracksForReview(tx, target.albumId)).find((t) => t.track.id === target.trackId);
  if (track === undefined || (target.matchedByIsrc && track.recording.isrc !== target.isrc)) {
    throw target.matchedByIsrc && target.isrc !== null ? new AppError('AUDIO_NO_MATCHING_TRACK', { isrc: displayOf(target.isrc) }) : new AppError('NOT_FOUND');
  }
  const before = await findTrackAudio(tx.db, target.trackId);
  const refusal = audioChangeRefusal({ status: album.status, deposited: await hasAudioDeposit(tx.db, target.albumId) }, before !== undefined, 'upload');
  if (refusal !== undefined) {
    throw new AppError(refusal);
  }
  return before;
}

/**
 * Stores checked audio as the track's (replacing its file) with its audit row; the replaced
 * file is released once nothing references it. The staged file is gone afterwards either way.
 * Returns the track's audio as this commit wrote it, read inside its transaction: another upload
 * to the same track may replace it the moment the transaction ends.
 */
export async function commitTrackAudio(ctx: ServiceContext, actor: Extract<Actor, { kind: 'member' }>, target: AudioTarget, checked: CheckedAudio): Promise<TrackAudioRow> {
  const { staged, analysis, warnings, originalName } = checked;
  const { before, written } = await storeStaged(ctx, [{ staged, contentType: analysis.contentType }], async (tx, [object]) => {
    if (object === undefined) {
      throw new Error('storeStaged returned no object');
    }
    const previous = await lockTarget(tx, actor, target);
    const row = {
      albumTrackId: target.trackId,
      albumId: target.albumId,
      objectSha256: object.sha256,
      container: analysis.container,
      technical: analysis.technical,
      tagIsrcs: analysis.tagIsrcs,
      warnings,
      originalName,
      uploadedBy: actor.userId,
      uploadedAt: ctx.clock.now(),
    };
    await upsertTrackAudio(tx.db, row);
    const stored = await findTrackAudio(tx.db, target.trackId);
    if (stored === undefined) {
      throw new Error('the audio just stored is not there');
    }
    await recordAudit(tx, actor, {
      action: 'trackAudio.upload',
      entityType: 'album',
      entityId: target.albumId,
      before: previous === undefined ? null : auditValue({ ...previous, ...previous.object }),
      after: { ...auditValue({ ...row, sha256: object.sha256, size: object.size }), isrc: target.isrc },
    });
    return { before: previous, written: stored };
  });
  if (before !== undefined && before.object.sha256 !== staged.sha256) {
    await releaseObject(ctx, before.object.sha256, before.object.storageKey);
  }
  return written;
}
