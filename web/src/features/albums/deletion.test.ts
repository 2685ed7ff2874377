import { describe, expect, it } from 'vitest';
import type { TrackResponse } from '../../../../src/catalog/catalog.schemas.js';
import { savedRecording } from '../../test-support/catalog-fixtures';
import { NAMED_TRACKS, deletionTrackLines } from './deletion';

function track(position: number, overrides: Partial<TrackResponse['recording']> = {}, cited = false): TrackResponse {
  return {
    id: `t${position}`,
    position,
    cited,
    done: true,
    recording: savedRecording({ id: `r${position}`, title: `曲目 ${position}`, ...overrides }),
  };
}

describe(deletionTrackLines.name, () => {
  it('names every track deleted with the album, in album order, with its ISRC', () => {
    const lines = deletionTrackLines([track(2, { isrc: null, isrcDisplay: null }), track(1)]);
    expect(lines.shown).toEqual([
      { id: 't1', position: 1, title: '曲目 1', isrc: 'TW-A01-26-00001' },
      { id: 't2', position: 2, title: '曲目 2', isrc: null },
    ]);
    expect(lines.more).toBe(0);
    expect(lines.anyIsrc).toBe(true);
  });

  it('counts the tracks beyond the first few', () => {
    const many = Array.from({ length: NAMED_TRACKS + 3 }, (_, index) => track(index + 1));
    const lines = deletionTrackLines(many);
    expect(lines.shown).toHaveLength(NAMED_TRACKS);
    expect(lines.more).toBe(3);
  });

  it('says nothing about ISRCs staying used when only cited tracks (or none) have one', () => {
    expect(deletionTrackLines([track(1, {}, true), track(2, { isrc: null, isrcDisplay: null })]).anyIsrc).toBe(false);
    expect(deletionTrackLines([])).toEqual({ shown: [], more: 0, anyIsrc: false });
  });
});
