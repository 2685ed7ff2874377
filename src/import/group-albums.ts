import type { AlbumFields, RecordingFields } from '../catalog/catalog.schemas.js';
import type { ReleaseType } from '../catalog/vocabularies.js';
import { importText, type ImportProblem } from './import-problems.js';
import { CATALOGUE_LIMITS } from './template/columns.js';

/**
 * The albums of a workbook and their tracks, grouped: one album (the guide's file, no keys) or a back
 * catalogue (回溯編碼), where every album row and every track row carries its 專輯代號. Pure: the checks
 * that need no database — keys that name no album, albums without tracks, track numbers repeated in an
 * album, ISRCs repeated anywhere in the file, and the catalogue's size limits.
 */

export interface AlbumDraft {
  row: number;
  releaseType: ReleaseType;
  fields: AlbumFields;
}

export interface TrackDraft {
  row: number;
  /** The ISRC as typed (or null): own or foreign code, or the approved recording to cite. */
  isrc: string | null;
  cited: boolean;
  recording: RecordingFields;
}

/** One album of the file with its tracks in 曲目序號 order. `key` is the 專輯代號 as written on the album sheet (null in a one-album file). */
export interface AlbumGroup {
  key: string | null;
  album: AlbumDraft | null;
  tracks: TrackDraft[];
}

/** A data row as read, before grouping: its key (null when blank), and for tracks the 曲目序號 typed (null when blank). */
export interface KeyedAlbum {
  key: string | null;
  draft: AlbumDraft;
}
export interface KeyedTrack {
  key: string | null;
  number: number | null;
  draft: TrackDraft;
}

/** Where problems name their column: the headings as found in the file. */
export interface GroupHeadings {
  albumKey: { album: string | null; tracks: string | null };
  trackNumber: string | null;
  isrc: string | null;
}

/** Keys match as the registrant sees them: full-width and case do not matter (A1 = a1 = Ａ１). */
export const albumKeyOf = (key: string): string => key.normalize('NFKC').trim().toLowerCase();

const compactIsrc = (isrc: string): string => isrc.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();

/** Sorts by 曲目序號 (file order where missing) and reports a number used twice in the album. */
function orderTracks(tracks: readonly KeyedTrack[], headings: GroupHeadings, key: string | null, problems: ImportProblem[]): TrackDraft[] {
  const numberRows = new Map<number, number>();
  const numbered = tracks.map((track, index) => {
    const number = track.number ?? index + 1;
    const other = numberRows.get(number);
    if (track.number !== null && other !== undefined) {
      problems.push({
        severity: 'error',
        scope: 'track',
        row: track.draft.row,
        column: headings.trackNumber,
        field: 'trackNumber',
        ...(key === null ? {} : { albumKey: key }),
        message: importText('duplicateTrackNumber', { number, other }),
      });
    } else {
      numberRows.set(number, track.draft.row);
    }
    return { number, track };
  });
  return numbered.sort((a, b) => a.number - b.number || a.track.draft.row - b.track.draft.row).map((n) => n.track.draft);
}

/** ISRCs of new recordings must differ across the whole file (a cited ISRC may appear in several albums). */
function checkIsrcs(groups: readonly AlbumGroup[], headings: GroupHeadings, problems: ImportProblem[]): void {
  const seen = new Map<string, { row: number; key: string | null }>();
  for (const group of groups) {
    for (const track of group.tracks) {
      if (track.cited || track.isrc === null) {
        continue;
      }
      const compact = compactIsrc(track.isrc);
      const other = seen.get(compact);
      if (other === undefined) {
        seen.set(compact, { row: track.row, key: group.key });
        continue;
      }
      const sameAlbum = other.key === group.key;
      problems.push({
        severity: 'error',
        scope: 'track',
        row: track.row,
        column: headings.isrc,
        field: 'isrc',
        ...(group.key === null ? {} : { albumKey: group.key }),
        message: sameAlbum
          ? importText('duplicateIsrc', { isrc: track.isrc, other: other.row })
          : importText('duplicateIsrcAcross', { isrc: track.isrc, other: other.row, key: other.key ?? '' }),
      });
    }
  }
}

/** The guide's file: one album (or none, already reported) and every track row. */
export function groupOneAlbum(album: AlbumDraft | null, tracks: readonly KeyedTrack[], headings: GroupHeadings, problems: ImportProblem[]): AlbumGroup[] {
  const groups = [{ key: null, album, tracks: orderTracks(tracks, headings, null, problems) }];
  checkIsrcs(groups, headings, problems);
  return groups;
}

/**
 * A catalogue: albums in the album sheet's order, each with the tracks naming its key. Rows without a
 * key were reported by the reader (the column is required) and are left out here.
 */
export function groupCatalogue(albums: readonly KeyedAlbum[], tracks: readonly KeyedTrack[], headings: GroupHeadings, problems: ImportProblem[]): AlbumGroup[] {
  const file = (message: ImportProblem['message'], scope: ImportProblem['scope'] = 'album'): void => {
    problems.push({ severity: 'error', scope, row: null, column: null, message });
  };
  if (albums.length > CATALOGUE_LIMITS.albums) {
    file(importText('tooManyAlbums', { count: albums.length, max: CATALOGUE_LIMITS.albums }));
  }
  if (tracks.length > CATALOGUE_LIMITS.tracks) {
    file(importText('tooManyTracks', { count: tracks.length, max: CATALOGUE_LIMITS.tracks }), 'track');
  }
  const byKey = new Map<string, { group: AlbumGroup; row: number; members: KeyedTrack[] }>();
  for (const { key, draft } of albums) {
    if (key === null) {
      continue;
    }
    const other = byKey.get(albumKeyOf(key));
    if (other !== undefined) {
      problems.push({
        severity: 'error',
        scope: 'album',
        row: draft.row,
        column: headings.albumKey.album,
        field: 'albumKey',
        albumKey: key,
        message: importText('duplicateAlbumKey', { key, other: other.row }),
      });
      continue;
    }
    byKey.set(albumKeyOf(key), { group: { key, album: draft, tracks: [] }, row: draft.row, members: [] });
  }
  for (const track of tracks) {
    if (track.key === null) {
      continue;
    }
    const entry = byKey.get(albumKeyOf(track.key));
    if (entry === undefined) {
      problems.push({
        severity: 'error',
        scope: 'track',
        row: track.draft.row,
        column: headings.albumKey.tracks,
        field: 'albumKey',
        albumKey: track.key,
        message: importText('unknownAlbumKey', { key: track.key }),
      });
      continue;
    }
    entry.members.push(track);
  }
  const groups: AlbumGroup[] = [];
  for (const entry of byKey.values()) {
    const key = entry.group.key;
    // Without a key column on the tracks sheet (reported at its heading row) no album has tracks: said once.
    if (entry.members.length === 0 && headings.albumKey.tracks !== null) {
      problems.push({
        severity: 'error',
        scope: 'album',
        row: entry.row,
        column: headings.albumKey.album,
        field: 'tracks',
        albumKey: key ?? '',
        message: importText('albumWithoutTracks', { key }),
      });
    }
    groups.push({ ...entry.group, tracks: orderTracks(entry.members, headings, key, problems) });
  }
  checkIsrcs(groups, headings, problems);
  return groups;
}
