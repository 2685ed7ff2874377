/** Public API of the ISRC domain core (pure: no I/O, runs in Node and the browser). */
export { err, ok, type Result } from './result.js';
export {
  ISRC_ERROR_KINDS,
  ISRC_ERROR_REASONS,
  ISRC_LENGTH,
  buildIsrc,
  cleanIsrcInput,
  formatCompact,
  formatDisplay,
  isIsrc,
  normaliseIsrc,
  parseIsrcParts,
  type Isrc,
  type IsrcError,
  type IsrcErrorKind,
  type IsrcErrorReason,
  type IsrcParts,
} from './isrc.js';
export { COUNTRY_PREFIXES, COUNTRY_PREFIX_SOURCE, RETIRED_COUNTRY_PREFIXES, isAllocatableCountryPrefix, isKnownCountryPrefix, isRetiredCountryPrefix } from './country-prefixes.js';
export { FIRST_ISRC_YEAR, LAST_REPRESENTABLE_YEAR, calendarYearAt, formatYearOfReference, isKnownTimeZone, fullYearOf, isYearAfter, twoDigitYear } from './year.js';
export { REGISTRANT_CODE_INPUT_PATTERN, isRegistrantCode, parseRegistrantCode, suggestRegistrantCode, type RegistrantCode } from './registrant-code.js';
export { MAX_DESIGNATION, MAX_DESIGNATIONS_PER_REQUEST, MIN_DESIGNATION, formatDesignation, isValidDesignation } from './designation.js';
export { ISRC_WARNING_KINDS, checkIsrc, type IsrcCheck, type IsrcCheckOptions, type IsrcPurpose, type IsrcWarning, type IsrcWarningKind } from './check.js';
export { isrcErrorMessage, isrcWarningMessage, type IsrcLocale } from './messages.js';
export { codeYearFinding, type YearBeforeCode } from './code-year.js';
export { JUMP_CONFIRMATION_THRESHOLD, jumpLength, needsJumpConfirmation, pickDesignations, type SequenceError, type SequenceState } from './sequence.js';
