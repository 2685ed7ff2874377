import type { Readable } from 'node:stream';
import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertMember, getAlbum } from '../catalog/albums.service.js';
import type { AlbumResponse } from '../catalog/catalog.schemas.js';
import type { ServiceContext } from '../db/context.js';
import type { MediaWarning } from '../db/schema/media.js';
import { withTransaction } from '../db/tx.js';
import { lockAlbumForReview } from '../catalog/review-store.service.js';
import type { AudioContainer } from '../shared/enums.js';
import { AppError, isAppError } from '../shared/errors.js';
import { releaseObject, storageOf } from '../storage/objects.service.js';
import type { StagedFile } from '../storage/staging.js';
import type { ByteRange } from '../storage/storage.js';
import { parseAudioFileName } from './audio-file-name.js';
import { assertUploadsConfigured, checkStagedAudio, commitTrackAudio, displayOf, originalNameOf, stageAudio, type AudioFile, type AudioTarget } from './audio-ingest.js';
import { audioChangeRefusal, audioExtensionOf, downloadName } from './track-audio.policy.js';
import { deleteTrackAudioRow, findTrackAudio, hasAudioDeposit } from './track-audio.repo.js';
import type { TrackAudio } from './track-audio.schemas.js';
import { toTrackAudio } from './track-audio.view.js';

/** 錄音 / 音樂性錄影: a track's audio, uploaded one at a time, in a batch, or resumably (tus-uploads.ts). */

type Member = Extract<Actor, { kind: 'member' }>;
type AlbumTrack = AlbumResponse['tracks'][number];

/** The member's album, as the checks before an upload read it; another registrant's is NOT_FOUND. */
async function albumForUpload(ctx: ServiceContext, actor: Actor, albumId: string): Promise<{ member: Member; album: AlbumResponse }> {
  const album = await getAlbum(ctx, actor, albumId);
  assertMember(actor);
  if (!album.audioUploadAllowed) {
    throw new AppError('AUDIO_DEPOSITED');
  }
  return { member: actor, album };
}

function targetOf(album: AlbumResponse, track: AlbumTrack, matchedByIsrc: boolean): AudioTarget {
  if (!track.audioReplaceable) {
    throw new AppError('AUDIO_LOCKED');
  }
  return { albumId: album.id, trackId: track.id, isrc: track.recording.isrc, declaredDurationSeconds: track.recording.durationSeconds, matchedByIsrc };
}

/** The track a file is for: named (`trackId`), or the one whose ISRC is the file's name (batch, resumable). */
export function resolveTarget(album: AlbumResponse, fileName: string, trackId: string | undefined): { target: AudioTarget; extension: AudioContainer } {
  if (trackId !== undefined) {
    const track = album.tracks.find((t) => t.id === trackId);
    if (track === undefined) {
      throw new AppError('NOT_FOUND');
    }
    const extension = audioExtensionOf(fileName);
    if (extension === undefined) {
      throw new AppError('AUDIO_FILE_NAME_INVALID', { fileName });
    }
    return { target: targetOf(album, track, false), extension };
  }
  const parsed = parseAudioFileName(fileName);
  if (!parsed.ok) {
    throw new AppError(parsed.reason === 'not-an-isrc' ? 'AUDIO_FILE_NAME_NOT_ISRC' : 'AUDIO_FILE_NAME_INVALID', { fileName });
  }
  const track = album.tracks.find((t) => t.recording.isrc === parsed.isrc);
  if (track === undefined) {
    throw new AppError('AUDIO_NO_MATCHING_TRACK', { isrc: displayOf(parsed.isrc) });
  }
  return { target: targetOf(album, track, true), extension: parsed.extension };
}

/**
 * Per-track upload in the track table: any file name ending .mp3, .wav or .mp4, the content must
 * agree. Ownership, the album's rules and the name are checked before a byte is read; a refused
 * or oversize file leaves nothing behind.
 */
