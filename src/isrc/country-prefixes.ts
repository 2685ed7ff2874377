/**
 * ISRC country prefixes allocated by IFPI. The first two characters of an
 * ISRC are such a prefix, which is not always an ISO 3166 country (QM and QZ
 * are extra US prefixes, UK sits beside GB, ZZ is IFPI's own).
 *
 * The lists come from the generated country-prefixes.data.ts; see its header
 * for the source and date, and scripts/gen-country-prefixes.ts to refresh it.
 */
import { ALLOCATED_PREFIXES, RETIRED_PREFIXES } from './country-prefixes.data.js';

export { COUNTRY_PREFIX_SOURCE } from './country-prefixes.data.js';

/** Prefixes under which ISRCs may still be allocated. Does not contain the retired ones. */
export const COUNTRY_PREFIXES: ReadonlySet<string> = new Set(ALLOCATED_PREFIXES);

/**
 * Prefixes IFPI has withdrawn (e.g. YU, CS). Codes already issued under them
 * stay legitimate identifiers of foreign recordings; new codes must not use them.
 */
export const RETIRED_COUNTRY_PREFIXES: ReadonlySet<string> = new Set(RETIRED_PREFIXES);

/**
 * Whether IFPI has ever allocated this prefix, retired ones included, i.e.
 * whether an existing ISRC carrying it can be genuine. Exact match: pass the
 * upper-case prefix as it appears in a parsed ISRC.
 */
export function isKnownCountryPrefix(cc: string): boolean {
  return COUNTRY_PREFIXES.has(cc) || RETIRED_COUNTRY_PREFIXES.has(cc);
}

export function isRetiredCountryPrefix(cc: string): boolean {
  return RETIRED_COUNTRY_PREFIXES.has(cc);
}

/** Whether new ISRCs may be allocated under this prefix (known and not retired). */
export function isAllocatableCountryPrefix(cc: string): boolean {
  return COUNTRY_PREFIXES.has(cc);
}
