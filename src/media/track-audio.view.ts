import type { ServiceContext } from '../db/context.js';
import type { ReviewStatus } from '../shared/enums.js';
import { toAudioWarning } from './audio-warnings-locale.js';
import { mediaWarnings } from './media-warnings.js';
import { audioChangeRefusal, audioUploadAllowed, type AudioState } from './track-audio.policy.js';
import { hasAudioDeposit, listAlbumTrackAudio, type TrackAudioRow } from './track-audio.repo.js';
import type { TrackAudio } from './track-audio.schemas.js';

/**
 * What src/catalog asks of track audio: the audio of each track and whether it may change, for
 * the album response. Kept apart from track-audio.service.ts, which itself uses the catalog's
 * services to check the album (no import cycle).
 */

/** How much of the SHA-256 goes into a URL as its version: enough to tell files apart. */
const VERSION_LENGTH = 16;

/** `/api/v1/albums/:id/tracks/:trackId/audio?v=…`; the version changes with the bytes. */
export function audioPath(albumId: string, trackId: string, sha256: string): string {
  return `/api/v1/albums/${encodeURIComponent(albumId)}/tracks/${encodeURIComponent(trackId)}/audio?v=${sha256.slice(0, VERSION_LENGTH)}`;
}

/** The facts about a track the audio view compares the file with. */
export interface AudioTrackFacts {
  id: string;
  isrc: string | null;
  durationSeconds: number | null;
}

/**
 * A track's audio as the API shows it. The warnings are worked out now, against the track as it
 * is (its duration or ISRC may have been filled in since the upload).
 */
export function toTrackAudio(row: TrackAudioRow, track: AudioTrackFacts): TrackAudio {
  const warnings = mediaWarnings(row, { declaredDurationSeconds: track.durationSeconds, expectedIsrc: track.isrc });
  return {
    fileName: row.originalName,
    container: row.container,
    contentType: row.object.contentType,
    size: row.object.size,
    sha256: row.object.sha256,
    technical: row.technical,
    tagIsrcs: row.tagIsrcs,
    warnings: warnings.map((w) => toAudioWarning(w)),
    uploadedAt: row.uploadedAt.toISOString(),
    url: audioPath(row.albumId, row.albumTrackId, row.object.sha256),
  };
}

/** The audio of an album's tracks and the rules they are under, loaded once per album response. */
export interface AlbumAudio {
  state: AudioState;
  byTrack: ReadonlyMap<string, TrackAudioRow>;
}

/** A new album: no audio, nothing deposited. */
export function emptyAlbumAudio(status: ReviewStatus): AlbumAudio {
  return { state: { status, deposited: false }, byTrack: new Map() };
}

export async function albumAudio(ctx: ServiceContext, album: { id: string; status: ReviewStatus }): Promise<AlbumAudio> {
  // One after the other: `ctx` may be a transaction, whose connection runs one query at a time.
  const rows = await listAlbumTrackAudio(ctx.db, album.id);
  const deposited = await hasAudioDeposit(ctx.db, album.id);
  return { state: { status: album.status, deposited }, byTrack: new Map(rows.map((r) => [r.albumTrackId, r])) };
}

/** `audio` and `audioReplaceable` of one track in the album response (see TrackAudio). */
export function trackAudioFields(view: AlbumAudio | undefined, track: AudioTrackFacts): { audio: TrackAudio | null; audioReplaceable: boolean } {
  const row = view?.byTrack.get(track.id);
  return {
    audio: row === undefined ? null : toTrackAudio(row, track),
    audioReplaceable: view !== undefined && audioChangeRefusal(view.state, row !== undefined, 'upload') === undefined,
  };
}

/** `audioUploadAllowed` of the album response. */
export function albumAudioUploadAllowed(view: AlbumAudio | undefined): boolean {
  return view !== undefined && audioUploadAllowed(view.state);
}
