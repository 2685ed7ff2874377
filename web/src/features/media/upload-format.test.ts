import { describe, expect, it } from 'vitest';
import {
  RateMeter,
  formatBitRate,
  formatBytes,
  formatClock,
  formatDurationMs,
  formatSampleRate,
  formatSpeed,
  percentOf,
  secondsLeft,
} from './upload-format';

describe(formatBytes.name, () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KB'],
    [12.3 * 1024 * 1024, '12.3 MB'],
    [500 * 1024 * 1024, '500 MB'],
    [2.5 * 1024 ** 3, '2.5 GB'],
    [-5, '0 B'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('writes speed per second', () => {
    expect(formatSpeed(2.4 * 1024 * 1024)).toBe('2.4 MB/s');
  });
});

describe(formatClock.name, () => {
  it.each([
    [0, '0:00'],
    [9.4, '0:09'],
    [99, '1:39'],
    [3600, '1:00:00'],
    [3725, '1:02:05'],
    [-3, '0:00'],
  ])('%d s → %s', (seconds, text) => {
    expect(formatClock(seconds)).toBe(text);
  });

  it('gives durations from milliseconds', () => {
    expect(formatDurationMs(3000)).toBe('0:03');
    expect(formatDurationMs(99_499)).toBe('1:39');
  });
});

describe(secondsLeft.name, () => {
  it('divides what is left by the speed, rounding up', () => {
    expect(secondsLeft(10_000, 3000)).toBe(4);
    expect(secondsLeft(0, 3000)).toBe(0);
  });

  it('is unknown without a speed', () => {
    expect(secondsLeft(10_000, null)).toBeNull();
    expect(secondsLeft(10_000, 0)).toBeNull();
  });
});

describe(percentOf.name, () => {
  it('rounds down so 100 % means done', () => {
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(5, 0)).toBe(0);
  });
});

describe('technical data', () => {
  it('formats sample rate and bit rate', () => {
    expect(formatSampleRate(44_100)).toBe('44.1 kHz');
    expect(formatSampleRate(48_000)).toBe('48 kHz');
    expect(formatBitRate(1_411_200)).toBe('1411 kb/s');
    expect(formatBitRate(320_000)).toBe('320 kb/s');
  });
});

describe(RateMeter.name, () => {
  it('needs half a second of samples before it tells a speed', () => {
    const meter = new RateMeter();
    meter.add(0, 0);
    meter.add(400, 4000);
    expect(meter.rate()).toBeNull();
    meter.add(1000, 10_000);
    expect(meter.rate()).toBe(10_000);
  });

  it('follows the last few seconds only', () => {
    const meter = new RateMeter(5000);
    meter.add(0, 0);
    meter.add(1000, 100_000);
    for (let t = 2000; t <= 10_000; t += 1000) {
      meter.add(t, 100_000 + ((t - 1000) / 1000) * 1000);
    }
    expect(meter.rate()).toBeCloseTo(1000, 0);
  });

  it('starts afresh when the offset goes back (a resumed upload)', () => {
    const meter = new RateMeter();
    meter.add(0, 0);
    meter.add(1000, 50_000);
    meter.add(1100, 20_000);
    expect(meter.rate()).toBeNull();
  });
});
