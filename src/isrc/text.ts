/**
 * Text clean-up shared by the code parsers (ISRC, registrant code).
 *
 * NFKC turns what Chinese/Japanese IMEs produce in full-width mode
 * (ＴＷ０１, ideographic space U+3000) into plain ASCII, so such input is
 * accepted instead of failing on "invalid characters" the user cannot see.
 */

/**
 * Upper-cases a-z only. String#toUpperCase would also map e.g. "ß" to "SS" or
 * "ı" to "I", silently turning a non-ASCII typo into a valid-looking code;
 * leaving those alone lets validation report them instead.
 */
export function upperCaseAscii(text: string): string {
  return text.replace(/[a-z]+/g, (run) => run.toUpperCase());
}

/** NFKC, trim, ASCII upper-case: the common first step for code input. */
export function normaliseCodeText(input: string): string {
  return upperCaseAscii(input.normalize('NFKC').trim());
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Printable ASCII: every character is its own grapheme cluster. */
const PRINTABLE_ASCII = /^[ -~]*$/;

/**
 * The characters a user sees (grapheme clusters: an emoji or a letter with a
 * combining accent is one), so lengths and positions in messages match what
 * they count on screen.
 */
export function userCharacters(text: string): string[] {
  // The usual input: the segmenter costs ~20 µs a call, paid for every code of a 5,000-row import.
  if (PRINTABLE_ASCII.test(text)) {
    return text.split('');
  }
  return Array.from(graphemes.segment(text), (part) => part.segment);
}
