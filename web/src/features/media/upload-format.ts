/** Numbers of an upload as people read them: sizes, speed, time left, durations, technical data. */

import { formatBytes } from '../../../../src/shared/format-bytes.js';

export { formatBytes };

export function formatSpeed(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** Seconds as m:ss, or h:mm:ss from an hour on. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A track's duration from milliseconds, as the player shows it (1:39). */
export function formatDurationMs(ms: number): string {
  return formatClock(ms / 1000);
}

/** Seconds left at the current speed, or null while the speed is not known. */
export function secondsLeft(remainingBytes: number, bytesPerSecond: number | null): number | null {
  if (bytesPerSecond === null || bytesPerSecond <= 0) {
    return null;
  }
  return Math.ceil(Math.max(0, remainingBytes) / bytesPerSecond);
}

export function percentOf(loaded: number, total: number): number {
  if (total <= 0) {
    return 0;
  }
  return Math.min(100, Math.floor((loaded / total) * 100));
}

/** 44100 → "44.1 kHz". */
export function formatSampleRate(hz: number): string {
  const khz = hz / 1000;
  return `${Number.isInteger(khz) ? String(khz) : khz.toFixed(1)} kHz`;
}

/** 1411200 → "1411 kb/s". */
export function formatBitRate(bitsPerSecond: number): string {
  return `${Math.round(bitsPerSecond / 1000)} kb/s`;
}

interface Sample {
  at: number;
  loaded: number;
}

/**
 * Upload speed over the last few seconds: steadier than the last step alone, and quick to follow a
 * change (a dropped connection, a resumed upload). Times are passed in, so tests need no clock.
 */
export class RateMeter {
  private samples: Sample[] = [];

  constructor(
    private readonly windowMs = 5000,
    private readonly minSpanMs = 500,
  ) {}

  add(at: number, loaded: number): void {
    const last = this.samples.at(-1);
    if (last !== undefined && loaded < last.loaded) {
      // Back to an earlier offset (a resumed upload): the old samples say nothing about now.
      this.samples = [];
    }
    this.samples.push({ at, loaded });
    while (this.samples.length > 2 && (this.samples[1]?.at ?? at) <= at - this.windowMs) {
      this.samples.shift();
    }
  }

  /** Bytes per second, or null until enough time has passed to tell. */
  rate(): number | null {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (first === undefined || last === undefined || last.at - first.at < this.minSpanMs) {
      return null;
    }
    return ((last.loaded - first.loaded) * 1000) / (last.at - first.at);
  }

  reset(): void {
    this.samples = [];
  }
}
