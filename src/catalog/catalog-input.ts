import type { TSchema } from 'typebox';
import { normaliseIsrc } from '../isrc/isrc.js';
import { AppError } from '../shared/errors.js';
import { codePointLength, declaredMaxLength } from '../shared/stored-length.js';
import { cleanText } from '../shared/text.js';
import type { NewAlbumRow } from './albums.repo.js';
import { AlbumFields, CREDIT_NAME_MAX_LENGTH, CREDIT_NAME_SEPARATOR, RecordingFields, type CreditLine } from './catalog.schemas.js';
import { dateYearBounds, DATE_MAX_YEARS_AHEAD, parseDuration, parseRecordingDate, parseReleaseDate, type PartialDateError } from './formats.js';
import type { NewRecordingRow } from './tracks.repo.js';

/** Field problems found while parsing, thrown together as one VALIDATION_FAILED. */
class FieldErrors {
  readonly fields: { field: string; code: string; params?: Record<string, unknown> }[] = [];
  add(field: string, code: string, params?: Record<string, unknown>): void {
    this.fields.push(params === undefined ? { field, code } : { field, code, params });
  }
  /** A refused date: out of the years a date may name, or else not in the field's form (`formCode`). */
  addDate(field: string, error: PartialDateError, formCode: string, currentYear: number): void {
    const { earliest, latest } = dateYearBounds(currentYear);
    if (error === 'too-early') {
      this.add(field, 'dateTooEarly', { earliest });
    } else if (error === 'too-late') {
      this.add(field, 'dateTooLate', { latest, years: DATE_MAX_YEARS_AHEAD });
    } else {
      this.add(field, formCode);
    }
  }
  /**
   * The schema's length limit held on the text as stored: the request was checked before NFC,
   * which can lengthen it (U+1D160 becomes three code points). Same answer as a too-long request.
   */
  addIfTooLong(field: string, stored: string | undefined, limit: number | undefined): void {
    if (stored !== undefined && limit !== undefined && codePointLength(stored) > limit) {
      this.add(field, 'maxLength', { limit });
    }
  }
  /**
   * Each credit name as stored, under its form path (`credits.0.names.1`, as the request's): within
   * its length, and one name — 、 ; ； and line breaks separate names in the template's credit
   * cells, so a name holding one would come back from an export as several.
   */
  addCreditNames(credits: readonly CreditLine[] | undefined): void {
    credits?.forEach((line, i) =>
      line.names.forEach((name, j) => {
        const field = `credits.${i}.names.${j}`;
        const stored = cleanText(name);
        this.addIfTooLong(field, stored, CREDIT_NAME_MAX_LENGTH);
        if (CREDIT_NAME_SEPARATOR.test(stored)) {
          this.add(field, 'oneCreditName');
        }
      }),
    );
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

type AlbumTextKey = 'title' | 'publisher' | 'productionCompany' | 'introduction';
type RecordingTextKey = 'title' | 'storyTitle' | 'episode' | 'theme' | 'playTitle' | 'description' | 'productionCompany';

/** A free-text field cleaned as stored, refused when that is longer than its schema allows. */
function storedText<K extends string>(errors: FieldErrors, schema: { properties: Record<K, TSchema> }, fields: Partial<Record<K, string>>, key: K): string | undefined {
  const value = fields[key];
  const cleaned = value === undefined ? undefined : cleanText(value);
  errors.addIfTooLong(key, cleaned, declaredMaxLength(schema.properties[key]));
  return cleaned;
}

function emptyToNull(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) {
    return value;
  }
  const cleaned = cleanText(value);
  return cleaned === '' ? null : cleaned;
}

/**
 * Parses the album form into a row patch; a draft may leave anything empty. `currentYear` (the
 * agency's) bounds the release date.
 */
export function parseAlbumFields(fields: AlbumFields, currentYear: number): Partial<NewAlbumRow> {
  const errors = new FieldErrors();
  const patch: Partial<NewAlbumRow> = {};
  const set = <K extends keyof NewAlbumRow>(key: K, value: NewAlbumRow[K] | undefined) => {
    if (value !== undefined) {
      patch[key] = value;
    }
  };
  const text = (key: AlbumTextKey) => storedText(errors, AlbumFields, fields, key);
  set('releaseType', fields.releaseType);
  set('title', text('title'));
  set('publisher', text('publisher'));
  set('productionCompany', text('productionCompany'));
  set('introduction', text('introduction'));
  set('albumType', fields.albumType);
  set('workCategory', fields.workCategory);
  set('mediaForm', fields.mediaForm);
  set('publicationCategory', fields.publicationCategory);
  set('retroactive', fields.retroactive);
  errors.addCreditNames(fields.credits);
  if (fields.credits !== undefined) {
    const credits = cleanCredits(fields.credits);
    patch.credits = credits;
    patch.artistText = artistTextOf(credits);
  }
  const releaseDate = emptyToNull(fields.releaseDate);
  if (releaseDate !== undefined) {
    const parsed = releaseDate === null ? null : parseReleaseDate(releaseDate, currentYear);
    if (parsed !== null && !parsed.ok) {
      errors.addDate('releaseDate', parsed.error, 'date', currentYear);
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

/**
 * Parses the track form into a recording patch (the ISRC is set separately). `currentYear` (the
 * agency's) bounds the recording date.
 */
export function parseRecordingFields(fields: RecordingFields, currentYear: number): Partial<NewRecordingRow> {
  const errors = new FieldErrors();
  const patch: Partial<NewRecordingRow> = {};
  const set = <K extends keyof NewRecordingRow>(key: K, value: NewRecordingRow[K] | undefined) => {
    if (value !== undefined) {
      patch[key] = value;
    }
  };
  const text = (key: RecordingTextKey) => storedText(errors, RecordingFields, fields, key);
  set('title', text('title'));
  set('storyTitle', text('storyTitle'));
  set('episode', text('episode'));
  set('theme', text('theme'));
  set('playTitle', text('playTitle'));
  set('description', text('description'));
  set('productionCompany', text('productionCompany'));
  set('aiAssisted', fields.aiAssisted);
  set('producedAbroad', fields.producedAbroad);
  set('versionType', fields.versionType);
  errors.addCreditNames(fields.credits);
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
    const parsed = recordingDate === null ? null : parseRecordingDate(recordingDate, currentYear);
    if (parsed !== null && !parsed.ok) {
      errors.addDate('recordingDate', parsed.error, 'recordingDate', currentYear);
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

/** A version (版本) cannot name its own ISRC as the original. */
export function assertVersionRule(isrc: string | null, versionOfIsrc: string | null): void {
  if (isrc !== null && versionOfIsrc !== null && isrc === versionOfIsrc) {
    throw new AppError('VERSION_SAME_ISRC');
  }
}
