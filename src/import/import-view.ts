import type { TrackResponse } from '../catalog/catalog.schemas.js';
import { formatPartialDate } from '../catalog/formats.js';
import { ALBUM_TYPES, labelOf, MEDIA_FORMS, PUBLICATION_CATEGORIES, RELEASE_TYPES, VERSION_TYPES, WORK_CATEGORIES, type Term } from '../catalog/vocabularies.js';
import type { Locale } from '../shared/locale.js';
import type { ImportProblem } from './import-problems.js';
import type { ImportPreviewRow } from './import.repo.js';
import type { ImportAlbumPreview, ImportPreviewResponse, ImportTrackPreview } from './import.schemas.js';
import type { ImportDrafts } from './rows-to-drafts.js';

/** What a preview row's payload holds (jsonb), and how it is shown: dates 2026.01.02, durations m:ss, labels in the request's language. */
export interface StoredPreview {
  version: 1;
  nextAvailable: boolean;
  drafts: ImportDrafts;
  problems: ImportProblem[];
  /** The trial run's tracks by sheet row: the forecast ISRCs and the cited recordings. */
  written: { row: number; track: TrackResponse }[];
}

const label = (terms: readonly Term[], code: string | null | undefined, locale: Locale): string | null => (code === null || code === undefined ? null : labelOf(terms, code, locale));
const date = (value: string | null | undefined): string | null => (value === null || value === undefined ? null : formatPartialDate(value));

function albumOf(stored: StoredPreview, locale: Locale): ImportAlbumPreview | null {
  const draft = stored.drafts.album;
  if (draft === null) {
    return null;
  }
  const f = draft.fields;
  return {
    row: draft.row,
    releaseType: labelOf(RELEASE_TYPES, draft.releaseType, locale),
    title: f.title ?? '',
    credits: f.credits ?? [],
    publisher: f.publisher ?? '',
    releaseDate: date(f.releaseDate),
    productionCompany: f.productionCompany ?? '',
    totalDuration: f.totalDuration ?? null,
    albumType: label(ALBUM_TYPES, f.albumType, locale),
    workCategory: label(WORK_CATEGORIES, f.workCategory, locale),
    mediaForm: label(MEDIA_FORMS, f.mediaForm, locale),
    publicationCategory: label(PUBLICATION_CATEGORIES, f.publicationCategory, locale),
    introduction: f.introduction ?? '',
    retroactive: f.retroactive ?? false,
    trackCount: stored.drafts.tracks.length,
  };
}

function tracksOf(stored: StoredPreview, locale: Locale): ImportTrackPreview[] {
  const written = new Map(stored.written.map((w) => [w.row, w.track]));
  return stored.drafts.tracks.map((draft, index) => {
    const track = written.get(draft.row);
    const r = draft.cited && track !== undefined ? track.recording : undefined;
    const f = draft.recording;
    const isrc = track?.recording.isrcDisplay ?? draft.isrc;
    const isrcNote = draft.isrc === null && track !== undefined ? (track.recording.isrc !== null ? 'next-available' : 'on-submission') : null;
    return {
      row: draft.row,
      position: index + 1,
      cited: draft.cited,
      isrc,
      isrcNote,
      title: r?.title ?? f.title ?? '',
      credits: r?.credits ?? f.credits ?? [],
      productionCompany: r?.productionCompany ?? f.productionCompany ?? '',
      duration: r?.duration ?? f.duration ?? null,
      recordingDate: date(r?.recordingDate ?? f.recordingDate),
      aiAssisted: r?.aiAssisted ?? f.aiAssisted ?? false,
      producedAbroad: r?.producedAbroad ?? f.producedAbroad ?? false,
      versionType: label(VERSION_TYPES, r?.versionType ?? f.versionType, locale),
      versionOfIsrc: r?.versionOfIsrc ?? f.versionOfIsrc ?? null,
    };
  });
}

export function previewView(row: ImportPreviewRow, locale: Locale): ImportPreviewResponse {
  const stored = row.payload as StoredPreview;
  const problems = stored.problems.map((p) => ({ severity: p.severity, scope: p.scope, row: p.row, column: p.column, message: p.message[locale] }));
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    status: row.confirmedAt === null ? 'open' : 'confirmed',
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    nextAvailable: stored.nextAvailable,
    hasCover: row.coverStagingKey !== null,
    errorCount: problems.filter((p) => p.severity === 'error').length,
    warningCount: problems.filter((p) => p.severity === 'warning').length,
    problems,
    album: albumOf(stored, locale),
    tracks: tracksOf(stored, locale),
    albumIds: row.albumIds ?? null,
  };
}
