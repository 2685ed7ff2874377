import type { RecordingResponse } from '../catalog/catalog.schemas.js';
import { formatPartialDate } from '../catalog/formats.js';
import { ALBUM_TYPES, labelOf, MEDIA_FORMS, PUBLICATION_CATEGORIES, RELEASE_TYPES, VERSION_TYPES, WORK_CATEGORIES, type Term } from '../catalog/vocabularies.js';
import type { Locale } from '../shared/locale.js';
import { albumKeyOf, type AlbumDraft, type AlbumGroup, type TrackDraft } from './group-albums.js';
import type { ImportProblem } from './import-problems.js';
import type { ImportPreviewRow } from './import.repo.js';
import { IMPORT_ALBUM_PAGE_SIZE, type ImportAlbumGroup, type ImportAlbumPreview, type ImportPreviewQuery, type ImportPreviewResponse, type ImportTrackPreview } from './import.schemas.js';
import type { ImportDrafts } from './rows-to-drafts.js';

/** What the preview shows of a track the run would write: its ISRC, and for a cited one the recording's own data. */
export type WrittenRecording = Pick<
  RecordingResponse,
  'isrc' | 'isrcDisplay' | 'title' | 'credits' | 'productionCompany' | 'duration' | 'recordingDate' | 'aiAssisted' | 'producedAbroad' | 'versionType' | 'versionOfIsrc'
>;

/** A new recording's stored part: only its ISRC (its data is the draft's). Previews stored before kept a whole WrittenRecording. */
export type WrittenIsrc = Pick<RecordingResponse, 'isrc' | 'isrcDisplay'>;

/** What a preview row's payload holds (jsonb), and how it is shown: dates 2026.01.02, durations m:ss, labels in the request's language. */
export interface StoredPreview {
  version: 2;
  nextAvailable: boolean;
  drafts: ImportDrafts;
  problems: ImportProblem[];
  /** The run's tracks by sheet row: the forecast ISRCs and the cited recordings. */
  written: { row: number; track: { recording: WrittenRecording | WrittenIsrc } }[];
}

/** The first format (one album a file), stored by previews made before catalogues; they live a day. */
interface StoredPreviewV1 {
  version: 1;
  nextAvailable: boolean;
  drafts: { album: AlbumDraft | null; tracks: TrackDraft[]; albumHeadings: Partial<Record<string, string>>; trackHeadings: Partial<Record<string, string>> };
  problems: ImportProblem[];
  written: { row: number; track: { recording: WrittenRecording | WrittenIsrc } }[];
}

/** Only what the view needs of each written track: a 5,000-track catalogue's payload stays small. */
export function writtenOf(tracks: ReadonlyMap<number, { recording: WrittenRecording }>, drafts: ImportDrafts): StoredPreview['written'] {
  const cited = new Set(drafts.albums.flatMap((g) => g.tracks.filter((t) => t.cited).map((t) => t.row)));
  return [...tracks].map(([row, track]) => {
    const r = track.recording;
    const recording: WrittenRecording | WrittenIsrc = cited.has(row)
      ? {
          isrc: r.isrc,
          isrcDisplay: r.isrcDisplay,
          title: r.title,
          credits: r.credits,
          productionCompany: r.productionCompany,
          duration: r.duration,
          recordingDate: r.recordingDate,
          aiAssisted: r.aiAssisted,
          producedAbroad: r.producedAbroad,
          versionType: r.versionType,
          versionOfIsrc: r.versionOfIsrc,
        }
      : // A new recording's data is the draft's; only the ISRC the run gave it is kept.
        { isrc: r.isrc, isrcDisplay: r.isrcDisplay };
    return { row, track: { recording } };
  });
}

/** The stored payload in the current format (a day-old first-format preview is read as one album). */
export function storedPreviewOf(row: ImportPreviewRow): StoredPreview {
  const payload = row.payload as StoredPreview | StoredPreviewV1 | null;
  if (payload === null || typeof payload !== 'object') {
    throw new Error(`import preview ${row.id} has an unknown payload`);
  }
  if (payload.version === 2) {
    return payload;
  }
  if (payload.version === 1) {
    const { album, tracks, albumHeadings, trackHeadings } = payload.drafts;
    return { ...payload, version: 2, drafts: { kind: 'album', albums: [{ key: null, album, tracks }], albumHeadings, trackHeadings } };
  }
  throw new Error(`import preview ${row.id} has an unknown payload`);
}

