import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDisplay, isIsrc } from '../isrc/index.js';
import { baseName, parseAudioFileName } from './audio-file-name.js';

describe(parseAudioFileName.name, () => {
  it.each([
    ['TW-A12-26-00001.mp3', 'TWA122600001', 'mp3'],
    ['twa122600001.WAV', 'TWA122600001', 'wav'],
    ['TWA122600001.Mp4', 'TWA122600001', 'mp4'],
    ['ISRC TW-A12-26-00001.mp4', 'TWA122600001', 'mp4'],
    ['ISRC:TWA122600001.mp3', 'TWA122600001', 'mp3'],
    ['TW A12 26 00001.wav', 'TWA122600001', 'wav'],
    ['tw\u2010a12\u201026\u201000001.mp3', 'TWA122600001', 'mp3'],
    ['ＴＷ－Ａ１２－２６－００００１．ｍｐ３', 'TWA122600001', 'mp3'],
    ['album/disc 1/TW-A12-26-00001.mp3', 'TWA122600001', 'mp3'],
    ['C:\\Users\\me\\Music\\TWA122600001.wav', 'TWA122600001', 'wav'],
    ['a/b\\TWA122600001.mp3', 'TWA122600001', 'mp3'],
    // Icelandic prefix IS + registrant RC…: stays a code, not a label.
    ['ISRCA1800001.mp3', 'ISRCA1800001', 'mp3'],
  ])('%j → %s .%s', (name, isrc, extension) => {
    expect(parseAudioFileName(name)).toEqual({ ok: true, isrc, extension });
  });

  it.each([
    ['TWA122600001', 'no-extension'],
    ['TWA122600001.', 'no-extension'],
    ['dir.mp3/TWA122600001', 'no-extension'],
    ['TWA122600001.flac', 'extension-not-allowed'],
    ['TWA122600001.m4a', 'extension-not-allowed'],
    ['TWA122600001.mp3.exe', 'extension-not-allowed'],
    ['.mp3', 'not-an-isrc'],
    ['TWA122600000.mp3', 'not-an-isrc'],
    ['TWA12260001.mp3', 'not-an-isrc'],
    ['TWA122600001 (1).mp3', 'not-an-isrc'],
    ['TWA122600001.final.mp3', 'not-an-isrc'],
    ['Track 01.wav', 'not-an-isrc'],
    ['../TWA122600001.wav/..', 'no-extension'],
  ])('%j → %s', (name, reason) => {
    expect(parseAudioFileName(name)).toEqual({ ok: false, reason });
  });

  const isrcArb = fc
    .tuple(fc.stringMatching(/^[A-Z]{2}$/), fc.stringMatching(/^[A-Z0-9]{3}$/), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 99999 }))
    .map(([country, registrant, year, designation]) => `${country}${registrant}${String(year).padStart(2, '0')}${String(designation).padStart(5, '0')}`);
  const extensionArb = fc.constantFrom('mp3', 'wav', 'mp4');
  const caseArb = fc.constantFrom<(s: string) => string>(
    (s) => s,
    (s) => s.toLowerCase(),
    (s) => s.toUpperCase(),
  );
  const spellingArb = fc.constantFrom<(s: string) => string>(
    (s) => s,
    (s) => (isIsrc(s) ? formatDisplay(s) : s),
    (s) => `ISRC ${s}`,
    (s) => s.toLowerCase(),
  );
  const dirArb = fc.constantFrom('', 'a/', 'a/b\\', 'C:\\x\\', '/tmp/');

  it('reads back every ISRC, in any accepted spelling, directory and extension case', () => {
    fc.assert(
      fc.property(isrcArb, spellingArb, extensionArb, caseArb, dirArb, (isrc, spell, extension, extCase, dir) => {
        expect(parseAudioFileName(`${dir}${spell(isrc)}.${extCase(extension)}`)).toEqual({ ok: true, isrc, extension });
      }),
    );
  });

  it('never accepts a name whose extension is not mp3, wav or mp4', () => {
    fc.assert(
      fc.property(isrcArb, fc.stringMatching(/^[a-z0-9]{1,5}$/), (isrc, extension) => {
        fc.pre(!['mp3', 'wav', 'mp4'].includes(extension));
        expect(parseAudioFileName(`${isrc}.${extension}`)).toEqual({ ok: false, reason: 'extension-not-allowed' });
      }),
    );
  });
});

describe(baseName.name, () => {
  it('drops both kinds of directory separators', () => {
    expect(baseName('a/b\\c.mp3')).toBe('c.mp3');
    expect(baseName('c.mp3')).toBe('c.mp3');
    expect(baseName('dir/')).toBe('');
  });
});
