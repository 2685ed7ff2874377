import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { pgErrorCode, PG_UNIQUE_VIOLATION, withTransaction } from '../db/tx.js';
import type { Transaction } from '../db/types.js';
import { normaliseIsrc } from '../isrc/isrc.js';
import type { ServiceContext } from '../shared/context.js';
import { AppError } from '../shared/errors.js';
import { touchAlbum, type AlbumRow } from './albums.repo.js';
import { isrcAssignedOnSubmission, lockEditableAlbum, visibleAlbum } from './albums.service.js';
import { parseRecordingFields } from './catalog-input.js';
import type { AddTrackBody, CitableQuery, CitableRecording, CiteTrackBody, IsrcChoice, RecordingFields, TrackResponse } from './catalog.schemas.js';
import { displayIsrc, toCitable, toTrackResponse } from './catalog-view.js';
import { isrcTakenError, resolveTrackIsrc } from './track-isrc.js';
import {
  countSlots,
  deleteRecordingRow,
  deleteTrackRow,
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

async function trackOrThrow(tx: Transaction, album: AlbumRow, trackId: string): Promise<TrackWithRecording> {
  const track = await findTrack(tx, album.id, trackId);
  if (track === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return track;
}

function assertVersionRule(isrc: string | null, versionOfIsrc: string | null): void {
  if (isrc !== null && versionOfIsrc !== null && isrc === versionOfIsrc) {
    throw new AppError('VERSION_SAME_ISRC');
  }
}

/** The code a choice names (own or foreign), in compact form; undefined for "next" and "none". */
function namedIsrc(choice: IsrcChoice | undefined): string | null {
  if (choice === undefined || (choice.mode !== 'own' && choice.mode !== 'foreign')) {
    return null;
  }
  const parsed = normaliseIsrc(choice.isrc);
  return parsed.ok ? parsed.value : null;
}

/**
 * Unique-key races (two tracks taking one ISRC at once, caught by the ledger's or the recordings'
 * unique key) become the same ISRC_TAKEN as the check before them.
 */
async function mapIsrcConflict<T>(ctx: ServiceContext, registrantId: string, code: string | null, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION && code !== null) {
      throw await withTransaction(ctx.db, (tx) => isrcTakenError(tx, code, registrantId));
    }
    throw err;
  }
}

/** 曲目新增 → 新增: a new recording at the end of the album, with its ISRC if one is chosen. */
export async function addTrack(ctx: ServiceContext, actor: Actor, albumId: string, body: AddTrackBody): Promise<TrackResponse> {
  const fields = parseRecordingFields(body.recording ?? {});
  return mapIsrcConflict(ctx, actor.kind === 'member' ? actor.registrantId : '', namedIsrc(body.isrc), () =>
    withTransaction(ctx.db, async (tx) => {
      const album = await lockEditableAlbum(tx, actor, albumId);
      const individual = await isrcAssignedOnSubmission({ ...ctx, db: tx }, album.registrantId);
      const assigned = await resolveTrackIsrc(ctx, tx, actor, { registrantId: album.registrantId, individual }, body.isrc ?? { mode: 'none' });
      assertVersionRule(assigned?.isrc ?? null, fields.versionOfIsrc ?? null);
      const recording = await insertRecording(tx, { ...fields, registrantId: album.registrantId, isrc: assigned?.isrc ?? null, isrcSource: assigned?.source ?? null });
      const track = await insertTrack(tx, { albumId, recordingId: recording.id, position: await nextPosition(tx, albumId), cited: false });
      await touchAlbum(tx, albumId);
      await recordAudit(tx, actor, { action: 'track.create', entityType: 'album', entityId: albumId, after: { track, recording } });
      return toTrackResponse({ track, recording }, individual);
    }),
  );
}

/** 曲目新增 → 引用: the same approved recording, unchanged, on this album too. */
export async function citeTrack(ctx: ServiceContext, actor: Actor, albumId: string, body: CiteTrackBody): Promise<TrackResponse> {
  return withTransaction(ctx.db, async (tx) => {
    const album = await lockEditableAlbum(tx, actor, albumId);
    const recording = await findRecording(tx, body.recordingId);
    if (recording === undefined || recording.approvedAt === null || recording.isrc === null) {
      throw new AppError('RECORDING_NOT_CITABLE');
    }
    const tracks = await listTracks(tx, albumId);
    if (tracks.some((t) => t.recording.id === recording.id)) {
      throw new AppError('RECORDING_ALREADY_ON_ALBUM', { isrc: displayIsrc(recording.isrc) });
    }
    const track = await insertTrack(tx, { albumId, recordingId: recording.id, position: await nextPosition(tx, albumId), cited: true });
    await touchAlbum(tx, albumId);
    await recordAudit(tx, actor, { action: 'track.cite', entityType: 'album', entityId: albumId, after: { track, isrc: recording.isrc } });
    return toTrackResponse({ track, recording }, await isrcAssignedOnSubmission({ ...ctx, db: tx }, album.registrantId));
  });
}

