import { describe, expect, it } from 'vitest';
import { buildIsrc, cleanIsrcInput, formatCompact, formatDisplay, isIsrc, normaliseIsrc, parseIsrcParts } from './isrc.js';
import type { IsrcError, IsrcParts } from './isrc.js';

const TW = 'TWA011800001';

describe('normaliseIsrc accepts common spellings', () => {
  it.each([
    ['compact', 'TWA011800001', TW],
    ['display form', 'TW-A01-18-00001', TW],
    ['lower case with spaces', 'tw a01 18 00001', TW],
    ['"ISRC " label', 'ISRC TW-A01-18-00001', TW],
    ['"ISRC:" label without space', 'ISRC:TWA011800001', TW],
    ['lower-case label, Unicode dashes', 'isrc: tw\u2013a01\u201418\u201000001', TW],
    ['label glued to the code', 'ISRCTWA011800001', TW],
    ['label glued with a hyphen', 'ISRC-TW-A01-18-00001', TW],
    ['full-width (IME) letters and digits', 'ＴＷＡ０１１８００００１', TW],
    ['full-width label, colon and hyphens', 'ＩＳＲＣ：ＴＷ－Ａ０１－１８－００００１', TW],
    ['leading and trailing spaces', '   TWA011800001  ', TW],
    ['tabs and newline around', '\tTW-A01-18-00001\n', TW],
    ['ideographic spaces', '\u3000TW\u3000A01\u300018\u300000001\u3000', TW],
    ['no-break spaces', 'TW\u00A0A01\u00A018\u00A000001', TW],
    ['minus sign and small/full-width hyphens', 'TW\u2212A01\uFE6318\uFF0D00001', TW],
    ['horizontal bar and small em dash', 'TW\u2015A01\uFE5818\u201100001', TW],
    ['zero-width space and soft hyphen from copy-paste', '\u200BTW\u00ADA01-18-00001\uFEFF', TW],
    ['direction marks and isolates copied from right-to-left text', '\u2067TW-A01-18-00001\u2069\u200E\u202B', TW],
    ['Icelandic code that starts with "ISRC"', 'ISRCA1800001', 'ISRCA1800001'],
    ['Icelandic code in display form', 'is-rca-18-00001', 'ISRCA1800001'],
    ['Icelandic code behind a label', 'ISRC ISRCA1800001', 'ISRCA1800001'],
    ['registrant with digits and letters', 'us-s1z-99-99999', 'USS1Z9999999'],
  ])('%s: %j', (_name, input, expected) => {
    expect(normaliseIsrc(input)).toEqual({ ok: true, value: expected });
  });
});

describe('normaliseIsrc rejects, naming the wrong part', () => {
  it.each<[string, string, IsrcError]>([
    ['empty string', '', { kind: 'empty' }],
    ['only spaces', ' \u3000 ', { kind: 'empty' }],
    ['only separators', ' - – ', { kind: 'empty' }],
    ['only a label', 'ISRC:', { kind: 'empty' }],
    ['bare label', 'isrc', { kind: 'empty' }],
    ['11 characters (never padded)', 'TWA01180001', { kind: 'length', length: 11 }],
    ['13 characters (never truncated)', 'TWA0118000011', { kind: 'length', length: 13 }],
    ['13 characters in display form', 'TW-A01-18-000011', { kind: 'length', length: 13 }],
    ['label + 11 characters', 'ISRC TWA01180001', { kind: 'length', length: 11 }],
    ['TWA-1', 'TWA-1', { kind: 'length', length: 4 }],
    ['length is reported before bad characters', 'TWA0118#00011', { kind: 'length', length: 13 }],
    ['characters counted as the user sees them (emoji is 1)', 'TWA01180000\u{1F600}1', { kind: 'length', length: 13 }],
    ['digit in country code', 'T1A011800001', { kind: 'country', value: 'T1' }],
    ['punctuation', 'TWA0118.0001', { kind: 'characters', position: 8, character: '.' }],
    ['underscore as separator', 'TW_A01180001', { kind: 'characters', position: 3, character: '_' }],
    ['accented letter is not upper-cased into ASCII', 'twaé11800001', { kind: 'characters', position: 4, character: 'é' }],
    ['emoji in a 12-character code', 'TWA01180000\u{1F600}', { kind: 'characters', position: 12, character: '\u{1F600}' }],
    ['letter in year', 'TWA01A800001', { kind: 'year', value: 'A8' }],
    ['letter in designation', 'TWA0118A0001', { kind: 'designation', value: 'A0001' }],
    ['designation 00000', 'TWA011800000', { kind: 'designation', reason: 'zero', value: '00000' }],
    ['designation 00000 in display form', 'TW-A01-18-00000', { kind: 'designation', reason: 'zero', value: '00000' }],
  ])('%s: %j', (_name, input, expected) => {
    expect(normaliseIsrc(input)).toEqual({ ok: false, error: expected });
  });

  it('checks the parts left to right', () => {
    // Country, year and designation are all wrong: the country is reported.
    expect(normaliseIsrc('12A01AB0000C')).toEqual({ ok: false, error: { kind: 'country', value: '12' } });
    expect(normaliseIsrc('TWA01AB0000C')).toEqual({ ok: false, error: { kind: 'year', value: 'AB' } });
  });

  it('does not turn "ß" into "SS" to make up a valid code', () => {
    const result = normaliseIsrc('ßA011800001');
    expect(result.ok).toBe(false);
  });
});

