/**
 * ISRC (ISO 3901) parsing, building and formatting.
 *
 * An ISRC is 12 characters: country code (2 letters, an IFPI-allocated
 * prefix), registrant code (3 of A-Z/0-9), year of reference (2 digits) and
 * designation code (5 digits, 00001..99999). Compact form "TWA011800001",
 * display form "TW-A01-18-00001".
 *
 * This module only checks the format. Whether the prefix is allocated or the
 * year is plausible depends on the purpose and the date; see check.ts.
 */
import { formatDesignation, isValidDesignation } from './designation.js';
import { err, ok, type Result } from './result.js';
import { normaliseCodeText, userCharacters } from './text.js';
import { formatYearOfReference } from './year.js';

export type { Result } from './result.js';

export const ISRC_LENGTH = 12;

/** An ISRC in compact form. Only produced by normaliseIsrc, buildIsrc or isIsrc. */
export type Isrc = string & { readonly __brand: 'Isrc' };

export interface IsrcParts {
  /** Two letters; an IFPI prefix rather than strictly an ISO 3166 code (e.g. QM, UK). */
  countryCode: string;
  /** Three characters of A-Z/0-9. */
  registrantCode: string;
  /** Two-digit year of assignment, 0..99; year.ts tells the century. */
  yearOfReference: number;
  /** 1..99999. */
  designation: number;
}

/** Error kinds in the order they are checked; the first failing one is reported. */
export const ISRC_ERROR_KINDS = ['empty', 'length', 'characters', 'country', 'registrant', 'year', 'designation'] as const;
export type IsrcErrorKind = (typeof ISRC_ERROR_KINDS)[number];

/**
 * Refinements of a kind, each needing its own message:
 * - zero: designation 00000 (kind 'designation')
 * - unknown-prefix / retired-prefix: country prefix not allocatable (kind 'country', check.ts)
 * - future: year of reference after the current year (kind 'year', check.ts)
 */
export const ISRC_ERROR_REASONS = ['zero', 'unknown-prefix', 'retired-prefix', 'future'] as const;
export type IsrcErrorReason = (typeof ISRC_ERROR_REASONS)[number];

export interface IsrcError {
  kind: IsrcErrorKind;
  /** kind 'length': characters left after removing the label and separators. */
  length?: number;
  /** kind 'characters': 1-based position of the first bad character in the cleaned code. */
  position?: number;
  /** kind 'characters': that character. */
  character?: string;
  /** The offending part as found (e.g. "T1", "00000", "XX"), so messages can quote it. */
  value?: string;
  reason?: IsrcErrorReason;
  /** reason 'future': the year checked against, for the message. */
  currentYear?: number;
}

/**
 * Separators people type or paste between the parts: any whitespace (incl.
 * NBSP and U+3000), hyphens and dashes (U+2010–U+2015, minus sign, small and
 * full-width hyphen-minus), plus invisible characters that ride along when
 * copying from web pages or word processors (soft hyphen, zero-width space,
 * joiners, word joiner, BOM, and the direction marks and isolates copied from
 * right-to-left text). Removing them never changes which code is meant.
 */
