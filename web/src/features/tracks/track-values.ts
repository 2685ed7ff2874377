import type { IsrcChoice, RecordingFields, TrackResponse } from '../../../../src/catalog/catalog.schemas.js';
import { TRACK_FORM_FIELDS } from '../../../../src/catalog/field-labels.js';
import { formatPartialDate } from '../../../../src/catalog/formats.js';
import { TRACK_DEFAULT_ROLES, VERSION_TYPES } from '../../../../src/catalog/vocabularies.js';
import { normaliseIsrc } from '../../../../src/isrc/index.js';
import { codeOrNull } from '../albums/catalog-locale';
import { toCreditLines, toCreditRows, type CreditRow } from '../albums/credits';
import { textOrNull } from '../albums/validators';

/** 自行輸入 / 下一個可用編號 / 境外錄音 ISRC (companies). */
export type IsrcMode = 'own' | 'next' | 'foreign';

/** The version select's 「否」: not a new version of another recording. */
export const NOT_A_VERSION = 'none';

export interface TrackFormValues {
  isrcMode: IsrcMode;
  isrc: string;
  registrantCode?: string;
  title: string;
  storyTitle: string;
  episode: string;
  theme: string;
  playTitle: string;
  description: string;
  credits: CreditRow[];
  productionCompany: string;
  duration: string;
  recordingDate: string;
  aiAssisted: boolean;
  producedAbroad: boolean;
  versionType: string;
  versionOfIsrc: string;
}

/** Every field the form shows, for placing the server's field errors. */
export { TRACK_FORM_FIELDS };

/** ISRC errors of the server that belong next to the ISRC input (or the original version's). */
export const TRACK_CODE_FIELDS: Readonly<Record<string, string>> = {
  ISRC_INVALID: 'isrc',
  ISRC_TAKEN: 'isrc',
  ISRC_NOT_OWN_CODE: 'isrc',
  ISRC_YEAR_IN_FUTURE: 'isrc',
  ISRC_YEAR_BEFORE_CODE: 'isrc',
  ISRC_NOT_FOREIGN: 'isrc',
  ISRC_FOREIGN_NOT_ABROAD: 'isrc',
  VERSION_SAME_ISRC: 'versionOfIsrc',
};

function modeOf(track: TrackResponse | undefined): IsrcMode {
  const source = track?.recording.isrcSource;
  return source === 'system' ? 'next' : source === 'foreign' ? 'foreign' : 'own';
}

export function toTrackFormValues(track: TrackResponse | undefined, defaults: { productionCompany: string }): TrackFormValues {
  const r = track?.recording;
  const mode = modeOf(track);
  return {
    isrcMode: mode,
    isrc: mode === 'next' ? '' : (r?.isrcDisplay ?? ''),
    title: r?.title ?? '',
    storyTitle: r?.storyTitle ?? '',
    episode: r?.episode ?? '',
    theme: r?.theme ?? '',
    playTitle: r?.playTitle ?? '',
    description: r?.description ?? '',
    credits: toCreditRows(r?.credits ?? [], TRACK_DEFAULT_ROLES),
    productionCompany: r === undefined ? defaults.productionCompany : r.productionCompany,
    duration: r?.duration ?? '',
    recordingDate: r?.recordingDate === null || r?.recordingDate === undefined ? '' : formatPartialDate(r.recordingDate),
    aiAssisted: r?.aiAssisted ?? false,
    producedAbroad: r?.producedAbroad ?? false,
    versionType: r?.versionType ?? NOT_A_VERSION,
    versionOfIsrc: r?.versionOfIsrc ?? '',
  };
}

/** The recording's fields (the ISRC goes separately). */
export function toRecordingFields(values: TrackFormValues): RecordingFields {
  const versionType = codeOrNull(VERSION_TYPES, values.versionType);
  return {
    title: values.title ?? '',
    storyTitle: values.storyTitle ?? '',
    episode: values.episode ?? '',
    theme: values.theme ?? '',
    playTitle: values.playTitle ?? '',
    description: values.description ?? '',
    credits: toCreditLines(values.credits),
    productionCompany: values.productionCompany ?? '',
    duration: textOrNull(values.duration),
    recordingDate: textOrNull(values.recordingDate),
    aiAssisted: values.aiAssisted,
    producedAbroad: values.producedAbroad,
    versionType,
    versionOfIsrc: versionType === null ? null : textOrNull(values.versionOfIsrc),
  };
}

/**
 * The ISRC to ask for: for a new track always a choice (blank input: none yet); for a saved one
 * only when it differs from what the track has (undefined: leave it).
 */
export function isrcChoiceFor(values: TrackFormValues, track: TrackResponse | undefined): IsrcChoice | undefined {
  const current = track?.recording;
  const mode = values.isrcMode;
  if (mode === 'next') {
    if (current?.isrcSource === 'system') {
      return undefined;
    }
    return values.registrantCode === undefined ? { mode: 'next' } : { mode: 'next', registrantCode: values.registrantCode };
  }
  const typed = (values.isrc ?? '').trim();
  if (typed === '') {
    if (current === undefined) {
      return { mode: 'none' };
    }
    // Cleared on purpose; a system code is kept when the other option was only looked at.
    return current.isrc === null || current.isrcSource === 'system' ? undefined : { mode: 'none' };
  }
  const normalised = normaliseIsrc(typed);
  if (current !== undefined && normalised.ok && normalised.value === current.isrc && current.isrcSource === mode) {
    return undefined;
  }
  return { mode, isrc: typed };
}
