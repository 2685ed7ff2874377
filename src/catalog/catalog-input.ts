import { normaliseIsrc } from '../isrc/isrc.js';
import { AppError } from '../shared/errors.js';
import { cleanText } from '../shared/text.js';
import type { NewAlbumRow } from './albums.repo.js';
import type { AlbumFields, CreditLine, RecordingFields } from './catalog.schemas.js';
import { parseDuration, parsePartialDate, parseRecordingDate } from './formats.js';
import type { NewRecordingRow } from './tracks.repo.js';

/** Field problems found while parsing, thrown together as one VALIDATION_FAILED. */
class FieldErrors {
  readonly fields: { field: string; code: string }[] = [];
  add(field: string, code: string): void {
    this.fields.push({ field, code });
  }
  throwIfAny(): void {
    if (this.fields.length > 0) {
      throw new AppError('VALIDATION_FAILED', { fields: this.fields });
    }
  }
}

/** Names trimmed and NFC; empty names and roles without names dropped; order kept. */
export function cleanCredits(credits: readonly CreditLine[]): CreditLine[] {
  return credits.map((line) => ({ role: line.role, names: line.names.map(cleanText).filter((n) => n !== '') })).filter((line) => line.names.length > 0);
}

/** Performer names, for search by artist. */
export function artistTextOf(credits: readonly CreditLine[]): string {
  return credits
    .filter((c) => c.role === 'performer' || c.role === 'featured-artist')
    .flatMap((c) => c.names)
    .join(' / ');
}

function text(value: string | undefined): string | undefined {
  return value === undefined ? undefined : cleanText(value);
}

function emptyToNull(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) {
    return value;
  }
  const cleaned = cleanText(value);
  return cleaned === '' ? null : cleaned;
}

/** Parses the album form into a row patch; a draft may leave anything empty. */
export function parseAlbumFields(fields: AlbumFields): Partial<NewAlbumRow> {
  const errors = new FieldErrors();
  const patch: Partial<NewAlbumRow> = {};
  const set = <K extends keyof NewAlbumRow>(key: K, value: NewAlbumRow[K] | undefined) => {
    if (value !== undefined) {
      patch[key] = value;
    }
  };
  set('releaseType', fields.releaseType);
  set('title', text(fields.title));
  set('publisher', text(fields.publisher));
  set('productionCompany', text(fields.productionCompany));
  set('introduction', text(fields.introduction));
  set('albumType', fields.albumType);
  set('workCategory', fields.workCategory);
  set('mediaForm', fields.mediaForm);
  set('publicationCategory', fields.publicationCategory);
  set('retroactive', fields.retroactive);
  if (fields.credits !== undefined) {
    const credits = cleanCredits(fields.credits);
    patch.credits = credits;
    patch.artistText = artistTextOf(credits);
  }
  const releaseDate = emptyToNull(fields.releaseDate);
  if (releaseDate !== undefined) {
    const parsed = releaseDate === null ? null : parsePartialDate(releaseDate);
    if (parsed !== null && !parsed.ok) {
      errors.add('releaseDate', 'date');
    } else {
      patch.releaseDate = parsed === null ? null : parsed.value;
    }
  }
  const duration = emptyToNull(fields.totalDuration);
  if (duration !== undefined) {
    const parsed = duration === null ? null : parseDuration(duration);
    if (parsed !== null && !parsed.ok) {
      errors.add('totalDuration', 'duration');
    } else {
      patch.totalDurationSeconds = parsed === null ? null : parsed.value;
    }
  }
  errors.throwIfAny();
  return patch;
}

/** Parses the track form into a recording patch (the ISRC is set separately). */
export function parseRecordingFields(fields: RecordingFields): Partial<NewRecordingRow> {
  const errors = new FieldErrors();
  const patch: Partial<NewRecordingRow> = {};
  const set = <K extends keyof NewRecordingRow>(key: K, value: NewRecordingRow[K] | undefined) => {
    if (value !== undefined) {
      patch[key] = value;
    }
  };
  set('title', text(fields.title));
  set('storyTitle', text(fields.storyTitle));
  set('episode', text(fields.episode));
  set('theme', text(fields.theme));
  set('playTitle', text(fields.playTitle));
  set('description', text(fields.description));
  set('productionCompany', text(fields.productionCompany));
  set('aiAssisted', fields.aiAssisted);
  set('producedAbroad', fields.producedAbroad);
  set('versionType', fields.versionType);
  if (fields.credits !== undefined) {
    const credits = cleanCredits(fields.credits);
    patch.credits = credits;
    patch.artistText = artistTextOf(credits);
  }
  const duration = emptyToNull(fields.duration);
  if (duration !== undefined) {
    const parsed = duration === null ? null : parseDuration(duration);
    if (parsed !== null && !parsed.ok) {
      errors.add('duration', 'duration');
    } else {
      patch.durationSeconds = parsed === null ? null : parsed.value;
    }
  }
  const recordingDate = emptyToNull(fields.recordingDate);
  if (recordingDate !== undefined) {
    const parsed = recordingDate === null ? null : parseRecordingDate(recordingDate);
    if (parsed !== null && !parsed.ok) {
      errors.add('recordingDate', 'recordingDate');
    } else {
      patch.recordingDate = parsed === null ? null : parsed.value;
    }
  }
  const versionOf = emptyToNull(fields.versionOfIsrc);
  if (versionOf !== undefined) {
    const parsed = versionOf === null ? null : normaliseIsrc(versionOf);
    if (parsed !== null && !parsed.ok) {
      errors.add('versionOfIsrc', 'isrc');
    } else {
      patch.versionOfIsrc = parsed === null ? null : parsed.value;
    }
  }
  errors.throwIfAny();
  return patch;
}
