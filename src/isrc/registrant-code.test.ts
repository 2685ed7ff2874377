import { describe, expect, it } from 'vitest';
import { parseRegistrantCode, suggestRegistrantCode } from './registrant-code.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const BASE36 = `0123456789${LETTERS}`;
/** The letters a suggestion may use: I and O read as 1 and 0. */
const SUGGESTED_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const SUGGESTED_BASE = `0123456789${SUGGESTED_LETTERS}`;

/** A01..A99, B01..B99, …, Z99 (no I or O) written out independently of the implementation. */
function preferredBlock(): string[] {
  const codes: string[] = [];
  for (const l of SUGGESTED_LETTERS) {
    for (let n = 1; n <= 99; n++) {
      codes.push(`${l}${n < 10 ? '0' : ''}${n}`);
    }
  }
  return codes;
}

function allCodes(base = BASE36): string[] {
  const codes: string[] = [];
  for (const a of base) {
    for (const b of base) {
      for (const c of base) {
        codes.push(a + b + c);
      }
    }
  }
  return codes;
}

describe('parseRegistrantCode', () => {
  it.each([
    ['A01', 'A01'],
    ['a01', 'A01'],
    ['  z9x ', 'Z9X'],
    ['Ａ０１', 'A01'],
    ['\u3000b12\u3000', 'B12'],
    ['000', '000'],
  ])('%j is %s', (input, code) => {
    expect(parseRegistrantCode(input)).toEqual({ ok: true, value: code });
  });

  it.each(['', 'A0', 'A011', 'A-1', 'A 1', 'é01', 'ß01'])('%j is rejected', (input) => {
    expect(parseRegistrantCode(input)).toEqual({ ok: false, error: 'registrant' });
  });
});

describe('suggestRegistrantCode', () => {
  it('starts at A01', () => {
    expect(suggestRegistrantCode([])).toBe('A01');
  });

  it('skips used codes, case-insensitively and ignoring surrounding spaces', () => {
    expect(suggestRegistrantCode(['A01'])).toBe('A02');
    expect(suggestRegistrantCode(['a01', ' a02 '])).toBe('A03');
    expect(suggestRegistrantCode(['A01', 'A03'])).toBe('A02');
  });

  it('ignores junk in the used list', () => {
    expect(suggestRegistrantCode(['', 'nonsense', 'A-1'])).toBe('A01');
  });

  it('moves to B01 after A99 and keeps the A01..Z99 order', () => {
    const block = preferredBlock();
    expect(suggestRegistrantCode(block.slice(0, 99))).toBe('B01');
    const handedOut: string[] = [];
    for (let i = 0; i < block.length; i++) {
      const next = suggestRegistrantCode(handedOut);
      if (next === undefined) {
        throw new Error('ran out too early');
      }
      handedOut.push(next);
    }
    expect(handedOut).toEqual(block);
  });

  it('continues with the remaining codes in base-36 order (0-9 before A-Z)', () => {
    const used = preferredBlock();
    expect(suggestRegistrantCode(used)).toBe('000');
    expect(suggestRegistrantCode([...used, '000'])).toBe('001');
    const zeroTo9 = Array.from({ length: 10 }, (_, i) => `00${i}`);
    expect(suggestRegistrantCode([...used, ...zeroTo9])).toBe('00A');
    // A00 was not in the first block, so it comes after every code starting with a digit.
    const digitFirst = allCodes().filter((c) => /^[0-9]/.test(c));
    expect(suggestRegistrantCode([...used, ...digitFirst])).toBe('A00');
    const upToA00 = [...used, ...digitFirst, 'A00'];
    expect(suggestRegistrantCode(upToA00)).toBe('A0A');
  });

  it('never suggests a code with I or O: H99 is followed by J01, N99 by P01', () => {
    const block = preferredBlock();
    expect(suggestRegistrantCode(block.slice(0, block.indexOf('H99') + 1))).toBe('J01');
    expect(suggestRegistrantCode(block.slice(0, block.indexOf('N99') + 1))).toBe('P01');
    expect(block.some((c) => /[IO]/.test(c))).toBe(false);
    // Nothing but codes with I or O left: nothing to suggest (staff may still type one).
    expect(suggestRegistrantCode(allCodes(SUGGESTED_BASE))).toBeUndefined();
    expect(parseRegistrantCode('I01')).toEqual({ ok: true, value: 'I01' });
  });

  it('returns the last free code, then undefined when all 34^3 = 39304 codes without I or O are used', () => {
    const all = allCodes(SUGGESTED_BASE);
    expect(all).toHaveLength(39304);
    expect(suggestRegistrantCode(all.filter((c) => c !== 'ZZZ'))).toBe('ZZZ');
    expect(suggestRegistrantCode(all.filter((c) => c !== 'M42'))).toBe('M42');
    expect(suggestRegistrantCode(all)).toBeUndefined();
    expect(suggestRegistrantCode(new Set(all.map((c) => c.toLowerCase())))).toBeUndefined();
  });
});
