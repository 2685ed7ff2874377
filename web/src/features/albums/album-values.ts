import type { AlbumFields, AlbumResponse } from '../../../../src/catalog/catalog.schemas.js';
import { ALBUM_FORM_FIELDS } from '../../../../src/catalog/field-labels.js';
import { formatDuration, formatPartialDate, parseDuration, parsePartialDate } from '../../../../src/catalog/formats.js';
import {
  ALBUM_DEFAULT_ROLES,
  ALBUM_TYPES,
  MEDIA_FORMS,
  PUBLICATION_CATEGORIES,
  RELEASE_TYPES,
  WORK_CATEGORIES,
} from '../../../../src/catalog/vocabularies.js';
import { codeOrNull } from './catalog-locale';
import { toCreditLines, toCreditRows, type CreditRow } from './credits';
import { textOrNull } from './validators';

/** The album form as typed: dates and durations as text, empty selects undefined. */
export interface AlbumFormValues {
  releaseType: string;
  title: string;
  credits: CreditRow[];
  publisher: string;
  releaseDate: string;
  productionCompany: string;
  totalDuration: string;
  albumType?: string;
  workCategory?: string;
  mediaForm?: string;
  publicationCategory?: string;
  introduction: string;
  retroactive: boolean;
}

/** Every field the form shows, for placing the server's field errors. */
export { ALBUM_FORM_FIELDS };

export function toAlbumFormValues(album: AlbumResponse): AlbumFormValues {
  return {
    releaseType: album.releaseType,
    title: album.title,
    credits: toCreditRows(album.credits, ALBUM_DEFAULT_ROLES),
    publisher: album.publisher,
    releaseDate: album.releaseDate === null ? '' : formatPartialDate(album.releaseDate),
    productionCompany: album.productionCompany,
    totalDuration: album.totalDuration ?? '',
    albumType: album.albumType ?? undefined,
    workCategory: album.workCategory ?? undefined,
    mediaForm: album.mediaForm ?? undefined,
    publicationCategory: album.publicationCategory ?? undefined,
    introduction: album.introduction,
    retroactive: album.retroactive,
  };
}

/** The PATCH body: everything the form holds (a draft may leave anything empty). */
export function toAlbumFields(values: AlbumFormValues): AlbumFields {
  const releaseDate = textOrNull(values.releaseDate);
  const parsedDate = releaseDate === null ? null : parsePartialDate(releaseDate);
  return {
    releaseType: codeOrNull(RELEASE_TYPES, values.releaseType) ?? undefined,
    title: values.title ?? '',
    credits: toCreditLines(values.credits),
    publisher: values.publisher ?? '',
    releaseDate: parsedDate === null ? null : parsedDate.ok ? parsedDate.value : releaseDate,
    productionCompany: values.productionCompany ?? '',
    totalDuration: textOrNull(values.totalDuration),
    albumType: codeOrNull(ALBUM_TYPES, values.albumType),
    workCategory: codeOrNull(WORK_CATEGORIES, values.workCategory),
    mediaForm: codeOrNull(MEDIA_FORMS, values.mediaForm),
    publicationCategory: codeOrNull(PUBLICATION_CATEGORIES, values.publicationCategory),
    introduction: values.introduction ?? '',
    retroactive: values.retroactive,
  };
}

/** 2026-3-9 → 2026.03.09 and 245 → 0:04:05 once the field is left, when the text is valid. */
export function tidyPartialDate(text: string): string | undefined {
  const parsed = parsePartialDate(text);
  return parsed.ok ? formatPartialDate(parsed.value) : undefined;
}

export function tidyDuration(text: string): string | undefined {
  const parsed = parseDuration(text);
  return parsed.ok ? formatDuration(parsed.value) : undefined;
}
