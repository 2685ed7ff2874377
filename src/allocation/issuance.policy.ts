import type { RegistrantKind } from '../shared/enums.js';

/**
 * The issuance rule: per registrant kind, where its recordings' ISRCs may come from. Everything
 * that hands out, reserves or accepts an ISRC asks this one table (allocation, the track form, 送出審核,
 * registrant codes), never `kind === 'individual'`. Pure and browser-safe.
 */
export interface IssuanceRule {
  /**
   * The registrant holds registrant codes of its own: it allocates directly (next available, or a
   * batch through the API) and types its own codes (自行輸入).
   */
  readonly ownCodes: boolean;
  /** Its new recordings get codes from the agency's pool, handed out only by 送出審核, in track order. */
  readonly poolOnSubmission: boolean;
  /** A recording produced abroad keeps the ISRC it already has. */
  readonly foreign: boolean;
}

const RULES: Readonly<Record<RegistrantKind, IssuanceRule>> = {
  company: { ownCodes: true, poolOnSubmission: false, foreign: true },
  government: { ownCodes: true, poolOnSubmission: false, foreign: true },
  individual: { ownCodes: false, poolOnSubmission: true, foreign: true },
};

export function issuanceRule(kind: RegistrantKind): IssuanceRule {
  return RULES[kind];
}

/** The track form's ISRC choices: none, next available, own code, or a foreign recording's code. */
export type IsrcChoiceMode = 'none' | 'next' | 'own' | 'foreign';

/** Whether a registrant of `kind` may put an ISRC on a track this way before submission. */
export function allowsChoice(kind: RegistrantKind, mode: IsrcChoiceMode): boolean {
  const rule = RULES[kind];
  switch (mode) {
    case 'none':
      return true;
    case 'next':
    case 'own':
      return rule.ownCodes;
    case 'foreign':
      return rule.foreign;
  }
}

/** Whether the registrant may take codes outside 送出審核 (the API's /allocations and "next"). */
export function allowsDirectAllocation(kind: RegistrantKind): boolean {
  return RULES[kind].ownCodes;
}

/** Whether a code may be attached to a registrant of `kind` as one of its registrant codes. */
export function holdsRegistrantCodes(kind: RegistrantKind): boolean {
  return RULES[kind].ownCodes;
}
