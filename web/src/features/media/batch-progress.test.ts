import { describe, expect, it } from 'vitest';
import { batchProgress } from './batch-progress';
import type { UploadItem } from './upload-queue';

describe(batchProgress.name, () => {
  const item = (over: Partial<UploadItem>): UploadItem => ({
    id: 'x',
    fileName: 'x',
    size: 1000,
    trackId: null,
    batchId: 'b',
    phase: 'queued',
    loaded: 0,
    bytesPerSecond: null,
    outcome: null,
    error: null,
    ...over,
  });

  it('adds up bytes and the speed of the files being sent', () => {
    const progress = batchProgress([
      item({ phase: 'stored', loaded: 1000 }),
      item({ phase: 'uploading', loaded: 500, bytesPerSecond: 100 }),
      item({ phase: 'uploading', loaded: 250, bytesPerSecond: 150 }),
      item({ phase: 'refused', loaded: 1000 }),
      item({ phase: 'queued' }),
    ]);
    expect(progress).toMatchObject({
      files: 5,
      finished: 2,
      stored: 1,
      refused: 1,
      loaded: 2750,
      total: 5000,
      percent: 55,
      bytesPerSecond: 250,
      secondsLeft: 9,
    });
  });

  it('counts a refused file as done with so the bar reaches 100 %', () => {
    expect(batchProgress([item({ phase: 'refused', loaded: 10 })]).percent).toBe(100);
  });

  it('has no speed or time left while nothing is being sent', () => {
    expect(batchProgress([item({ phase: 'paused', loaded: 10 })])).toMatchObject({ bytesPerSecond: null, secondsLeft: null, paused: 1 });
  });
});
