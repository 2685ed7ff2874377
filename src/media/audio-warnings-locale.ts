import type { MediaWarning } from '../db/schema/media.js';
import type { Locale } from '../shared/locale.js';
import { mediaWarningMessage } from './audio-messages.js';
import type { AudioWarning } from './track-audio.schemas.js';

/**
 * Audio warnings (not refusals) are stored and computed as a code with values; their message is
 * made for the request's language at the HTTP edge (`localiseAudioWarnings`), as error messages
 * are. The words are in audio-messages.ts.
 */

/** A warning as the API shows it (zh-TW until `localiseAudioWarnings` makes it the request's language). */
export function toAudioWarning(warning: MediaWarning, locale: Locale = 'zh-TW'): AudioWarning {
  return { code: warning.code, message: mediaWarningMessage(warning, locale), params: { ...warning.detail } };
}

function isWarningCode(code: unknown): code is MediaWarning['code'] {
  return code === 'duration-mismatch' || code === 'isrc-tag-mismatch';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Audio warnings sit in an audio object, in tracks[] of an album, or in `{ album }` (at most this deep). */
const MAX_DEPTH = 4;

function visit(value: unknown, locale: Locale, depth: number): void {
  if (depth > MAX_DEPTH) {
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      visit(item, locale, depth + 1);
    }
    return;
  }
  if (!isRecord(value)) {
    return;
  }
  const { warnings } = value;
  if (Array.isArray(warnings) && typeof value.sha256 === 'string') {
    for (const warning of warnings) {
      if (isRecord(warning) && isWarningCode(warning.code) && isRecord(warning.params)) {
        const detail = Object.fromEntries(Object.entries(warning.params).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'));
        warning.message = mediaWarningMessage({ code: warning.code, detail }, locale);
      }
    }
    return;
  }
  for (const key of ['audio', 'tracks', 'album']) {
    visit(value[key], locale, depth + 1);
  }
}

/**
 * Puts the messages of the audio warnings in a response into `locale`, in place. Album responses
 * are built in many services that know nothing of the request; this runs once before serialising.
 */
export function localiseAudioWarnings(payload: unknown, locale: Locale): void {
  if (locale !== 'zh-TW') {
    visit(payload, locale, 0);
  }
}
