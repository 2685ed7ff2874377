import type { Actor } from '../accounts/actor.js';
import { loadAllocationProfile } from '../allocation/allocation.service.js';
import { releaseTypedIsrc } from '../allocation/sequence.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { currentYear, type ServiceContext, type TxContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { normaliseIsrc } from '../isrc/isrc.js';
import { trackAudioObject } from '../media/track-audio.service.js';
import { AppError } from '../shared/errors.js';
import { releaseObject } from '../storage/objects.service.js';
import { touchAlbum, type AlbumRow } from './albums.repo.js';
import { isrcAssignedOnSubmission, lockEditableAlbum, visibleAlbum } from './albums.service.js';
import { assertVersionRule, parseRecordingFields } from './catalog-input.js';
import type { AddTrackBody, CitableQuery, CitableRecording, CiteTrackBody, IsrcChoice, RecordingFields, RecordingResponse, TrackResponse } from './catalog.schemas.js';
import { displayIsrc, toCitable, toRecordingResponse, toTrackResponse } from './catalog-view.js';
import { applyTrackIsrc } from './track-isrc.js';
import {
  countSlots,
  deleteRecordingRow,
  deleteTrackRow,
  findApprovedByIsrcs,
  findRecording,
  findTrack,
  insertRecording,
  insertTrack,
  listTracks,
  nextPosition,
  searchCitableRows,
  updateRecordingRow,
  type TrackWithRecording,
} from './tracks.repo.js';

