/**
 * Value formats of the DDEX export: durations, dates, titles' language and the release type. Pure.
 */
import type { AlbumType } from '../../catalog/vocabularies.js';

/**
 * Seconds as an ISO 8601 duration (xs:duration), the way DDEX messages write them: PT3M25S, PT45S,
 * PT1H2M3S. Minutes and seconds are always written below an hour so that readers that expect
 * PT#M#S find both.
 */
export function isoDuration(totalSeconds: number): string {
  if (!Number.isInteger(totalSeconds) || totalSeconds < 0) {
    throw new RangeError(`duration must be a whole number of seconds ≥ 0, got ${String(totalSeconds)}`);
  }
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `PT${String(hours)}H${String(minutes)}M${String(seconds)}S` : `PT${String(minutes)}M${String(seconds)}S`;
}

/** DDEX dates are YYYY, YYYY-MM or YYYY-MM-DD (ddex_IsoDate); anything else is left out. */
export function ddexDate(value: string | null | undefined): string | undefined {
  return value !== null && value !== undefined && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) ? value : undefined;
}

/**
 * The LanguageAndScriptCode of a title, guessed from its script, since the registry stores one title
 * per recording without its language: Japanese kana → `ja`; Han characters → `zh-Hant` (the agency
 * registers Traditional Chinese titles); Hangul → `ko`; Latin letters only → `en`. Undefined when the
 * script says nothing (digits, symbols), so the message's default applies.
 */
export function titleLanguage(title: string): string | undefined {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(title)) {
    return 'ja';
  }
  if (/\p{Script=Han}/u.test(title)) {
    return 'zh-Hant';
  }
  if (/\p{Script=Hangul}/u.test(title)) {
    return 'ko';
  }
  return /\p{Script=Latin}/u.test(title) ? 'en' : undefined;
}

export type DdexReleaseType = 'Album' | 'Single' | 'EP' | 'AudioBookRelease' | 'VideoSingle' | 'VideoAlbum';

export interface ReleaseKind {
  readonly releaseType: DdexReleaseType;
  /** ERN's compilation flags (IsMultiArtistCompilation / IsSingleArtistCompilation). */
  readonly compilation?: 'multi-artist' | 'single-artist';
  readonly soundtrack: boolean;
}

/** Each album type's release type (a `Record`, so a new album type must be mapped to compile). */
const RELEASE_TYPE_BY_ALBUM_TYPE: Readonly<Record<AlbumType, DdexReleaseType>> = {
  solo: 'Album',
  compilation: 'Album',
  single: 'Single',
  ep: 'EP',
  'best-of': 'Album',
  live: 'Album',
  soundtrack: 'Album',
  instrumental: 'Album',
  audiobook: 'AudioBookRelease',
  other: 'Album',
};

const isAlbumType = (code: string | null): code is AlbumType => code !== null && Object.hasOwn(RELEASE_TYPE_BY_ALBUM_TYPE, code);

/**
 * Our album type (專輯類型) and work category (作品類別) as an ERN 4.3 release type. Music videos are
 * VideoSingle or VideoAlbum by track count; a missing album type is an Album.
 */
export function releaseKind(albumType: string | null, isVideo: boolean, trackCount: number): ReleaseKind {
  const compilation: ReleaseKind['compilation'] = albumType === 'compilation' ? 'multi-artist' : albumType === 'best-of' ? 'single-artist' : undefined;
  const base = { soundtrack: albumType === 'soundtrack', ...(compilation === undefined ? {} : { compilation }) };
  if (isVideo) {
    return { ...base, releaseType: albumType === 'single' || trackCount === 1 ? 'VideoSingle' : 'VideoAlbum' };
  }
  return { ...base, releaseType: isAlbumType(albumType) ? RELEASE_TYPE_BY_ALBUM_TYPE[albumType] : 'Album' };
}

/** Spoken-word categories are not musical works: their recordings get SpokenWordSoundRecording. */
export function soundRecordingType(publicationCategory: string | null): 'MusicalWorkSoundRecording' | 'SpokenWordSoundRecording' {
  return publicationCategory === 'audiobook' || publicationCategory === 'speech' || publicationCategory === 'spoken-arts' ? 'SpokenWordSoundRecording' : 'MusicalWorkSoundRecording';
}