export async function getTrack(ctx: ServiceContext, actor: Actor, albumId: string, trackId: string): Promise<TrackResponse> {
  const album = await visibleAlbum(ctx.db, actor, albumId);
  const track = await findTrack(ctx.db, albumId, trackId);
  if (track === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return toTrackResponse(track, await isrcAssignedOnSubmission(ctx, album.registrantId));
}

/** 儲存修改 on the track form. Cited recordings are read-only here. */
export async function updateTrack(ctx: ServiceContext, actor: Actor, albumId: string, trackId: string, fields: RecordingFields): Promise<TrackResponse> {
  const patch = parseRecordingFields(fields);
  return withTransaction(ctx.db, async (tx) => {
    const album = await lockEditableAlbum(tx, actor, albumId);
    const before = await trackOrThrow(tx, album, trackId);
    if (before.track.cited) {
      throw new AppError('RECORDING_CITED_READONLY');
    }
    assertVersionRule(before.recording.isrc, patch.versionOfIsrc === undefined ? before.recording.versionOfIsrc : patch.versionOfIsrc);
    const recording = await updateRecordingRow(tx, before.recording.id, patch);
    await touchAlbum(tx, albumId);
    await recordAudit(tx, actor, { action: 'track.update', entityType: 'recording', entityId: recording.id, before: before.recording, after: recording });
    return toTrackResponse({ track: before.track, recording }, await isrcAssignedOnSubmission({ ...ctx, db: tx }, album.registrantId));
  });
}

/** Sets or replaces a company's ISRC on a new track (own code, next available, or foreign). */
export async function setTrackIsrc(ctx: ServiceContext, actor: Actor, albumId: string, trackId: string, choice: IsrcChoice): Promise<TrackResponse> {
  return mapIsrcConflict(ctx, actor.kind === 'member' ? actor.registrantId : '', namedIsrc(choice), () =>
    withTransaction(ctx.db, async (tx) => {
      const album = await lockEditableAlbum(tx, actor, albumId);
      const before = await trackOrThrow(tx, album, trackId);
      if (before.track.cited) {
        throw new AppError('RECORDING_CITED_READONLY');
      }
      const individual = await isrcAssignedOnSubmission({ ...ctx, db: tx }, album.registrantId);
      // A pool code given to an individual's track on submission stays with that recording.
      if (individual && before.recording.isrcSource === 'system') {
        throw new AppError('ISRC_ASSIGNED_ON_SUBMISSION');
      }
      const assigned = await resolveTrackIsrc(ctx, tx, actor, { registrantId: album.registrantId, individual, recordingId: before.recording.id }, choice);
      assertVersionRule(assigned?.isrc ?? null, before.recording.versionOfIsrc);
      const recording = await updateRecordingRow(tx, before.recording.id, { isrc: assigned?.isrc ?? null, isrcSource: assigned?.source ?? null });
      await touchAlbum(tx, albumId);
      await recordAudit(tx, actor, { action: 'track.isrc', entityType: 'recording', entityId: recording.id, before: { isrc: before.recording.isrc }, after: { isrc: recording.isrc } });
      return toTrackResponse({ track: before.track, recording }, individual);
    }),
  );
}

/** Removes a track; a new recording goes with it (its ISRC stays used, never handed out again). */
export async function deleteTrack(ctx: ServiceContext, actor: Actor, albumId: string, trackId: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const album = await lockEditableAlbum(tx, actor, albumId);
    const { track, recording } = await trackOrThrow(tx, album, trackId);
    await deleteTrackRow(tx, albumId, trackId, track.position);
    if (!track.cited && (await countSlots(tx, recording.id)) === 0) {
      await deleteRecordingRow(tx, recording.id);
    }
    await touchAlbum(tx, albumId);
    await recordAudit(tx, actor, { action: track.cited ? 'track.uncite' : 'track.delete', entityType: 'album', entityId: albumId, before: { track, recording } });
  });
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
