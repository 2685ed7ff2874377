import { describe, expect, it } from 'vitest';
import { citeSource } from './cite-source';

describe(citeSource.name, () => {
  it("labels the registrant's own codes 自己的 and another registrant's 他人的", () => {
    expect(citeSource({ own: true, isrcSource: 'own' })).toBe('own');
    expect(citeSource({ own: true, isrcSource: 'system' })).toBe('own');
    expect(citeSource({ own: false, isrcSource: 'system' })).toBe('others');
  });

  it('labels a recording with a foreign ISRC 境外錄音, even one the registrant reported itself', () => {
    expect(citeSource({ own: true, isrcSource: 'foreign' })).toBe('foreign');
    expect(citeSource({ own: false, isrcSource: 'foreign' })).toBe('othersForeign');
  });
});
