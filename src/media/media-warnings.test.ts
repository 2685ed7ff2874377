import { describe, expect, it } from 'vitest';
import { mediaWarnings } from './media-warnings.js';

const technical = { codec: 'mp3', sampleRate: 44100, channels: 2, bitRate: 128000, durationMs: 180_400 };

describe(mediaWarnings.name, () => {
  it('warns when the declared duration is more than 2 s away from the file', () => {
    const file = { technical, tagIsrcs: [] };
    expect(mediaWarnings(file, { declaredDurationSeconds: 180, expectedIsrc: null })).toEqual([]);
    expect(mediaWarnings(file, { declaredDurationSeconds: 182.4, expectedIsrc: null })).toEqual([]);
    expect(mediaWarnings(file, { declaredDurationSeconds: 183, expectedIsrc: null })).toEqual([{ code: 'duration-mismatch', detail: { declaredSeconds: 183, fileSeconds: 180.4 } }]);
    expect(mediaWarnings(file, { declaredDurationSeconds: 178, expectedIsrc: null })).toHaveLength(1);
    expect(mediaWarnings(file, { declaredDurationSeconds: null, expectedIsrc: null })).toEqual([]);
  });

  it('warns when the file has ISRC tags and none is the expected ISRC, in any spelling', () => {
    const tagged = { technical, tagIsrcs: ['TWA122600001', 'TWA122600002'] };
    expect(mediaWarnings(tagged, { declaredDurationSeconds: null, expectedIsrc: 'TW-A12-26-00002' })).toEqual([]);
    expect(mediaWarnings(tagged, { declaredDurationSeconds: null, expectedIsrc: 'TWA122600003' })).toEqual([
      { code: 'isrc-tag-mismatch', detail: { expectedIsrc: 'TWA122600003', tagIsrcs: 'TWA122600001, TWA122600002' } },
    ]);
  });

  it('says nothing about ISRCs when the file has no tags or no ISRC is expected', () => {
    expect(mediaWarnings({ technical, tagIsrcs: [] }, { declaredDurationSeconds: null, expectedIsrc: 'TWA122600003' })).toEqual([]);
    expect(mediaWarnings({ technical, tagIsrcs: ['TWA122600001'] }, { declaredDurationSeconds: null, expectedIsrc: null })).toEqual([]);
  });

  it('gives both warnings together', () => {
    const result = mediaWarnings({ technical, tagIsrcs: ['TWA122600001'] }, { declaredDurationSeconds: 100, expectedIsrc: 'TWA122600003' });
    expect(result.map((w) => w.code)).toEqual(['duration-mismatch', 'isrc-tag-mismatch']);
  });
});