async function trackOrThrow(tx: TxContext, album: AlbumRow, trackId: string): Promise<TrackWithRecording> {
  const track = await findTrack(tx.db, album.id, trackId);
  if (track === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return track;
}

/** 曲目新增 → 新增: a new recording at the end of the album, with its ISRC if one is chosen. */
export async function addTrack(ctx: ServiceContext, actor: Actor, albumId: string, body: AddTrackBody): Promise<TrackResponse> {
  const fields = parseRecordingFields(body.recording ?? {}, currentYear(ctx));
  return withTransaction(ctx, async (tx) => {
    const album = await lockEditableAlbum(tx, actor, albumId);
    const profile = await loadAllocationProfile(tx, album.registrantId);
    const recording = await applyTrackIsrc(
      tx,
      actor,
      profile,
      { retroactive: album.retroactive, producedAbroad: fields.producedAbroad ?? false },
      body.isrc ?? { mode: 'none' },
      (step, assigned) => {
        assertVersionRule(assigned?.isrc ?? null, fields.versionOfIsrc ?? null);
        return insertRecording(step.db, { ...fields, registrantId: album.registrantId, isrc: assigned?.isrc ?? null, isrcSource: assigned?.source ?? null });
      },
    );
    const track = await insertTrack(tx.db, { albumId, recordingId: recording.id, position: await nextPosition(tx.db, albumId), cited: false });
    await touchAlbum(tx.db, albumId);
    await recordAudit(tx, actor, { action: 'track.create', entityType: 'album', entityId: albumId, after: { track, recording } });
    return toTrackResponse({ track, recording }, profile.rule.poolOnSubmission);
  });
}

/** 曲目新增 → 引用: the same approved recording, unchanged, on this album too. */
export async function citeTrack(ctx: ServiceContext, actor: Actor, albumId: string, body: CiteTrackBody): Promise<TrackResponse> {
  return withTransaction(ctx, async (tx) => {
    const album = await lockEditableAlbum(tx, actor, albumId);
    const recording = await findRecording(tx.db, body.recordingId);
    if (recording === undefined || recording.approvedAt === null || recording.isrc === null) {
      throw new AppError('RECORDING_NOT_CITABLE');
    }
    const tracks = await listTracks(tx.db, albumId);
    if (tracks.some((t) => t.recording.id === recording.id)) {
      throw new AppError('RECORDING_ALREADY_ON_ALBUM', { isrc: displayIsrc(recording.isrc) });
    }
    const track = await insertTrack(tx.db, { albumId, recordingId: recording.id, position: await nextPosition(tx.db, albumId), cited: true });
    await touchAlbum(tx.db, albumId);
    await recordAudit(tx, actor, { action: 'track.cite', entityType: 'album', entityId: albumId, after: { track, isrc: recording.isrc } });
    return toTrackResponse({ track, recording }, await isrcAssignedOnSubmission(tx, album.registrantId));
  });
}

export async function getTrack(ctx: ServiceContext, actor: Actor, albumId: string, trackId: string): Promise<TrackResponse> {
  const album = await visibleAlbum(ctx, actor, albumId);
  const track = await findTrack(ctx.db, albumId, trackId);
  if (track === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return toTrackResponse(track, await isrcAssignedOnSubmission(ctx, album.registrantId));
}

/** 儲存修改 on the track form. Cited recordings are read-only here. */
export async function updateTrack(ctx: ServiceContext, actor: Actor, albumId: string, trackId: string, fields: RecordingFields): Promise<TrackResponse> {
  const patch = parseRecordingFields(fields, currentYear(ctx));
  return withTransaction(ctx, async (tx) => {
    const album = await lockEditableAlbum(tx, actor, albumId);
    const before = await trackOrThrow(tx, album, trackId);
    if (before.track.cited) {
      throw new AppError('RECORDING_CITED_READONLY');
    }
    assertVersionRule(before.recording.isrc, patch.versionOfIsrc === undefined ? before.recording.versionOfIsrc : patch.versionOfIsrc);
    const recording = await updateRecordingRow(tx.db, before.recording.id, patch);
    await touchAlbum(tx.db, albumId);
    await recordAudit(tx, actor, { action: 'track.update', entityType: 'recording', entityId: recording.id, before: before.recording, after: recording });
    return toTrackResponse({ track: before.track, recording }, await isrcAssignedOnSubmission(tx, album.registrantId));
  });
}

/** Sets or replaces a company's ISRC on a new track (own code, next available, or foreign). */
export async function setTrackIsrc(ctx: ServiceContext, actor: Actor, albumId: string, trackId: string, choice: IsrcChoice): Promise<TrackResponse> {
  return withTransaction(ctx, async (tx) => {
    const album = await lockEditableAlbum(tx, actor, albumId);
    const before = await trackOrThrow(tx, album, trackId);
    if (before.track.cited) {
      throw new AppError('RECORDING_CITED_READONLY');
    }
    const profile = await loadAllocationProfile(tx, album.registrantId);
    // A pool code given on submission stays with its recording.
    if (profile.rule.poolOnSubmission && before.recording.isrcSource === 'system') {
      throw new AppError('ISRC_ASSIGNED_ON_SUBMISSION');
    }
    const recording = await applyTrackIsrc(
      tx,
      actor,
      profile,
      { recordingId: before.recording.id, retroactive: album.retroactive, producedAbroad: before.recording.producedAbroad },
      choice,
      (step, assigned) => {
        assertVersionRule(assigned?.isrc ?? null, before.recording.versionOfIsrc);
        return updateRecordingRow(step.db, before.recording.id, { isrc: assigned?.isrc ?? null, isrcSource: assigned?.source ?? null });
      },
    );
    if (before.recording.isrcSource === 'own' && before.recording.isrc !== null && before.recording.isrc !== recording.isrc) {
      await releaseTypedIsrc(tx, recording.registrantId, before.recording.isrc);
    }
    await touchAlbum(tx.db, albumId);
    await recordAudit(tx, actor, { action: 'track.isrc', entityType: 'recording', entityId: recording.id, before: { isrc: before.recording.isrc }, after: { isrc: recording.isrc } });
    return toTrackResponse({ track: before.track, recording }, profile.rule.poolOnSubmission);
  });
}

/** Removes a track; a new recording goes with it (its ISRC stays used, never handed out again). */
export async function deleteTrack(ctx: ServiceContext, actor: Actor, albumId: string, trackId: string): Promise<void> {
  const audio = await withTransaction(ctx, async (tx) => {
    const album = await lockEditableAlbum(tx, actor, albumId);
    const { track, recording } = await trackOrThrow(tx, album, trackId);
    // Its audio row goes with the track (cascade); the stored file is released after the commit.
    const trackAudio = await trackAudioObject(tx, trackId);
    await deleteTrackRow(tx.db, albumId, trackId, track.position);
    if (!track.cited && (await countSlots(tx.db, recording.id)) === 0) {
      await deleteRecordingRow(tx.db, recording.id);
      // A typed code stays reserved to the registrant but no longer moves "next available".
      if (recording.isrcSource === 'own' && recording.isrc !== null) {
        await releaseTypedIsrc(tx, recording.registrantId, recording.isrc);
      }
    }
    await touchAlbum(tx.db, albumId);
    await recordAudit(tx, actor, { action: track.cited ? 'track.uncite' : 'track.delete', entityType: 'album', entityId: albumId, before: { track, recording } });
    return trackAudio;
  });
  if (audio !== undefined) {
    await releaseObject(ctx, audio.sha256, audio.storageKey);
  }
}

/** Approved recordings to cite: the registrant's own by title or ISRC, anyone's by exact ISRC. */
export async function searchCitable(ctx: ServiceContext, actor: Actor, query: CitableQuery): Promise<CitableRecording[]> {
  if (actor.kind !== 'member') {
    throw new AppError('FORBIDDEN');
  }
  const q = query.q.normalize('NFC').trim();
  const isrc = normaliseIsrc(q);
  const rows = await searchCitableRows(ctx.db, actor.registrantId, q, isrc.ok ? isrc.value : undefined, 20);
  return rows.map((r) => toCitable(r, actor.registrantId));
}

/**
 * The approved recordings with these exact ISRCs, by ISRC: what searchCitable finds by exact ISRC,
 * for a whole import file in one statement.
 */
export async function citableByIsrc(ctx: ServiceContext, actor: Actor, isrcs: readonly string[]): Promise<Map<string, RecordingResponse>> {
  if (actor.kind !== 'member') {
    throw new AppError('FORBIDDEN');
  }
  const rows = await findApprovedByIsrcs(ctx.db, isrcs);
  return new Map(rows.flatMap((row) => (row.isrc === null ? [] : [[row.isrc, toRecordingResponse(row)] as const])));
}