const label = (terms: readonly Term[], code: string | null | undefined, locale: Locale): string | null => (code === null || code === undefined ? null : labelOf(terms, code, locale));
const date = (value: string | null | undefined): string | null => (value === null || value === undefined ? null : formatPartialDate(value));

function albumOf(group: AlbumGroup, locale: Locale): ImportAlbumPreview | null {
  const draft = group.album;
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
    trackCount: group.tracks.length,
  };
}

const citedData = (recording: WrittenRecording | WrittenIsrc): recording is WrittenRecording => 'title' in recording;

function tracksOf(group: AlbumGroup, written: ReadonlyMap<number, { recording: WrittenRecording | WrittenIsrc }>, locale: Locale, poolOnSubmission: boolean): ImportTrackPreview[] {
  return group.tracks.map((draft, index) => {
    const track = written.get(draft.row);
    const r = draft.cited && track !== undefined && citedData(track.recording) ? track.recording : undefined;
    const f = draft.recording;
    const isrc = track?.recording.isrcDisplay ?? draft.isrc;
    // An empty cell: the code forecast (next available), or the pool's at 送出審核 — for those who get one then.
    const isrcNote = draft.isrc === null && track !== undefined ? (track.recording.isrc !== null ? 'next-available' : poolOnSubmission ? 'on-submission' : null) : null;
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

/** Errors and warnings per album key (a one-album file: every problem is its album's). */
function countsByAlbum(stored: StoredPreview): (group: AlbumGroup) => { errorCount: number; warningCount: number } {
  const counts = new Map<string, { errorCount: number; warningCount: number }>();
  const one = stored.drafts.kind === 'album';
  for (const p of stored.problems) {
    const id = one ? '' : p.albumKey === undefined ? undefined : albumKeyOf(p.albumKey);
    if (id === undefined) {
      continue;
    }
    const c = counts.get(id) ?? { errorCount: 0, warningCount: 0 };
    if (p.severity === 'error') {
      c.errorCount++;
    } else {
      c.warningCount++;
    }
    counts.set(id, c);
  }
  return (group) => counts.get(one || group.key === null ? '' : albumKeyOf(group.key)) ?? { errorCount: 0, warningCount: 0 };
}

/** The preview as its registrant sees it; `poolOnSubmission`: the registrant gets its ISRCs from the pool at 送出審核 (individuals). */
export function previewView(row: ImportPreviewRow, locale: Locale, poolOnSubmission: boolean, query: ImportPreviewQuery = {}): ImportPreviewResponse {
  const stored = storedPreviewOf(row);
  const problems = stored.problems.map((p) => ({ severity: p.severity, scope: p.scope, row: p.row, column: p.column, albumKey: p.albumKey ?? null, message: p.message[locale] }));
  const written = new Map(stored.written.map((w) => [w.row, w.track]));
  const groups = stored.drafts.albums;
  const pageSize = query.albumPageSize ?? IMPORT_ALBUM_PAGE_SIZE.default;
  const lastPage = Math.max(1, Math.ceil(groups.length / pageSize));
  const page = Math.min(query.albumPage ?? 1, lastPage);
  const counts = countsByAlbum(stored);
  const albums: ImportAlbumGroup[] = groups
    .slice((page - 1) * pageSize, page * pageSize)
    .map((group) => ({ key: group.key, album: albumOf(group, locale), tracks: tracksOf(group, written, locale, poolOnSubmission), ...counts(group) }));
  const [only] = groups;
  const single = stored.drafts.kind === 'album' && only !== undefined;
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
    album: single ? albumOf(only, locale) : null,
    tracks: single ? tracksOf(only, written, locale, poolOnSubmission) : [],
    albums,
    albumCount: groups.filter((g) => g.album !== null).length,
    trackCount: groups.reduce((n, g) => n + g.tracks.length, 0),
    albumPage: page,
    albumPageSize: pageSize,
    albumIds: row.albumIds ?? null,
  };
}
