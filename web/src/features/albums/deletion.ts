import type { TrackResponse } from '../../../../src/catalog/catalog.schemas.js';

/** How many tracks the delete question names one by one; the rest are counted. */
export const NAMED_TRACKS = 5;

export interface DeletionTrackLines {
  /** The first tracks in album order, to name. */
  shown: { id: string; position: number; title: string; isrc: string | null }[];
  /** Tracks not named. */
  more: number;
  /** Whether any track of the album's own has an ISRC (it stays used after the deletion). */
  anyIsrc: boolean;
}

/** The tracks deleted with an album, as the delete question names them. */
export function deletionTrackLines(tracks: readonly Pick<TrackResponse, 'id' | 'position' | 'cited' | 'recording'>[]): DeletionTrackLines {
  const ordered = [...tracks].sort((a, b) => a.position - b.position);
  return {
    shown: ordered
      .slice(0, NAMED_TRACKS)
      .map((track) => ({ id: track.id, position: track.position, title: track.recording.title, isrc: track.recording.isrcDisplay })),
    more: Math.max(0, ordered.length - NAMED_TRACKS),
    anyIsrc: ordered.some((track) => !track.cited && track.recording.isrc !== null),
  };
}
