import { describe, expect, it } from 'vitest';
import { audioExtensionHint, audioRefusalMessage } from './audio-messages.js';
import { id3v2Length, isFreeFormatMp3, otherAudioFormat } from './audio-formats.js';

const bytes = (...parts: (string | number[])[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** An Ogg page header (27 bytes, one segment) followed by the first packet's start. */
const oggPage = (packet: string | number[]): Buffer => bytes('OggS', new Array<number>(22).fill(0), [1, 30], packet);

describe(id3v2Length.name, () => {
  it('reads the synchsafe size, adds the header and a footer when flagged', () => {
    expect(id3v2Length(bytes('ID3', [3, 0, 0, 0, 0, 0x02, 0x01]))).toBe(10 + 257);
    expect(id3v2Length(bytes('ID3', [4, 0, 0x10, 0, 0, 0, 0x7f]))).toBe(10 + 127 + 10);
    // 2 MB of cover art: 0x00 0x80 ... in synchsafe bytes.
    expect(id3v2Length(bytes('ID3', [3, 0, 0, 0x01, 0x00, 0x00, 0x00]))).toBe(10 + 2 ** 21);
  });

  it('is 0 without a tag or with a size byte that is not synchsafe', () => {
    expect(id3v2Length(bytes('RIFF', [0, 0, 0, 0, 0, 0]))).toBe(0);
    expect(id3v2Length(bytes('ID3', [3, 0, 0, 0, 0, 0x80, 0]))).toBe(0);
    expect(id3v2Length(bytes('ID3'))).toBe(0);
  });
});

describe(otherAudioFormat.name, () => {
  it.each([
    [bytes('fLaC', [0, 0, 0, 0x22]), 'FLAC'],
    [oggPage([1, ...Buffer.from('vorbis')]), 'Ogg Vorbis'],
    [oggPage('OpusHead'), 'Ogg Opus'],
    [oggPage([0x7f, ...Buffer.from('FLAC')]), 'Ogg FLAC'],
    [oggPage('Speex   '), 'Ogg'],
    [bytes('FORM', [0, 0, 0, 0], 'AIFF'), 'AIFF'],
    [bytes('FORM', [0, 0, 0, 0], 'AIFC'), 'AIFF-C'],
    [bytes('RIFF', [0, 0, 0, 0], 'AVI '), 'AVI'],
    [bytes([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11]), 'WMA/WMV (ASF)'],
    [bytes([0x1a, 0x45, 0xdf, 0xa3]), 'Matroska/WebM'],
    [bytes([0xff, 0xf1, 0x50, 0x80]), 'AAC (ADTS)'],
    [bytes([0xff, 0xf9, 0x50, 0x80]), 'AAC (ADTS)'],
    [bytes([0x0b, 0x77, 0, 0]), 'AC-3 (Dolby Digital)'],
    [bytes([0x7f, 0xfe, 0x80, 0x01]), 'DTS'],
    [bytes('#!AMR\n'), 'AMR'],
    [bytes('caff'), 'CAF (Core Audio)'],
    [bytes('wvpk'), 'WavPack'],
    [bytes('MThd'), 'MIDI'],
    [bytes('riff', [0x2e, 0x91, 0xcf, 0x11, 0xa5, 0xd6, 0x28, 0xdb, 0x04, 0xc1, 0, 0]), 'Sony Wave64 (W64)'],
    [bytes('#!AMR-WB\n'), 'AMR'],
    [bytes('TTA1', [1, 0, 2, 0]), 'TTA (True Audio)'],
    [bytes('MPCK'), 'Musepack'],
    [bytes('MP+', [0x17]), 'Musepack'],
    [bytes('.RMF', [0, 0, 0, 0x12]), 'RealMedia'],
    [bytes('FLV', [1, 4, 0, 0, 0, 9]), 'FLV (Flash Video)'],
    [bytes('Creative Voice File', [0x1a, 0x1a, 0]), 'VOC (Creative Voice)'],
    [bytes([0x06, 0x0e, 0x2b, 0x34, 0x02, 0x05, 0x01, 0x01]), 'MXF'],
    [bytes([0x00, 0x00, 0x01, 0xba, 0x44]), 'MPEG-PS (MPEG program stream)'],
    [Buffer.concat([0, 188, 376].map((at) => bytes([0x47, at === 0 ? 0x40 : 0x01, 0x11, 0x10], new Array<number>(184).fill(0xff)))), 'MPEG-TS (MPEG transport stream)'],
    [Buffer.concat([0, 1, 2].map(() => bytes([0, 0, 0, 0, 0x47, 0x40, 0x11, 0x10], new Array<number>(184).fill(0xff)))), 'MPEG-TS (MPEG transport stream)'],
  ])('names %s', (head, name) => {
    expect(otherAudioFormat(head)).toBe(name);
  });

  it('leaves MPEG audio frames, RIFF WAVE, ftyp boxes and unknown bytes alone', () => {
    for (const head of [
      bytes([0xff, 0xfb, 0x90, 0x64]),
      bytes([0xff, 0xf3, 0x48, 0xc4]),
      bytes([0xff, 0xfd, 0x90, 0x64]),
      bytes('RIFF', [0, 0, 0, 0], 'WAVE'),
      bytes('FORM', [0, 0, 0, 0], '8SVX'),
      bytes([0, 0, 0, 0x20], 'ftypisom'),
      bytes([0x89], 'PNG'),
      // One sync byte is no transport stream; a `riff` without Wave64's GUID is nothing known.
      bytes([0x47, 0x40, 0x11, 0x10]),
      bytes('riff', [0, 0, 0, 0]),
      Buffer.alloc(0),
    ]) {
      expect(otherAudioFormat(head)).toBeUndefined();
    }
  });
});

describe(isFreeFormatMp3.name, () => {
  it('is a Layer III frame header with bitrate index 0 and a valid sample rate', () => {
    expect(isFreeFormatMp3(bytes([0xff, 0xfb, 0x00, 0x64]))).toBe(true);
    expect(isFreeFormatMp3(bytes([0xff, 0xf3, 0x04, 0x64]))).toBe(true);
    expect(isFreeFormatMp3(bytes([0xff, 0xfb, 0x90, 0x64]))).toBe(false);
    // Layer II in free format, a reserved sample rate, no sync.
    expect(isFreeFormatMp3(bytes([0xff, 0xfd, 0x00, 0x64]))).toBe(false);
    expect(isFreeFormatMp3(bytes([0xff, 0xfb, 0x0c, 0x64]))).toBe(false);
    expect(isFreeFormatMp3(bytes('fLaC'))).toBe(false);
  });
});

describe('the message of an other-audio-format refusal', () => {
  it('names the format in both languages, and reads well when the name is missing', () => {
    expect(audioRefusalMessage('other-audio-format', 'zh-TW', { format: 'FLAC' })).toMatch(/^這個檔案是 FLAC 格式，不是 MP3、WAV 或 MP4/);
    expect(audioRefusalMessage('other-audio-format', 'en', { format: 'Ogg Vorbis' })).toMatch(/^This file is Ogg Vorbis, not MP3, WAV or MP4/);
    expect(audioRefusalMessage('other-audio-format', 'en')).toMatch(/^This file is in another format, not MP3/);
    expect(audioRefusalMessage('quicktime', 'zh-TW')).not.toMatch(/[{}]/);
  });
});

describe('the refusal of a name with another extension for accepted content', () => {
  it('says which extension to use for .m4a, .bwf and the like, and nothing more for others', () => {
    expect(audioExtensionHint('TWA122600001.m4a', 'zh-TW')).toBe('.m4a 檔的內容就是 MP4，請將副檔名改為 .mp4 後再上傳。');
    expect(audioExtensionHint('take 3.BWF', 'en')).toBe(' A .bwf file is WAV inside: rename it to .wav and upload it again.');
    expect(audioExtensionHint('song.flac', 'en')).toBe('');
    expect(audioExtensionHint('song', 'zh-TW')).toBe('');
    expect(audioExtensionHint(undefined, 'en')).toBe('');
  });
});
