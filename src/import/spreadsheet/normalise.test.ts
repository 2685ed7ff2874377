import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseFreeText, normaliseText } from './cells.js';

/** The rules as they read before their fast paths: the fast paths must never change an answer. */
// eslint-disable-next-line no-control-regex -- as in cells.ts
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const slowText = (text: string): string => text.normalize('NFKC').replace(ZERO_WIDTH, '').replace(UNSTORABLE, '').trim();
const slowFreeText = (text: string): string =>
  text
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(UNSTORABLE, '')
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();

/** Characters near every rule's edges, mixed with ordinary text. */
const tricky = fc.constantFrom(
  ...[' ', '\t', '\n', '\r', '\u0000', '\u0008', '\u000b', '\u001f', '\u007f', '\u00a0', '\u3000', '\u200b', '\u200d', '\u2060', '\ufeff', '\ufffe', '\uffff'],
  ...['\ud83c', '\udfb5', '\ud83c\udfb5', 'Ａ', 'ｚ', '０', '９', '（', '）', 'ｶ', 'ﬁ', 'é', 'e\u0301', '\u1d160', '是', '否', 'K7Q', '2026.01.02', '3:45'],
);
const text = fc.array(fc.oneof(tricky, fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join(''));

describe('normaliseText and normaliseFreeText fast paths', () => {
  it('answer exactly as the full rules do, for any text', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(normaliseText(value)).toBe(slowText(value));
        expect(normaliseFreeText(value)).toBe(slowFreeText(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('still clean what the fast paths must not skip', () => {
    expect(normaliseText(' K7Q\u200b ')).toBe('K7Q');
    expect(normaliseText('ＴＷ－Ｋ７Ｑ')).toBe('TW-K7Q');
    expect(normaliseText('a\u0000b')).toBe('ab');
    expect(normaliseText('\ud83cX')).toBe('X');
    expect(normaliseFreeText('山與海（現場）\u3000ＬＩＶＥ ')).toBe('山與海（現場） LIVE');
    expect(normaliseFreeText('\ufeffTrack\u200b 1')).toBe('Track 1');
    expect(normaliseFreeText('🎵 e\u0301')).toBe('🎵 é');
  });
});