const SEPARATORS = /[\s\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;

/**
 * "ISRC TW…", "ISRC: TW…", "ISRC:TW…" or a bare "ISRC". Whitespace or a colon
 * after ISRC always means a label; so "ISRC A18 00001" meant as the Icelandic
 * IS-RCA-18-00001 is rejected, which is safer than reading "ISRC 12345678"
 * as a valid Icelandic code.
 */
const LABEL = /^ISRC(?:\s*:\s*|\s+|$)/u;
const LABEL_TEXT = 'ISRC';

const COMPACT_PATTERN = /^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/;

/**
 * Reduces user input to the bare characters of the code: NFKC, trim, ASCII
 * upper-case, drop an "ISRC" label and every separator. Never truncates or pads.
 */
export function cleanIsrcInput(input: string): string {
  const text = normaliseCodeText(input);
  const label = LABEL.exec(text);
  if (label !== null) {
    return text.slice(label[0].length).replace(SEPARATORS, '');
  }
  const compact = text.replace(SEPARATORS, '');
  // A label glued to the code ("ISRCTWA011800001") is only recognised when
  // the whole is too long to be a code: Icelandic codes (IS + registrant
  // "RC…") genuinely start with "ISRC" and must stay intact.
  if (text.startsWith(LABEL_TEXT) && userCharacters(compact).length > ISRC_LENGTH) {
    return compact.slice(LABEL_TEXT.length);
  }
  return compact;
}

/** Type guard for text already in canonical compact form (e.g. read back from storage). */
export function isIsrc(text: string): text is Isrc {
  return COMPACT_PATTERN.test(text) && !text.endsWith('00000');
}

/**
 * Parses any reasonable spelling of an ISRC into its compact form, or says
 * which part is wrong. Length is checked before the characters, so a code
 * that is both too long and contains a bad character reports the length.
 */
export function normaliseIsrc(input: string): Result<Isrc, IsrcError> {
  const compact = cleanIsrcInput(input);
  const chars = userCharacters(compact);
  if (chars.length === 0) {
    return err({ kind: 'empty' });
  }
  if (chars.length !== ISRC_LENGTH) {
    return err({ kind: 'length', length: chars.length });
  }
  const badIndex = chars.findIndex((c) => !/^[A-Z0-9]$/.test(c));
  if (badIndex >= 0) {
    return err({ kind: 'characters', position: badIndex + 1, character: chars[badIndex] });
  }
  const partError = segmentError(compact);
  if (partError !== undefined) {
    return err(partError);
  }
  // Always true after the checks above; the guard is what lets the type
  // system see the string as an Isrc without a cast.
  return isIsrc(compact) ? ok(compact) : err({ kind: 'characters' });
}

/** First wrong part of a 12-character code, checked in reading order. */
function segmentError(compact: string): IsrcError | undefined {
  const country = compact.slice(0, 2);
  const registrant = compact.slice(2, 5);
  const year = compact.slice(5, 7);
  const designation = compact.slice(7, 12);
  if (!/^[A-Z]{2}$/.test(country)) {
    return { kind: 'country', value: country };
  }
  if (!/^[A-Z0-9]{3}$/.test(registrant)) {
    return { kind: 'registrant', value: registrant };
  }
  if (!/^[0-9]{2}$/.test(year)) {
    return { kind: 'year', value: year };
  }
  if (!/^[0-9]{5}$/.test(designation)) {
    return { kind: 'designation', value: designation };
  }
  if (designation === '00000') {
    return { kind: 'designation', reason: 'zero', value: designation };
  }
  return undefined;
}

export function parseIsrcParts(isrc: Isrc): IsrcParts {
  return {
    countryCode: isrc.slice(0, 2),
    registrantCode: isrc.slice(2, 5),
    yearOfReference: Number(isrc.slice(5, 7)),
    designation: Number(isrc.slice(7, 12)),
  };
}

/**
 * Builds an ISRC from its parts, validating each. Codes must already be
 * upper-case: parts come from our own records, and silently fixing them here
 * would hide a bug elsewhere.
 */
export function buildIsrc(parts: IsrcParts): Result<Isrc, IsrcError> {
  const { countryCode, registrantCode, yearOfReference, designation } = parts;
  if (!/^[A-Z]{2}$/.test(countryCode)) {
    return err({ kind: 'country', value: countryCode });
  }
  if (!/^[A-Z0-9]{3}$/.test(registrantCode)) {
    return err({ kind: 'registrant', value: registrantCode });
  }
  if (!Number.isInteger(yearOfReference) || yearOfReference < 0 || yearOfReference > 99) {
    return err({ kind: 'year', value: String(yearOfReference) });
  }
  if (designation === 0) {
    return err({ kind: 'designation', reason: 'zero', value: '00000' });
  }
  if (!isValidDesignation(designation)) {
    return err({ kind: 'designation', value: String(designation) });
  }
  const compact = countryCode + registrantCode + formatYearOfReference(yearOfReference) + formatDesignation(designation);
  // As in normaliseIsrc: always true here, needed for the type.
  return isIsrc(compact) ? ok(compact) : err({ kind: 'characters' });
}

export function formatCompact(isrc: Isrc): string {
  return isrc;
}

/** Hyphenated form used on labels and in the ISRC handbook: "TW-A01-18-00001". */
export function formatDisplay(isrc: Isrc): string {
  return `${isrc.slice(0, 2)}-${isrc.slice(2, 5)}-${isrc.slice(5, 7)}-${isrc.slice(7, 12)}`;
}
