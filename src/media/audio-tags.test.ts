import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIsrcTag, isrcsFromNativeTags, isrcsInTagValue, readIsrcTags } from './audio-tags.js';

describe(isIsrcTag.name, () => {
  it.each([
    ['ID3v2.3', 'TSRC', true],
    ['ID3v2.4', 'TSRC', true],
    ['ID3v2.2', 'TRC', true],
    ['ID3v2.3', 'TXXX:ISRC', true],
    ['ID3v2.4', 'TXXX:isrc', true],
    ['iTunes', '----:com.apple.iTunes:ISRC', true],
    ['APEv2', 'ISRC', true],
    ['APEv2', 'Isrc', true],
    // RIFF INFO (music-metadata calls it exif): ISRC there means "source".
    ['exif', 'ISRC', false],
    ['ID3v2.3', 'TXXX:ISRC_NOTE', false],
    ['ID3v2.3', 'TIT2', false],
    ['vorbis', 'ISRC', false],
  ] as const)('%s %s → %s', (tagType, id, want) => {
    expect(isIsrcTag(tagType, id)).toBe(want);
  });
});

describe(isrcsInTagValue.name, () => {
  it.each([
    ['TWA122600001', ['TWA122600001']],
    ['TW-A12-26-00001', ['TWA122600001']],
    ['tw a12 26 00001', ['TWA122600001']],
    ['ISRC: TW-A12-26-00001', ['TWA122600001']],
    ['TWA122600001/TWA122600002', ['TWA122600001', 'TWA122600002']],
    ['TWA122600001\u0000TWA122600002', ['TWA122600001', 'TWA122600002']],
    ['TW-A12-26-00001 / TW-A12-26-00002', ['TWA122600001', 'TWA122600002']],
    ['TWA122600001; TWA122600002', ['TWA122600001', 'TWA122600002']],
    ['TWA122600001 TWA122600002', ['TWA122600001', 'TWA122600002']],
    ['TWA122600001/not a code', ['TWA122600001']],
    ['TWA122600000', []],
    ['unknown', []],
    ['', []],
  ])('%j → %j', (value, want) => {
    expect(isrcsInTagValue(value)).toEqual(want);
  });
});

describe(isrcsFromNativeTags.name, () => {
  it('keeps the ISRC fields in tag order, once each, and ignores RIFF INFO', () => {
    const native = {
      exif: [{ id: 'ISRC', value: 'TWA122600009' }],
      'ID3v2.3': [
        { id: 'TIT2', value: 'TWA122600008' },
        { id: 'TSRC', value: 'TWA122600002' },
        { id: 'TXXX:ISRC', value: 'TW-A12-26-00001' },
        { id: 'TSRC', value: 'TWA122600002' },
      ],
      APEv2: [{ id: 'ISRC', value: ['TWA122600003', 'TWA122600001'] }],
    };
    expect(isrcsFromNativeTags(native)).toEqual(['TWA122600002', 'TWA122600001', 'TWA122600003']);
  });
});

describe(readIsrcTags.name, () => {
  it('finds nothing, without throwing, in a file that is no audio', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'audio-tags-'));
    try {
      const path = join(dir, 'x.upload');
      await writeFile(path, Buffer.from('RIFF\u0004\u0000\u0000\u0000WAVEjunk', 'latin1'));
      for (const container of ['mp3', 'wav', 'mp4'] as const) {
        expect(await readIsrcTags(path, container)).toEqual([]);
      }
      expect(await readIsrcTags(join(dir, 'missing'), 'mp3')).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