describe('cleanIsrcInput', () => {
  it('removes label and separators but keeps every other character', () => {
    expect(cleanIsrcInput(' isrc: tw-a01 18/00001 ')).toBe('TWA0118/00001');
  });
});

describe('parts and formatting', () => {
  const parts: IsrcParts = { countryCode: 'TW', registrantCode: 'A01', yearOfReference: 18, designation: 1 };

  it('builds, parses and formats', () => {
    const built = buildIsrc(parts);
    expect(built).toEqual({ ok: true, value: TW });
    if (!built.ok) {
      return;
    }
    expect(formatCompact(built.value)).toBe('TWA011800001');
    expect(formatDisplay(built.value)).toBe('TW-A01-18-00001');
    expect(parseIsrcParts(built.value)).toEqual(parts);
  });

  it('pads year and designation', () => {
    const built = buildIsrc({ countryCode: 'GB', registrantCode: '0A9', yearOfReference: 5, designation: 42 });
    expect(built).toEqual({ ok: true, value: 'GB0A90500042' });
  });

  it.each<[string, Partial<IsrcParts>, IsrcError]>([
    ['lower-case country', { countryCode: 'tw' }, { kind: 'country', value: 'tw' }],
    ['3-letter country', { countryCode: 'TWN' }, { kind: 'country', value: 'TWN' }],
    ['short registrant', { registrantCode: 'A0' }, { kind: 'registrant', value: 'A0' }],
    ['registrant with hyphen', { registrantCode: 'A-1' }, { kind: 'registrant', value: 'A-1' }],
    ['year 100', { yearOfReference: 100 }, { kind: 'year', value: '100' }],
    ['year -1', { yearOfReference: -1 }, { kind: 'year', value: '-1' }],
    ['fractional year', { yearOfReference: 1.5 }, { kind: 'year', value: '1.5' }],
    ['designation 0', { designation: 0 }, { kind: 'designation', reason: 'zero', value: '00000' }],
    ['designation 100000', { designation: 100000 }, { kind: 'designation', value: '100000' }],
    ['fractional designation', { designation: 2.5 }, { kind: 'designation', value: '2.5' }],
  ])('buildIsrc rejects %s', (_name, change, expected) => {
    expect(buildIsrc({ ...parts, ...change })).toEqual({ ok: false, error: expected });
  });

  it('isIsrc only accepts canonical compact codes', () => {
    expect(isIsrc(TW)).toBe(true);
    expect(isIsrc('TW-A01-18-00001')).toBe(false);
    expect(isIsrc('twa011800001')).toBe(false);
    expect(isIsrc('TWA011800000')).toBe(false);
    expect(isIsrc('TWA0118000011')).toBe(false);
  });
});
