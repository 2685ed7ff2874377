/**
 * Registrant codes: the 3 characters after the country code, allocated by the
 * national agency to each registrant (label, producer, artist).
 */
import { err, ok, type Result } from './result.js';
import { normaliseCodeText } from './text.js';

export type RegistrantCode = string & { readonly __brand: 'RegistrantCode' };

const REGISTRANT_PATTERN = /^[A-Z0-9]{3}$/;
/**
 * The pattern an API accepts for a typed registrant code (lower case is accepted and upper-cased
 * by parseRegistrantCode). One source for every schema that takes a code.
 */
export const REGISTRANT_CODE_INPUT_PATTERN = '^[A-Za-z0-9]{3}$';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Base-36 digit order: 0-9 then A-Z. */
const BASE36 = `0123456789${LETTERS}`;
/**
 * The agency never proposes a code with I or O: on labels and forms they are read as 1 and 0.
 * Such a code can still be typed by staff (e.g. one carried over from an earlier system).
 */
const LOOKALIKES = /[IO]/;

export function isRegistrantCode(text: string): text is RegistrantCode {
  return REGISTRANT_PATTERN.test(text);
}

/** Accepts typed input (full-width, lower-case, surrounding spaces) and returns the canonical code. */
export function parseRegistrantCode(input: string): Result<RegistrantCode, 'registrant'> {
  const text = normaliseCodeText(input);
  return isRegistrantCode(text) ? ok(text) : err('registrant');
}

/**
 * Letter + 01..99 (A01..Z99) is the numbering the agency hands out first, so
 * those codes come first; every other code (A00, 000, 0A1, …) follows in
 * base-36 order once that block is used up.
 */
function isPreferredCode(code: string): boolean {
  return /^[A-Z][0-9]{2}$/.test(code) && !code.endsWith('00');
}

/** Every code the agency proposes once (none with I or O), in the order it hands them out. */
function* codesInAllocationOrder(): Generator<RegistrantCode> {
  for (const letter of LETTERS) {
    for (let n = 1; n <= 99; n++) {
      const code = letter + String(n).padStart(2, '0');
      if (isRegistrantCode(code) && !LOOKALIKES.test(code)) {
        yield code;
      }
    }
  }
  for (const a of BASE36) {
    for (const b of BASE36) {
      for (const c of BASE36) {
        const code = a + b + c;
        if (!isPreferredCode(code) && isRegistrantCode(code) && !LOOKALIKES.test(code)) {
          yield code;
        }
      }
    }
  }
}

/**
 * The next free code to propose to the agency, skipping any in `used`
 * (compared case-insensitively, after the same clean-up as typed input) and
 * any with the letters I or O. The agency still decides; this is only a
 * suggestion. Undefined when all 34^3 codes without I or O are taken.
 */
export function suggestRegistrantCode(used: Iterable<string>): RegistrantCode | undefined {
  const taken = new Set<string>();
  for (const code of used) {
    taken.add(normaliseCodeText(code));
  }
  for (const code of codesInAllocationOrder()) {
    if (!taken.has(code)) {
      return code;
    }
  }
  return undefined;
}
