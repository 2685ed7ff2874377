/**
 * The combined ISRC check behind the public validate endpoint and the forms.
 *
 * The same finding weighs differently by purpose: when our agency allocates
 * a code, an unallocated or retired prefix or a future year would create a
 * bad identifier, so it is an error. When a registrant reports a foreign
 * recording, the code already exists and was issued elsewhere; our prefix
 * list may simply be older than the code, so we only warn and accept it.
 */
import { isKnownCountryPrefix, isRetiredCountryPrefix } from './country-prefixes.js';
import { formatDisplay, normaliseIsrc, parseIsrcParts, type IsrcError, type IsrcParts } from './isrc.js';
import { fullYearOf, isYearAfter } from './year.js';
import type { YearBeforeCode } from './code-year.js';

export type IsrcPurpose = 'allocate' | 'report-foreign';

/** `year-before-code` comes from `codeYearFinding` (it needs the code's allocation year), never from checkIsrc. */
export const ISRC_WARNING_KINDS = ['unknown-country-prefix', 'retired-country-prefix', 'future-year', 'year-before-code'] as const;
export type IsrcWarningKind = (typeof ISRC_WARNING_KINDS)[number];

export type IsrcWarning =
  | { kind: 'unknown-country-prefix'; countryCode: string }
  | { kind: 'retired-country-prefix'; countryCode: string }
  | { kind: 'future-year'; yearOfReference: number; fullYear: number; currentYear: number }
  | YearBeforeCode;

export type IsrcCheck = { valid: true; compact: string; display: string; parts: IsrcParts; warnings: IsrcWarning[] } | { valid: false; error: IsrcError; warnings: IsrcWarning[] };

export interface IsrcCheckOptions {
  purpose: IsrcPurpose;
  /** Four-digit current year, passed in so this stays pure and testable. */
  currentYear: number;
}

/** A problem found in a well-formed code: an error or a warning depending on purpose. */
interface Finding {
  error: IsrcError;
  warning: IsrcWarning;
}

function countryFinding(countryCode: string): Finding | undefined {
  if (isRetiredCountryPrefix(countryCode)) {
    return {
      error: { kind: 'country', reason: 'retired-prefix', value: countryCode },
      warning: { kind: 'retired-country-prefix', countryCode },
    };
  }
  if (!isKnownCountryPrefix(countryCode)) {
    return {
      error: { kind: 'country', reason: 'unknown-prefix', value: countryCode },
      warning: { kind: 'unknown-country-prefix', countryCode },
    };
  }
  return undefined;
}

function yearFinding(yearOfReference: number, currentYear: number): Finding | undefined {
  if (!isYearAfter(yearOfReference, currentYear)) {
    return undefined;
  }
  return {
    error: {
      kind: 'year',
      reason: 'future',
      value: String(yearOfReference).padStart(2, '0'),
      currentYear,
    },
    warning: { kind: 'future-year', yearOfReference, fullYear: fullYearOf(yearOfReference), currentYear },
  };
}

export function checkIsrc(input: string, opts: IsrcCheckOptions): IsrcCheck {
  const normalised = normaliseIsrc(input);
  if (!normalised.ok) {
    return { valid: false, error: normalised.error, warnings: [] };
  }
  const isrc = normalised.value;
  const parts = parseIsrcParts(isrc);
  // Reading order (country before year), so the first error shown is the leftmost problem.
  const findings = [countryFinding(parts.countryCode), yearFinding(parts.yearOfReference, opts.currentYear)].filter((finding): finding is Finding => finding !== undefined);
  const first = findings[0];
  if (opts.purpose === 'allocate' && first !== undefined) {
    return { valid: false, error: first.error, warnings: [] };
  }
  return {
    valid: true,
    compact: isrc,
    display: formatDisplay(isrc),
    parts,
    warnings: findings.map((finding) => finding.warning),
  };
}
