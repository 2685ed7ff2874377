import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIsrc, formatCompact, formatDisplay, isIsrc, normaliseIsrc, parseIsrcParts } from './isrc.js';
import type { Isrc, IsrcParts } from './isrc.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = `0123456789${LETTERS}`;
const letter = fc.constantFrom(...LETTERS.split(''));
const alnum = fc.constantFrom(...ALNUM.split(''));
/** Characters that may legitimately be typed or pasted between the parts. */
const separator = fc.constantFrom(
  ' ',
  '\t',
  '-',
  '\u00A0',
  '\u3000',
  '\u2010',
  '\u2011',
  '\u2012',
  '\u2013',
  '\u2014',
  '\u2015',
  '\u2212',
  '\uFE58',
  '\uFE63',
  '\uFF0D',
  '\u200B',
  '\u200E',
  '\u202C',
  '\u2069',
);
const gap = fc.array(separator, { maxLength: 2 }).map((s) => s.join(''));

const partsArb: fc.Arbitrary<IsrcParts> = fc.record({
  countryCode: fc.tuple(letter, letter).map(([a, b]) => a + b),
  registrantCode: fc.tuple(alnum, alnum, alnum).map((cs) => cs.join('')),
  yearOfReference: fc.integer({ min: 0, max: 99 }),
  designation: fc.integer({ min: 1, max: 99999 }),
});

function buildOrFail(parts: IsrcParts): Isrc {
  const built = buildIsrc(parts);
  if (!built.ok) {
    throw new Error(`valid parts rejected: ${JSON.stringify(parts)} ${JSON.stringify(built.error)}`);
  }
  return built.value;
}

/** Full-width form of ASCII letters/digits, as typed with a Chinese IME in full-width mode. */
function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** Interleaves chars with gaps: gaps[0] c0 gaps[1] c1 … gaps[n]. */
function spell(chars: readonly string[], gaps: readonly string[]): string {
  return chars.map((c, i) => (gaps[i] ?? '') + c).join('') + (gaps[chars.length] ?? '');
}

/**
 * "ISRC A18 00001" (whitespace after a leading ISRC, no label) is read as a
 * label by design; only Icelandic codes with registrant RC? can hit it, so such
 * generated spellings are skipped rather than asserted either way.
 */
function looksLabelled(text: string): boolean {
  return /^ISRC[\s:]/.test(text.normalize('NFKC').trim().toUpperCase());
}

describe('normaliseIsrc properties', () => {
  it('round-trips every valid code through compact and display form', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const isrc = buildOrFail(parts);
        expect(parseIsrcParts(isrc)).toEqual(parts);
        expect(normaliseIsrc(formatCompact(isrc))).toEqual({ ok: true, value: isrc });
        expect(normaliseIsrc(formatDisplay(isrc))).toEqual({ ok: true, value: isrc });
      }),
    );
  });

  it('accepts any spelling with separators, lower case, full width and a label', () => {
    fc.assert(
      fc.property(
        partsArb,
        fc.array(gap, { minLength: 13, maxLength: 13 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom('', 'ISRC ', 'isrc:', 'ISRC: ', 'Isrc\u3000', 'ISRC'),
        (parts, gaps, lower, fullWidth, label) => {
          const isrc = buildOrFail(parts);
          const chars = isrc.split('').map((c, i) => (lower[i] === true ? c.toLowerCase() : c));
          const body = spell(chars, gaps);
          fc.pre(label !== '' || !looksLabelled(body));
          const typed = label + (fullWidth ? toFullWidth(body) : body);
          expect(normaliseIsrc(typed)).toEqual({ ok: true, value: isrc });
        },
      ),
    );
  });

  it('never accepts a string whose cleaned length is not 12', () => {
    const charsArb = fc
      .array(
        fc.oneof(
          alnum,
          alnum.map((c) => c.toLowerCase()),
        ),
        { minLength: 0, maxLength: 30 },
      )
      .filter((cs) => cs.length !== 12)
      // A leading "ISRC" is a label (see cleanIsrcInput), so it would not count.
      .filter((cs) => !cs.join('').toUpperCase().startsWith('ISRC'));
    fc.assert(
      fc.property(charsArb, fc.array(gap, { minLength: 31, maxLength: 31 }), (chars, gaps) => {
        const result = normaliseIsrc(spell(chars, gaps));
        expect(result.ok).toBe(false);
        if (result.ok) {
          return;
        }
        if (chars.length === 0) {
          expect(result.error).toEqual({ kind: 'empty' });
        } else {
          expect(result.error).toEqual({ kind: 'length', length: chars.length });
        }
      }),
    );
  });

  it('rejects a valid code with one character added', () => {
    fc.assert(
      fc.property(partsArb, alnum, fc.nat(), (parts, extra, where) => {
        const isrc = buildOrFail(parts);
        const at = where % (isrc.length + 1);
        const result = normaliseIsrc(isrc.slice(0, at) + extra + isrc.slice(at));
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.kind).toBe('length');
        }
      }),
    );
  });

  it('rejects a valid code with one character removed', () => {
    fc.assert(
      fc.property(partsArb, fc.nat(), (parts, where) => {
        const isrc = buildOrFail(parts);
        const at = where % isrc.length;
        const result = normaliseIsrc(isrc.slice(0, at) + isrc.slice(at + 1));
        expect(result).toEqual({ ok: false, error: { kind: 'length', length: 11 } });
      }),
    );
  });

  it('only ever returns canonical codes, and is idempotent', () => {
    // Valid codes with one random edit, so that both accepted and rejected
    // inputs occur often; plus arbitrary strings.
    const editable = fc.constantFrom('A', 'z', '0', '9', 'Ａ', '０', 'ß', 'é', '.', '_', '\u{1F600}', '\u0301');
    const nearlyValid = fc.tuple(partsArb, fc.constantFrom('keep', 'replace', 'insert', 'delete'), fc.nat(), editable).map(([parts, edit, where, c]) => {
      const code = formatDisplay(buildOrFail(parts));
      const at = where % code.length;
      if (edit === 'replace') {
        return code.slice(0, at) + c + code.slice(at + 1);
      }
      if (edit === 'insert') {
        return code.slice(0, at) + c + code.slice(at);
      }
      return edit === 'delete' ? code.slice(0, at) + code.slice(at + 1) : code;
    });
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(nearlyValid, fc.string({ unit: 'binary' })), (input) => {
        const result = normaliseIsrc(input);
        if (!result.ok) {
          return;
        }
        accepted++;
        expect(isIsrc(result.value)).toBe(true);
        expect(result.value).toMatch(/^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/);
        expect(normaliseIsrc(result.value)).toEqual(result);
      }),
      { numRuns: 500 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
