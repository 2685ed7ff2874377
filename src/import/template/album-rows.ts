/**
 * An album (as the API returns it) in the template's cells: the export writes these rows, and the
 * importer reading them back gets the same album. Pure.
 */
import type { AlbumResponse, CreditLine, RecordingResponse } from '../../catalog/catalog.schemas.js';
import { parseDuration } from '../../catalog/formats.js';
import { ALBUM_TYPES, CREDIT_ROLES, MEDIA_FORMS, PUBLICATION_CATEGORIES, RELEASE_TYPES, VERSION_TYPES, WORK_CATEGORIES } from '../../catalog/vocabularies.js';
import { formatTemplateDate, formatTemplateDuration, joinCreditNames, vocabularyLabel, yesNoText } from './cell-values.js';
import type { ColumnKeyOf, CreditColumnKey, SheetKey, TemplateLang } from './columns.js';

export type TemplateRow<S extends SheetKey> = Partial<Record<ColumnKeyOf<S>, string>>;

export interface AlbumRows {
  album: TemplateRow<'album'>;
  tracks: TemplateRow<'tracks'>[];
}

/** One cell per role; a role given twice (older data) has its names joined. */
export function creditCells(credits: readonly CreditLine[], lang: TemplateLang): Partial<Record<CreditColumnKey, string>> {
  const byRole = new Map<CreditColumnKey, string[]>();
  for (const line of credits) {
    const role = CREDIT_ROLES.find((r) => r.code === line.role)?.code;
    if (role === undefined) {
      continue; // not a role the API accepts; cannot be stored
    }
    const key: CreditColumnKey = `credits.${role}`;
    byRole.set(key, [...(byRole.get(key) ?? []), ...line.names]);
  }
  const cells: Partial<Record<CreditColumnKey, string>> = {};
  for (const [key, names] of byRole) {
    if (names.length > 0) {
      cells[key] = joinCreditNames(names, lang);
    }
  }
  return cells;
}

const label = (terms: Parameters<typeof vocabularyLabel>[0], code: string | null, lang: TemplateLang): string | undefined => (code === null ? undefined : vocabularyLabel(terms, code, lang));

/** Drops empty cells, so the sheet shows blanks rather than empty strings. */
function filled<R extends Record<string, string | undefined>>(row: R): R {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== '')) as R;
}

export function albumCells(album: AlbumResponse, lang: TemplateLang): TemplateRow<'album'> {
  const total = album.totalDuration === null ? null : parseDuration(album.totalDuration);
  return filled<TemplateRow<'album'>>({
    releaseType: vocabularyLabel(RELEASE_TYPES, album.releaseType, lang),
    title: album.title,
    ...creditCells(album.credits, lang),
    publisher: album.publisher,
    releaseDate: album.releaseDate === null ? undefined : formatTemplateDate(album.releaseDate),
    productionCompany: album.productionCompany,
    totalDuration: total?.ok === true ? formatTemplateDuration(total.value) : undefined,
    albumType: label(ALBUM_TYPES, album.albumType, lang),
    workCategory: label(WORK_CATEGORIES, album.workCategory, lang),
    mediaForm: label(MEDIA_FORMS, album.mediaForm, lang),
    publicationCategory: label(PUBLICATION_CATEGORIES, album.publicationCategory, lang),
    introduction: album.introduction,
    retroactive: yesNoText(album.retroactive, lang),
  });
}

/** A recording's own cells on the tracks sheet (no 曲目序號 or 是否為引用). */
export function recordingCells(recording: RecordingResponse, lang: TemplateLang): TemplateRow<'tracks'> {
  return filled<TemplateRow<'tracks'>>({
    isrc: recording.isrc ?? undefined,
    title: recording.title,
    storyTitle: recording.storyTitle,
    episode: recording.episode,
    theme: recording.theme,
    playTitle: recording.playTitle,
    description: recording.description,
    ...creditCells(recording.credits, lang),
    productionCompany: recording.productionCompany,
    duration: recording.durationSeconds === null ? undefined : formatTemplateDuration(recording.durationSeconds),
    recordingDate: recording.recordingDate === null ? undefined : formatTemplateDate(recording.recordingDate),
    aiAssisted: yesNoText(recording.aiAssisted, lang),
    producedAbroad: yesNoText(recording.producedAbroad, lang),
    versionType: label(VERSION_TYPES, recording.versionType, lang),
    versionOfIsrc: recording.versionOfIsrc ?? undefined,
  });
}

/**
 * The album sheet's row and the tracks in album order. A cited track carries only what identifies
 * it (number, 是否為引用 = 是, its approved ISRC, and its title for the reader): its data belongs to
 * the recording it cites and is not imported.
 */
export function albumRows(album: AlbumResponse, lang: TemplateLang): AlbumRows {
  const tracks = [...album.tracks]
    .sort((a, b) => a.position - b.position)
    .map((track) => {
      const base = { trackNumber: String(track.position), cited: yesNoText(track.cited, lang) };
      if (track.cited) {
        return filled<TemplateRow<'tracks'>>({ ...base, isrc: track.recording.isrc ?? undefined, title: track.recording.title });
      }
      return { ...base, ...recordingCells(track.recording, lang) };
    });
  return { album: albumCells(album, lang), tracks };
}
