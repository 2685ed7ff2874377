import { describe, expect, it } from 'vitest';
import { actionAllowedFor, isDeletable, isEditableByRegistrant, nextStatus, type ReviewAction, type ReviewStatus } from './review-state.js';

const STATUSES: ReviewStatus[] = ['draft', 'submitted', 'approved', 'returned'];
const ACTIONS: ReviewAction[] = ['submit', 'approve', 'return'];

describe(nextStatus.name, () => {
  it('allows exactly the agreed transitions', () => {
    const allowed = STATUSES.flatMap((from) => ACTIONS.map((action) => [from, action, nextStatus(from, action)] as const)).filter(([, , to]) => to !== undefined);
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
    expect(actionAllowedFor('submit', 'registrant')).toBe(true);
    expect(actionAllowedFor('submit', 'agency')).toBe(false);
    expect(actionAllowedFor('approve', 'registrant')).toBe(false);
    expect(actionAllowedFor('return', 'agency')).toBe(true);
  });

  it('edits only drafts and returned albums, deletes only drafts', () => {
    expect(STATUSES.filter(isEditableByRegistrant)).toEqual(['draft', 'returned']);
    expect(STATUSES.filter(isDeletable)).toEqual(['draft']);
  });
});
