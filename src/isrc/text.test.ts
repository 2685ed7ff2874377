import { describe, expect, it } from 'vitest';
import { userCharacters } from './text.js';

const segmented = (text: string): string[] => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (p) => p.segment);

describe(userCharacters.name, () => {
  it('splits ASCII as the grapheme segmenter does (printable ASCII takes a fast path), CR LF staying one character', () => {
    for (const text of ['', 'TWA012600001', 'TW-A01-26-00001 ', 'a\tb', 'x\r\ny', '\r\n', 'ISRC: US-RC1-76-07839']) {
      expect(userCharacters(text)).toEqual(segmented(text));
    }
    expect(userCharacters('x\r\ny')).toHaveLength(3);
  });

  it('counts what the user sees beyond ASCII: a combining accent or an emoji is one character', () => {
    expect(userCharacters('TWA01260000e\u0301')).toHaveLength(12);
    expect(userCharacters('TW👍')).toEqual(['T', 'W', '👍']);
  });
});
