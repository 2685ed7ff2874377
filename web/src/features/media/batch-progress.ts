import { percentOf, secondsLeft } from './upload-format';
import { isFinished, type UploadItem, type UploadPhase } from './upload-queue';

export interface BatchProgress {
  files: number;
  finished: number;
  stored: number;
  refused: number;
  failed: number;
  paused: number;
  interrupted: number;
  loaded: number;
  total: number;
  percent: number;
  bytesPerSecond: number | null;
  secondsLeft: number | null;
}

/** The bar for a whole batch: bytes of all its files, and the speed of those being sent now. */
export function batchProgress(items: readonly UploadItem[]): BatchProgress {
  const count = (phase: UploadPhase) => items.filter((i) => i.phase === phase).length;
  const total = items.reduce((sum, i) => sum + i.size, 0);
  const loaded = items.reduce((sum, i) => sum + (i.phase === 'refused' || i.phase === 'failed' ? i.size : Math.min(i.loaded, i.size)), 0);
  const rates = items.filter((i) => i.phase === 'uploading' && i.bytesPerSecond !== null).map((i) => i.bytesPerSecond ?? 0);
  const bytesPerSecond = rates.length === 0 ? null : rates.reduce((a, b) => a + b, 0);
  return {
    files: items.length,
    finished: items.filter(isFinished).length,
    stored: count('stored'),
    refused: count('refused'),
    failed: count('failed'),
    paused: count('paused'),
    interrupted: count('interrupted'),
    loaded,
    total,
    percent: percentOf(loaded, total),
    bytesPerSecond,
    secondsLeft: secondsLeft(total - loaded, bytesPerSecond),
  };
}