export async function putTrackAudio(ctx: ServiceContext, actor: Actor, albumId: string, trackId: string, openFile: () => Promise<AudioFile>): Promise<TrackAudio> {
  const { member, album } = await albumForUpload(ctx, actor, albumId);
  if (!album.tracks.some((t) => t.id === trackId)) {
    throw new AppError('NOT_FOUND');
  }
  const file = await openFile();
  let resolved;
  let originalName;
  try {
    resolved = resolveTarget(album, file.fileName, trackId);
    originalName = originalNameOf(file.fileName);
    // A server without storage fails here, before the file is read.
    assertUploadsConfigured(ctx);
  } catch (err) {
    file.stream.resume();
    throw err;
  }
  const staged = await stageAudio(ctx, file);
  const checked = await checkStagedAudio(staged, resolved.extension, resolved.target, originalName);
  // The row this upload wrote, not the track's row as read afterwards: a concurrent upload to the
  // same track may have replaced it by then, and each caller is answered about its own file.
  const written = await commitTrackAudio(ctx, member, resolved.target, checked);
  const { target } = resolved;
  return toTrackAudio(written, { id: target.trackId, isrc: target.isrc, durationSeconds: target.declaredDurationSeconds });
}

/** One file of a batch or a resumable upload: stored, or refused with the reason. */
export type AudioUploadOutcome =
  | { fileName: string; status: 'stored'; trackId: string; isrc: string | null; warnings: MediaWarning[] }
  | { fileName: string; status: 'refused'; trackId?: string; isrc?: string; error: AppError };

function refused(fileName: string, error: AppError, target?: AudioTarget): AudioUploadOutcome {
  return { fileName, status: 'refused', error, ...(target === undefined ? {} : { trackId: target.trackId, ...(target.isrc === null ? {} : { isrc: target.isrc }) }) };
}

async function batchFile(ctx: ServiceContext, member: Member, album: AlbumResponse, file: AudioFile, taken: Set<string>): Promise<AudioUploadOutcome> {
  let target: AudioTarget | undefined;
  try {
    const resolved = resolveTarget(album, file.fileName, undefined);
    target = resolved.target;
    if (taken.has(target.trackId)) {
      throw new AppError('AUDIO_DUPLICATE_IN_BATCH', { isrc: displayOf(target.isrc ?? '') });
    }
    const originalName = originalNameOf(file.fileName);
    const staged = await stageAudio(ctx, file);
    const checked = await checkStagedAudio(staged, resolved.extension, target, originalName);
    await commitTrackAudio(ctx, member, target, checked);
    taken.add(target.trackId);
    return { fileName: file.fileName, status: 'stored', trackId: target.trackId, isrc: target.isrc, warnings: checked.warnings };
  } catch (err) {
    // Whatever was not read of a refused file is read and dropped, so the next file's part comes.
    file.stream.resume();
    if (isAppError(err) && err.code !== 'MALFORMED_REQUEST') {
      return refused(file.fileName, err, target);
    }
    throw err;
  }
}

/**
 * A batch as handled: each file read, stored or refused; and, when the request broke off after
 * some of them (more than MAX_BATCH_FILES files, a body cut short), why no file after them was read.
 */
export interface AudioBatchOutcome {
  outcomes: AudioUploadOutcome[];
  stopped?: AppError;
}

/**
 * 數位媒體批次上傳: many files, each named `<ISRC>.<ext>` in any spelling the core accepts, read one
 * at a time as they stream in. A file naming no track of this album (another album's track
 * included), with a bad name or bad content is refused by name and not stored; the others are.
 * Files stored before the request fails (too many files, a broken body) stay stored, and the
 * answer says which they are beside the failure; a request failing before any file was handled
 * is that failure.
 */
export async function uploadAudioBatch(ctx: ServiceContext, actor: Actor, albumId: string, files: () => AsyncIterable<AudioFile>): Promise<AudioBatchOutcome> {
  const { member, album } = await albumForUpload(ctx, actor, albumId);
  const outcomes: AudioUploadOutcome[] = [];
  const taken = new Set<string>();
  try {
    for await (const file of files()) {
      if (outcomes.length === 0) {
        try {
          // A server without storage fails here, before a file is read.
          assertUploadsConfigured(ctx);
        } catch (err) {
          file.stream.resume();
          throw err;
        }
      }
      outcomes.push(await batchFile(ctx, member, album, file, taken));
    }
  } catch (err) {
    if (outcomes.length > 0 && isAppError(err)) {
      return { outcomes, stopped: err };
    }
    throw err;
  }
  if (outcomes.length === 0) {
    throw new AppError('AUDIO_FILE_MISSING');
  }
  return { outcomes };
}

