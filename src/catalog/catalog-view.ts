import { formatDisplay, isIsrc } from '../isrc/isrc.js';
import type { AlbumResponse, AlbumSummary, CitableRecording, RecordingResponse, TrackResponse } from './catalog.schemas.js';
import type { AlbumCover } from '../media/covers.schemas.js';
import { albumAudioUploadAllowed, trackAudioFields, type AlbumAudio } from '../media/track-audio.view.js';
import type { AlbumListRow, AlbumRow } from './albums.repo.js';
import { trackProblems } from './completeness.js';
import { formatDuration } from './formats.js';
import type { RecordingRow, TrackWithRecording } from './tracks.repo.js';
import { isEditableByRegistrant } from '../review/review-state.js';

export function displayIsrc(isrc: string | null): string | null {
  return isrc !== null && isIsrc(isrc) ? formatDisplay(isrc) : isrc;
}

export function toRecordingResponse(row: RecordingRow): RecordingResponse {
  return {
    id: row.id,
    registrantId: row.registrantId,
    isrc: row.isrc,
    isrcDisplay: displayIsrc(row.isrc),
    isrcSource: row.isrcSource,
    title: row.title,
    storyTitle: row.storyTitle,
    episode: row.episode,
    theme: row.theme,
    playTitle: row.playTitle,
    description: row.description,
    credits: row.credits,
    productionCompany: row.productionCompany,
    duration: row.durationSeconds === null ? null : formatDuration(row.durationSeconds),
    durationSeconds: row.durationSeconds,
    recordingDate: row.recordingDate,
    aiAssisted: row.aiAssisted,
    producedAbroad: row.producedAbroad,
    versionType: row.versionType,
    versionOfIsrc: row.versionOfIsrc,
    approved: row.approvedAt !== null,
  };
}

export function toTrackResponse(item: TrackWithRecording, isrcOnSubmission: boolean): TrackResponse {
  const done = trackProblems({ id: item.track.id, position: item.track.position, cited: item.track.cited, recording: item.recording }, isrcOnSubmission).length === 0;
  return { id: item.track.id, position: item.track.position, cited: item.track.cited, done, recording: toRecordingResponse(item.recording) };
}

/**
 * `trackReasons`: the latest return's per-track reasons (by recording), shown while the album is returned.
 * `audio`: the tracks' audio (albumAudio); without it every track shows none and nothing may be uploaded.
 */
export function toAlbumResponse(
  row: AlbumRow,
  tracks: readonly TrackWithRecording[],
  isrcOnSubmission: boolean,
  trackReasons: readonly { recordingId: string; reason: string }[] = [],
  cover: AlbumCover | null = null,
  audio?: AlbumAudio,
): AlbumResponse {
  const trackSeconds = tracks.reduce<number | null>((sum, t) => (t.recording.durationSeconds === null ? sum : (sum ?? 0) + t.recording.durationSeconds), null);
  const effective = row.totalDurationSeconds ?? trackSeconds;
  return {
    id: row.id,
    albumNumber: row.albumNumber,
    registrantId: row.registrantId,
    releaseType: row.releaseType,
    title: row.title,
    credits: row.credits,
    publisher: row.publisher,
    releaseDate: row.releaseDate,
    productionCompany: row.productionCompany,
    totalDuration: row.totalDurationSeconds === null ? null : formatDuration(row.totalDurationSeconds),
    effectiveDuration: effective === null ? null : formatDuration(effective),
    albumType: row.albumType,
    workCategory: row.workCategory,
    mediaForm: row.mediaForm,
    publicationCategory: row.publicationCategory,
    introduction: row.introduction,
    retroactive: row.retroactive,
    status: row.status,
    returnReason: row.returnReason,
    ...(row.status === 'returned' ? { returnTrackReasons: returnTrackReasons(tracks, trackReasons) } : {}),
    depositStatus: row.depositStatus,
    editable: isEditableByRegistrant(row.status),
    isrcAssignedOnSubmission: isrcOnSubmission,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    tracks: tracks.map((t) => ({
      ...toTrackResponse(t, isrcOnSubmission),
      ...trackAudioFields(audio, { id: t.track.id, isrc: t.recording.isrc, durationSeconds: t.recording.durationSeconds }),
    })),
    audioUploadAllowed: albumAudioUploadAllowed(audio),
    cover,
  };
}

function returnTrackReasons(tracks: readonly TrackWithRecording[], reasons: readonly { recordingId: string; reason: string }[]) {
  return reasons.flatMap((r) => {
    const track = tracks.find((t) => t.recording.id === r.recordingId);
    // A track the registrant removed since keeps no reason to show.
    return track === undefined ? [] : [{ trackId: track.track.id, recordingId: r.recordingId, reason: r.reason }];
  });
}

/** `coverThumbnailUrl`: from one query for the whole page (see coverThumbnailUrls). */
export function toAlbumSummary(item: AlbumListRow, coverThumbnailUrl: string | null = null): AlbumSummary {
  const { album } = item;
  return {
    id: album.id,
    albumNumber: album.albumNumber,
    registrantId: album.registrantId,
    registrantName: item.registrantName,
    releaseType: album.releaseType,
    title: album.title,
    artist: album.artistText,
    status: album.status,
    ...(album.status === 'returned' && album.returnReason !== null ? { returnReason: album.returnReason } : {}),
    depositStatus: album.depositStatus,
    trackCount: item.trackCount,
    coverThumbnailUrl,
    createdAt: album.createdAt.toISOString(),
    updatedAt: album.updatedAt.toISOString(),
    submittedAt: album.submittedAt?.toISOString() ?? null,
  };
}

export function toCitable(row: RecordingRow, registrantId: string): CitableRecording {
  return {
    id: row.id,
    isrc: row.isrc ?? '',
    isrcDisplay: displayIsrc(row.isrc) ?? '',
    title: row.title,
    artist: row.artistText,
    own: row.registrantId === registrantId,
    isrcSource: row.isrcSource,
  };
}
