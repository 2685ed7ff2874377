import { describe, expect, it } from 'vitest';
import { ownIsrcExample } from './isrc-example';

describe(ownIsrcExample.name, () => {
  it("shows the registrant's own code and this year, never another registrant's", () => {
    expect(ownIsrcExample('TW', ['K7Q', 'B12'], 2026)).toEqual({ display: 'TW-K7Q-26-00001', compact: 'TWK7Q2600001' });
    expect(ownIsrcExample('TW', ['K7Q'], 2031)?.display).toBe('TW-K7Q-31-00001');
  });

  it('gives no example before the codes and the country prefix are known, nor for a registrant without a code', () => {
    expect(ownIsrcExample('TW', undefined, 2026)).toBeUndefined();
    expect(ownIsrcExample('TW', [], 2026)).toBeUndefined();
    expect(ownIsrcExample(undefined, ['K7Q'], 2026)).toBeUndefined();
  });
});
