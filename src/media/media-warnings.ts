import type { MediaWarning } from '../db/schema/media.js';
import { normaliseIsrc } from '../isrc/index.js';
import type { AudioAnalysis } from './audio-probe.js';

/** A declared duration may differ from the file's by this much before it is worth a warning. */
export const DURATION_WARNING_SECONDS = 2;

export interface MediaExpectations {
  /** The track's duration as registered, in seconds; null when not declared. */
  declaredDurationSeconds: number | null;
  /** The ISRC the file belongs to (its track's, or its name's), in any spelling; null when unknown. */
  expectedIsrc: string | null;
}

/**
 * Warnings, not refusals: the file's duration differs from the declared one by more than 2 s, or
 * the file carries ISRC tags and none of them is the expected ISRC (a file holding two ISRCs, e.g.
 * audio and video versions, is fine when one of them matches).
 */
export function mediaWarnings(analysis: Pick<AudioAnalysis, 'technical' | 'tagIsrcs'>, expected: MediaExpectations): MediaWarning[] {
  const warnings: MediaWarning[] = [];
  const fileSeconds = analysis.technical.durationMs / 1000;
  const { declaredDurationSeconds, expectedIsrc } = expected;
  if (declaredDurationSeconds !== null && Math.abs(fileSeconds - declaredDurationSeconds) > DURATION_WARNING_SECONDS) {
    warnings.push({ code: 'duration-mismatch', detail: { declaredSeconds: declaredDurationSeconds, fileSeconds: Math.round(fileSeconds * 10) / 10 } });
  }
  if (expectedIsrc !== null && analysis.tagIsrcs.length > 0) {
    const parsed = normaliseIsrc(expectedIsrc);
    const expectedCode = parsed.ok ? parsed.value : expectedIsrc.trim().toUpperCase();
    if (!analysis.tagIsrcs.includes(expectedCode)) {
      warnings.push({ code: 'isrc-tag-mismatch', detail: { expectedIsrc: expectedCode, tagIsrcs: analysis.tagIsrcs.join(', ') } });
    }
  }
  return warnings;
}
