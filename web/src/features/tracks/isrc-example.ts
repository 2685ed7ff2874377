import { buildIsrc, formatDisplay, twoDigitYear } from '../../../../src/isrc/index.js';

export interface IsrcExample {
  /** TW-K7Q-26-00001 */
  display: string;
  /** TWK7Q2600001 */
  compact: string;
}

/**
 * An example ISRC under the registrant's own code (its first) and the agency's current year, so
 * the track form never shows another registrant's code. Undefined until the code and the
 * country prefix are known (or for an individual, who has no code: the system assigns one).
 */
export function ownIsrcExample(countryCode: string | undefined, codes: readonly string[] | undefined, year: number): IsrcExample | undefined {
  const registrantCode = codes?.[0];
  if (countryCode === undefined || registrantCode === undefined) {
    return undefined;
  }
  const built = buildIsrc({ countryCode, registrantCode, yearOfReference: twoDigitYear(year), designation: 1 });
  return built.ok ? { display: formatDisplay(built.value), compact: built.value } : undefined;
}
