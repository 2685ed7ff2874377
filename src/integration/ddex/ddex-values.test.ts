import { describe, expect, it } from 'vitest';
import { ddexDate, isoDuration, releaseKind, soundRecordingType, titleLanguage } from './ddex-values.js';

describe(isoDuration.name, () => {
  it('writes minutes and seconds as PT#M#S', () => {
    expect(isoDuration(205)).toBe('PT3M25S');
    expect(isoDuration(45)).toBe('PT0M45S');
    expect(isoDuration(0)).toBe('PT0M0S');
    expect(isoDuration(600)).toBe('PT10M0S');
    expect(isoDuration(3599)).toBe('PT59M59S');
  });

  it('adds hours from an hour on', () => {
    expect(isoDuration(3600)).toBe('PT1H0M0S');
    expect(isoDuration(3725)).toBe('PT1H2M5S');
    expect(isoDuration(36_000 + 61)).toBe('PT10H1M1S');
  });

  it('refuses negative and fractional seconds', () => {
    expect(() => isoDuration(-1)).toThrow(RangeError);
    expect(() => isoDuration(1.5)).toThrow(RangeError);
  });
});

describe(titleLanguage.name, () => {
  it('tells Chinese, English, Japanese and Korean titles apart by script', () => {
    expect(titleLanguage('月亮代表我的心')).toBe('zh-Hant');
    expect(titleLanguage('月亮代表我的心 (The Moon Represents My Heart)')).toBe('zh-Hant');
    expect(titleLanguage('Blue Moon')).toBe('en');
    expect(titleLanguage('さくら')).toBe('ja');
    expect(titleLanguage('桜の花')).toBe('ja');
    expect(titleLanguage('사랑')).toBe('ko');
    expect(titleLanguage('1999')).toBeUndefined();
  });
});

describe(ddexDate.name, () => {
  it('keeps YYYY, YYYY-MM and YYYY-MM-DD and drops anything else', () => {
    expect(ddexDate('2026')).toBe('2026');
    expect(ddexDate('2026-05')).toBe('2026-05');
    expect(ddexDate('2026-05-01')).toBe('2026-05-01');
    expect(ddexDate('2026.05.01')).toBeUndefined();
    expect(ddexDate(null)).toBeUndefined();
  });
});

describe(releaseKind.name, () => {
  it('maps album types to ERN release types', () => {
    expect(releaseKind('solo', false, 10)).toEqual({ releaseType: 'Album', soundtrack: false });
    expect(releaseKind('single', false, 2)).toEqual({ releaseType: 'Single', soundtrack: false });
    expect(releaseKind('ep', false, 5)).toEqual({ releaseType: 'EP', soundtrack: false });
    expect(releaseKind('audiobook', false, 5)).toEqual({ releaseType: 'AudioBookRelease', soundtrack: false });
    expect(releaseKind('compilation', false, 12)).toEqual({ releaseType: 'Album', compilation: 'multi-artist', soundtrack: false });
    expect(releaseKind('best-of', false, 12)).toEqual({ releaseType: 'Album', compilation: 'single-artist', soundtrack: false });
    expect(releaseKind('soundtrack', false, 12)).toEqual({ releaseType: 'Album', soundtrack: true });
    expect(releaseKind(null, false, 1)).toEqual({ releaseType: 'Album', soundtrack: false });
    expect(releaseKind('constructor', false, 1)).toEqual({ releaseType: 'Album', soundtrack: false });
  });

  it('makes music videos VideoSingle or VideoAlbum', () => {
    expect(releaseKind('solo', true, 1)).toEqual({ releaseType: 'VideoSingle', soundtrack: false });
    expect(releaseKind('single', true, 2)).toEqual({ releaseType: 'VideoSingle', soundtrack: false });
    expect(releaseKind('solo', true, 3)).toEqual({ releaseType: 'VideoAlbum', soundtrack: false });
  });
});

describe(soundRecordingType.name, () => {
  it('marks spoken word categories', () => {
    expect(soundRecordingType('audiobook')).toBe('SpokenWordSoundRecording');
    expect(soundRecordingType('popular')).toBe('MusicalWorkSoundRecording');
    expect(soundRecordingType(null)).toBe('MusicalWorkSoundRecording');
  });
});
