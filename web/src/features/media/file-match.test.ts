import { describe, expect, it } from 'vitest';
import { MAX_AUDIO_BYTES, audioExtension, isrcFromFileName, matchFiles, singleFileProblem, type MatchableTrack } from './file-match';

const track = (id: string, isrc: string | null, extra: Partial<MatchableTrack> = {}): MatchableTrack => ({
  id,
  isrc,
  locked: false,
  hasAudio: false,
  ...extra,
});
const file = (name: string, size = 1000) => ({ name, size });

describe(isrcFromFileName.name, () => {
  it.each([
    ['TWA011800001.mp3', 'TWA011800001'],
    ['twa011800001.wav', 'TWA011800001'],
    ['TW-A01-18-00001.MP4', 'TWA011800001'],
    ['ISRC TWA011800001.mp3', 'TWA011800001'],
    ['TWA011800001', 'TWA011800001'],
  ])('reads %s as %s', (name, isrc) => {
    expect(isrcFromFileName(name)).toBe(isrc);
  });

  it.each(['song.mp3', 'TWA0118000011.mp3', 'TWA011800000.mp3', '', '.mp3'])('finds no ISRC in %j', (name) => {
    expect(isrcFromFileName(name)).toBeNull();
  });
});

describe(audioExtension.name, () => {
  it('knows mp3, wav and mp4 in any case and nothing else', () => {
    expect(audioExtension('a.MP3')).toBe('mp3');
    expect(audioExtension('a.b.wav')).toBe('wav');
    expect(audioExtension('a.mp4')).toBe('mp4');
    expect(audioExtension('a.m4a')).toBeNull();
    expect(audioExtension('mp3')).toBeNull();
  });
});

describe(matchFiles.name, () => {
  const tracks = [
    track('t1', 'TWA011800001'),
    track('t2', 'TWA011800002', { hasAudio: true }),
    track('t3', 'TWA011800003', { hasAudio: true, locked: true }),
    track('t4', null),
  ];

  it('pairs each file with the track its name gives, in any spelling', () => {
    const result = matchFiles([file('tw-a01-18-00001.wav'), file('TWA011800002.mp3')], tracks);
    expect(result.map((r) => r.match)).toEqual([
      { kind: 'matched', trackId: 't1', isrc: 'TWA011800001', replaces: false },
      { kind: 'matched', trackId: 't2', isrc: 'TWA011800002', replaces: true },
    ]);
  });

  it('says why a file is not sent', () => {
    const result = matchFiles(
      [
        file('TWA011800001.flac'),
        file('TWA011800001.mp3', 0),
        file('TWA011800001.mp3', MAX_AUDIO_BYTES + 1),
        file('my song.mp3'),
        file('TWA011899999.mp3'),
        file('TWA011800003.mp3'),
        file('TWA011800001.mp3'),
        file('TWA011800001.wav'),
      ],
      tracks,
    );
    expect(result.map((r) => (r.match.kind === 'matched' ? r.match.kind : r.match.problem))).toEqual([
      'type',
      'empty',
      'size',
      'name',
      'noTrack',
      'locked',
      'matched',
      'duplicate',
    ]);
    expect(result[4]?.match).toEqual({ kind: 'unmatched', problem: 'noTrack', isrc: 'TWA011899999' });
  });

  it('accepts a file of exactly 500 MB', () => {
    expect(matchFiles([file('TWA011800001.mp3', MAX_AUDIO_BYTES)], tracks)[0]?.match.kind).toBe('matched');
  });

  it('keeps the file objects it was given', () => {
    const chosen = file('TWA011800001.mp3');
    expect(matchFiles([chosen], tracks)[0]?.file).toBe(chosen);
  });
});

describe(singleFileProblem.name, () => {
  it('checks type and size only (the track is known)', () => {
    expect(singleFileProblem(file('anything.wav'))).toBeNull();
    expect(singleFileProblem(file('a.ogg'))).toBe('type');
    expect(singleFileProblem(file('a.mp3', 0))).toBe('empty');
    expect(singleFileProblem(file('a.mp3', MAX_AUDIO_BYTES + 1))).toBe('size');
  });
});
