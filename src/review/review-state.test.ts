import { describe, expect, it } from 'vitest';
import { REVIEW_STATUSES } from '../shared/enums.js';
import { isActionOf, isDeletable, isEditableByRegistrant, nextStatus, REVIEW_TRANSITIONS, type ReviewAction } from './review-state.js';

const ACTIONS = Object.keys(REVIEW_TRANSITIONS) as ReviewAction[];

describe(nextStatus.name, () => {
  it('allows exactly the agreed transitions', () => {
    const allowed = REVIEW_STATUSES.flatMap((from) => ACTIONS.map((action) => [from, action, nextStatus(from, action)] as const)).filter(([, , to]) => to !== undefined);
    expect(allowed).toEqual([
      ['draft', 'submit', 'submitted'],
      ['submitted', 'approve', 'approved'],
      ['submitted', 'return', 'returned'],
      ['returned', 'submit', 'submitted'],
    ]);
  });

  it('never leaves approved', () => {
    for (const action of ACTIONS) {
      expect(nextStatus('approved', action)).toBeUndefined();
    }
  });
});

describe('who may do what', () => {
  it('registrants submit; the agency approves and returns', () => {
    expect(ACTIONS.filter((a) => isActionOf(a, 'registrant'))).toEqual(['submit']);
    expect(ACTIONS.filter((a) => isActionOf(a, 'agency'))).toEqual(['approve', 'return']);
  });

  it('derives editing from the table: only where the registrant can still submit', () => {
    expect(REVIEW_STATUSES.filter(isEditableByRegistrant)).toEqual(['draft', 'returned']);
  });

  it('deletes only albums never submitted', () => {
    expect(REVIEW_STATUSES.filter(isDeletable)).toEqual(['draft']);
  });
});
