import { describe, expect, it } from 'vitest';
import { audioChangeRefusal, audioExtensionOf, audioUploadAllowed, downloadName } from './track-audio.policy.js';

describe(audioChangeRefusal.name, () => {
  it.each([
    ['draft', false, 'upload', undefined],
    ['draft', true, 'upload', undefined],
    ['draft', true, 'delete', undefined],
    ['returned', true, 'upload', undefined],
    ['submitted', true, 'upload', undefined],
    ['submitted', true, 'delete', undefined],
    ['approved', false, 'upload', undefined],
    ['approved', true, 'upload', 'AUDIO_LOCKED'],
    ['approved', true, 'delete', 'AUDIO_LOCKED'],
  ] as const)('%s album, track has audio: %s, %s → %s', (status, hasAudio, change, expected) => {
    expect(audioChangeRefusal({ status, deposited: false }, hasAudio, change)).toBe(expected);
  });

  it('changes nothing once the audio is deposited', () => {
    expect(audioChangeRefusal({ status: 'approved', deposited: true }, false, 'upload')).toBe('AUDIO_DEPOSITED');
    expect(audioUploadAllowed({ status: 'approved', deposited: true })).toBe(false);
    expect(audioUploadAllowed({ status: 'approved', deposited: false })).toBe(true);
  });
});

describe(audioExtensionOf.name, () => {
  it.each([
    ['song.mp3', 'mp3'],
    ['母帶.WAV', 'wav'],
    ['clip.final.Mp4 ', 'mp4'],
    ['song.m4a', undefined],
    ['song.mp3.exe', undefined],
    ['mp3', undefined],
    ['', undefined],
  ])('%s → %s', (name, expected) => {
    expect(audioExtensionOf(name)).toBe(expected);
  });
});

describe(downloadName.name, () => {
  it('names the file by the ISRC, or by the position while there is none', () => {
    expect(downloadName('TWA122600001', 3, 'wav')).toBe('TWA122600001.wav');
    expect(downloadName(null, 3, 'mp3')).toBe('track-3.mp3');
  });
});
