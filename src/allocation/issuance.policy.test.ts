import { describe, expect, it } from 'vitest';
import { REGISTRANT_KINDS } from '../shared/enums.js';
import { allowsChoice, allowsDirectAllocation, holdsRegistrantCodes, issuanceRule, type IsrcChoiceMode } from './issuance.policy.js';

const MODES: IsrcChoiceMode[] = ['none', 'next', 'own', 'foreign'];

describe(issuanceRule.name, () => {
  it('gives every kind exactly one source for new recordings: own codes or the pool', () => {
    for (const kind of REGISTRANT_KINDS) {
      const rule = issuanceRule(kind);
      expect(rule.ownCodes !== rule.poolOnSubmission).toBe(true);
    }
  });

  it('lets companies and government bodies use their own codes, individuals the pool on submission', () => {
    expect(REGISTRANT_KINDS.filter((k) => issuanceRule(k).ownCodes)).toEqual(['company', 'government']);
    expect(REGISTRANT_KINDS.filter((k) => issuanceRule(k).poolOnSubmission)).toEqual(['individual']);
  });
});

describe(allowsChoice.name, () => {
  it('offers individuals only "none" and a foreign code before submission', () => {
    expect(MODES.filter((m) => allowsChoice('individual', m))).toEqual(['none', 'foreign']);
    expect(MODES.filter((m) => allowsChoice('company', m))).toEqual(MODES);
    expect(MODES.filter((m) => allowsChoice('government', m))).toEqual(MODES);
  });
});

describe('direct allocation and registrant codes', () => {
  it('follow the own-codes column', () => {
    expect(REGISTRANT_KINDS.filter(allowsDirectAllocation)).toEqual(['company', 'government']);
    expect(REGISTRANT_KINDS.filter(holdsRegistrantCodes)).toEqual(['company', 'government']);
  });
});
