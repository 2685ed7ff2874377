/**
 * The review life of an album: draft → submitted → approved | returned → submitted …
 * Pure and browser-safe. This table is the only place that says which transition exists and who
 * may take it; "editable" and "deletable" are derived from it. The services apply a transition
 * and write its audit row in one transaction.
 */
import type { ReviewStatus } from '../shared/enums.js';

export type { ReviewStatus } from '../shared/enums.js';
export type ReviewAction = 'submit' | 'approve' | 'return';
/** Registrants report and submit; the agency decides. */
export type ReviewParty = 'registrant' | 'agency';

interface Transition {
  from: readonly ReviewStatus[];
  to: ReviewStatus;
  by: ReviewParty;
}

export const REVIEW_TRANSITIONS: Readonly<Record<ReviewAction, Transition>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'registrant' },
  approve: { from: ['submitted'], to: 'approved', by: 'agency' },
  return: { from: ['submitted'], to: 'returned', by: 'agency' },
};

/** Where every album starts; an album still here has never been submitted. */
export const INITIAL_REVIEW_STATUS: ReviewStatus = 'draft';

/** The status after `action`, or undefined when the action is not allowed from `from`. */
export function nextStatus(from: ReviewStatus, action: ReviewAction): ReviewStatus | undefined {
  const transition = REVIEW_TRANSITIONS[action];
  return transition.from.includes(from) ? transition.to : undefined;
}

/** Whether `party` is the one who takes `action` (the table's `by` column). */
export function isActionOf(action: ReviewAction, party: ReviewParty): boolean {
  return REVIEW_TRANSITIONS[action].by === party;
}

/**
 * A registrant edits an album exactly while it can still submit it: not while it is with the
 * agency, and never once approved (locked for good).
 */
export function isEditableByRegistrant(status: ReviewStatus): boolean {
  return (Object.keys(REVIEW_TRANSITIONS) as ReviewAction[]).some((action) => isActionOf(action, 'registrant') && nextStatus(status, action) !== undefined);
}

/** Only albums never submitted may be deleted: nothing of theirs has reached the agency. */
export function isDeletable(status: ReviewStatus): boolean {
  return status === INITIAL_REVIEW_STATUS;
}
