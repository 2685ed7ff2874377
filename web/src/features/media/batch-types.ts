import type { AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import type { FileMatch, MatchableTrack } from './file-match';

/** A chosen file in the preview of 數位媒體批次上傳, with the track its name gives. */
export interface PreviewRow {
  key: string;
  file: File;
  match: FileMatch;
}

export function matchableTracks(album: AlbumResponse): MatchableTrack[] {
  return album.tracks.map((track) => {
    return { id: track.id, isrc: track.recording.isrc, hasAudio: track.audio !== null, locked: !track.audioReplaceable };
  });
}

/** Every track of the album has its audio (then 影音檔送存 is next). */
export function everyTrackHasAudio(album: AlbumResponse): boolean {
  return album.tracks.length > 0 && album.tracks.every((track) => track.audio !== null);
}
