import { describe, expect, it } from 'vitest';
import { MAX_COVER_BYTES } from '../../../../src/media/covers.schemas.js';
import { coverFileProblem, formatBytes } from './cover-check';

describe(coverFileProblem.name, () => {
  it('accepts jpg, jpeg, png and gif names up to 5 MB, in any case', () => {
    for (const name of ['a.jpg', 'B.JPEG', '封面.png', 'x.Gif']) {
      expect(coverFileProblem({ name, size: MAX_COVER_BYTES })).toBeUndefined();
    }
  });

  it('refuses one byte more than 5 MB, and other kinds of file', () => {
    expect(coverFileProblem({ name: 'a.png', size: MAX_COVER_BYTES + 1 })).toBe('tooLarge');
    expect(coverFileProblem({ name: 'scan.pdf', size: 10 })).toBe('wrongType');
    expect(coverFileProblem({ name: 'cover.webp', size: 10 })).toBe('wrongType');
    expect(coverFileProblem({ name: 'png', size: 10 })).toBe('wrongType');
  });
});

describe(formatBytes.name, () => {
  it('writes KB below a megabyte and MB with one decimal above', () => {
    expect(formatBytes(200)).toBe('200 B');
    expect(formatBytes(350 * 1024)).toBe('350 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
  });
});
