import { describe, expect, it } from 'vitest';
import { COUNTRY_PREFIXES, COUNTRY_PREFIX_SOURCE, RETIRED_COUNTRY_PREFIXES, isAllocatableCountryPrefix, isKnownCountryPrefix, isRetiredCountryPrefix } from './country-prefixes.js';

describe('country prefixes', () => {
  it.each(['TW', 'US', 'GB', 'UK', 'QM', 'QZ', 'ZZ', 'JP', 'CN', 'HK'])('%s is allocated', (cc) => {
    expect(COUNTRY_PREFIXES.has(cc)).toBe(true);
    expect(isKnownCountryPrefix(cc)).toBe(true);
    expect(isAllocatableCountryPrefix(cc)).toBe(true);
    expect(isRetiredCountryPrefix(cc)).toBe(false);
  });

  it.each(['XX', 'AA', 'QQ', 'tw', 'T', 'TWN', ''])('%j is unknown', (cc) => {
    expect(isKnownCountryPrefix(cc)).toBe(false);
    expect(isAllocatableCountryPrefix(cc)).toBe(false);
  });

  it.each(['YU', 'CS', 'PR', 'IM'])('%s is retired: known, but not allocatable', (cc) => {
    expect(RETIRED_COUNTRY_PREFIXES.has(cc)).toBe(true);
    expect(isRetiredCountryPrefix(cc)).toBe(true);
    expect(isKnownCountryPrefix(cc)).toBe(true);
    expect(isAllocatableCountryPrefix(cc)).toBe(false);
    expect(COUNTRY_PREFIXES.has(cc)).toBe(false);
  });

  it('holds only 2-letter upper-case codes, with allocated and retired disjoint', () => {
    expect(COUNTRY_PREFIXES.size).toBeGreaterThan(200);
    for (const cc of [...COUNTRY_PREFIXES, ...RETIRED_COUNTRY_PREFIXES]) {
      expect(cc).toMatch(/^[A-Z]{2}$/);
    }
    for (const cc of RETIRED_COUNTRY_PREFIXES) {
      expect(COUNTRY_PREFIXES.has(cc)).toBe(false);
    }
  });

  it('records where the data came from', () => {
    expect(COUNTRY_PREFIX_SOURCE.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
    expect(COUNTRY_PREFIX_SOURCE.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(COUNTRY_PREFIX_SOURCE.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
