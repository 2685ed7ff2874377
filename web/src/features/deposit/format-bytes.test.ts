import { describe, expect, it } from 'vitest';
import { formatBytes, shortChecksum } from './format-bytes';

describe(formatBytes.name, () => {
  it('writes bytes below a kilobyte as is and larger sizes with one decimal', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(301_311)).toBe('294 KB');
    expect(formatBytes(524_288_000)).toBe('500 MB');
  });
});

describe(shortChecksum.name, () => {
  it('keeps the first 12 hex digits', () => {
    expect(shortChecksum('a'.repeat(64))).toBe('aaaaaaaaaaaa…');
  });
});
