import { describe, expect, it } from 'vitest';
import { audioExtension, isrcFromFileName, matchFiles } from './file-match';

// The server reads names after NFKC (src/media/audio-file-name.ts): the preview must agree, or a
// full-width name the server takes would never be sent.
describe('full-width file names (typed with a Chinese IME)', () => {
  it.each(['ＴＷＡ０１１８００００１．ｍｐ３', 'ＴＷ－Ａ０１－１８－００００１．ＭＰ３', 'twa011800001．mp3'])(
    'reads %s as the server does (src/media/audio-file-name.ts)',
    (name) => {
      expect(isrcFromFileName(name)).toBe('TWA011800001');
      expect(audioExtension(name)).toBe('mp3');
    },
  );

  it('matches such a file to its track', () => {
    const [result] = matchFiles(
      [{ name: 'ＴＷＡ０１１８００００１．ｗａｖ', size: 1000 }],
      [{ id: 't1', isrc: 'TWA011800001', locked: false, hasAudio: false }],
    );
    expect(result?.match).toEqual({ kind: 'matched', trackId: 't1', isrc: 'TWA011800001', replaces: false });
  });
});
