import { describe, expect, it } from 'vitest';
import { decodeFixityDetail, encodeFixityDetail, fixityDetailInEnglish, type FixityDetail } from './fixity-detail.js';

describe('fixity detail', () => {
  const cases: FixityDetail[] = [
    { code: 'notInStorage', params: { storageKey: 'objects/ab/abc' } },
    { code: 'unreadable', params: { bytesRead: 5, error: 'socket hang up' } },
    { code: 'mismatch', params: { expectedSize: 20, expectedSha256: 'a'.repeat(64), bytesRead: 10, computedSha256: 'b'.repeat(64) } },
  ];

  it.each(cases)('reads back what it wrote ($code)', (detail) => {
    expect(decodeFixityDetail(encodeFixityDetail(detail))).toEqual(detail);
  });

  it('reads English text recorded before the codes (and malformed JSON) as text', () => {
    expect(decodeFixityDetail('not in storage under objects/ab/abc')).toEqual({ code: 'text', params: { text: 'not in storage under objects/ab/abc' } });
    expect(decodeFixityDetail('{"code":"mismatch","params":{"bytesRead":"ten"}}')?.code).toBe('text');
    expect(decodeFixityDetail(null)).toBeNull();
  });

  it('says it in English for the console', () => {
    expect(fixityDetailInEnglish(cases[2]!)).toBe(`expected 20 bytes with SHA-256 ${'a'.repeat(64)}; read 10 bytes with SHA-256 ${'b'.repeat(64)}`);
  });
});