/** Checks before a resumable upload is created: nobody stages data on an album or track not theirs. */
export async function prepareResumableUpload(ctx: ServiceContext, actor: Actor, upload: { albumId: string; trackId: string | undefined; fileName: string }) {
  const { album } = await albumForUpload(ctx, actor, upload.albumId);
  assertUploadsConfigured(ctx);
  const resolved = resolveTarget(album, upload.fileName, upload.trackId);
  originalNameOf(upload.fileName);
  return resolved;
}

/**
 * A finished resumable upload, already on the local disk with its hash: checked against the
 * album as it is now and stored, or refused. The staged file is gone afterwards either way.
 */
export async function finishResumableUpload(
  ctx: ServiceContext,
  actor: Actor,
  upload: { albumId: string; trackId: string | undefined; fileName: string },
  staged: StagedFile,
): Promise<AudioUploadOutcome> {
  let target: AudioTarget | undefined;
  try {
    const { member, album } = await albumForUpload(ctx, actor, upload.albumId);
    const resolved = resolveTarget(album, upload.fileName, upload.trackId);
    target = resolved.target;
    const checked = await checkStagedAudio(staged, resolved.extension, target, originalNameOf(upload.fileName));
    await commitTrackAudio(ctx, member, target, checked);
    return { fileName: upload.fileName, status: 'stored', trackId: target.trackId, isrc: target.isrc, warnings: checked.warnings };
  } catch (err) {
    await staged.discard();
    if (isAppError(err)) {
      return refused(upload.fileName, err, target);
    }
    throw err;
  }
}

/** Removes a track's audio (member; not once the album is approved or its audio deposited). */
export async function removeTrackAudio(ctx: ServiceContext, actor: Actor, albumId: string, trackId: string): Promise<void> {
  const album = await getAlbum(ctx, actor, albumId);
  assertMember(actor);
  if (!album.tracks.some((t) => t.id === trackId)) {
    throw new AppError('NOT_FOUND');
  }
  const removed = await withTransaction(ctx, async (tx) => {
    const locked = await lockAlbumForReview(tx, albumId, actor.registrantId);
    if (locked === undefined) {
      throw new AppError('NOT_FOUND');
    }
    const before = await findTrackAudio(tx.db, trackId);
    const refusal = audioChangeRefusal({ status: locked.status, deposited: await hasAudioDeposit(tx.db, albumId) }, before !== undefined, 'delete');
    if (refusal !== undefined) {
      throw new AppError(refusal);
    }
    if (before === undefined) {
      throw new AppError('NOT_FOUND');
    }
    await deleteTrackAudioRow(tx.db, trackId);
    await recordAudit(tx, actor, {
      action: 'trackAudio.delete',
      entityType: 'album',
      entityId: albumId,
      before: { trackId, sha256: before.object.sha256, size: before.object.size, container: before.container, fileName: before.originalName },
    });
    return before;
  });
  await releaseObject(ctx, removed.object.sha256, removed.object.storageKey);
}

/** What a download needs: the validator and size first, the bytes only when they are sent. */
export interface AudioDownload {
  sha256: string;
  size: number;
  contentType: string;
  fileName: string;
  open: (range?: ByteRange) => Promise<Readable>;
}

/** A track's audio for its registrant's members and the agency; anyone else gets NOT_FOUND. */
export async function openTrackAudio(ctx: ServiceContext, actor: Actor, albumId: string, trackId: string): Promise<AudioDownload> {
  const album = await getAlbum(ctx, actor, albumId);
  const track = album.tracks.find((t) => t.id === trackId);
  const row = track === undefined ? undefined : await findTrackAudio(ctx.db, trackId);
  if (track === undefined || row === undefined) {
    throw new AppError('NOT_FOUND');
  }
  const { object } = row;
  return {
    sha256: object.sha256,
    size: object.size,
    contentType: object.contentType,
    fileName: downloadName(track.recording.isrc, track.position, row.container),
    open: (range) => storageOf(ctx).get(object.storageKey, range),
  };
}

/**
 * The stored object holding a track's audio, for the catalog to release after it deletes the track
 * (the audio row goes with the track; the object stays until nothing references it).
 */
export async function trackAudioObject(ctx: ServiceContext, trackId: string): Promise<{ sha256: string; storageKey: string } | undefined> {
  const row = await findTrackAudio(ctx.db, trackId);
  return row === undefined ? undefined : { sha256: row.object.sha256, storageKey: row.object.storageKey };
}
