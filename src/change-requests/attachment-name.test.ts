import { describe, expect, it } from 'vitest';
import { sanitiseFileName } from './attachment-name.js';

describe('sanitiseFileName', () => {
  it.each([
    ['a C0 control', 'a\u0001b.pdf', 'U+0001'],
    ['DEL', 'a\u007fb.pdf', 'U+007F'],
    ['a C1 control', 'a\u0085b.pdf', 'U+0085'],
    ['the last C1 control', 'a\u009fb.pdf', 'U+009F'],
    ['a right-to-left override', 'evil\u202egpj.mp3', 'U+202E'],
    ['a left-to-right embedding', 'a\u202ab.mp3', 'U+202A'],
    ['a left-to-right mark', 'a\u200eb.mp3', 'U+200E'],
    ['a right-to-left mark', 'a\u200fb.mp3', 'U+200F'],
    ['an Arabic letter mark', 'a\u061cb.mp3', 'U+061C'],
    ['a left-to-right isolate', 'a\u2066b.mp3', 'U+2066'],
    ['a pop directional isolate', 'a\u2069b.mp3', 'U+2069'],
    ['a byte-order mark', '\ufeffsong.wav', 'U+FEFF'],
    ['a lone surrogate', 'a\ud800.wav', 'U+D800'],
  ])('refuses %s and names it', (_what, raw, character) => {
    expect(sanitiseFileName(raw, 'x')).toEqual({ ok: false, character });
  });

  it.each([
    ['母帶 (最終版).WAV', '母帶 (最終版).WAV'],
    ['café\u00a0song.mp3', 'café\u00a0song.mp3'],
    ['עברית.mp3', 'עברית.mp3'],
    ['emoji 🎵.mp4', 'emoji 🎵.mp4'],
    ['a\u200db.pdf', 'a\u200db.pdf'],
    ['C:\\music\\song.mp3', 'song.mp3'],
  ])('keeps %s', (raw, name) => {
    expect(sanitiseFileName(raw, 'x')).toEqual({ ok: true, name });
  });
});
