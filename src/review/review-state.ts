/**
 * The review life of an album: draft → submitted → approved | returned → submitted …
 * Pure; the services apply a transition and write its audit row in one transaction.
 */
export type ReviewStatus = 'draft' | 'submitted' | 'approved' | 'returned';
export type ReviewAction = 'submit' | 'approve' | 'return';
export type ReviewActor = 'registrant' | 'agency';

interface Transition {
  from: readonly ReviewStatus[];
  to: ReviewStatus;
  by: ReviewActor;
}

export const REVIEW_TRANSITIONS: Readonly<Record<ReviewAction, Transition>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'registrant' },
  approve: { from: ['submitted'], to: 'approved', by: 'agency' },
  return: { from: ['submitted'], to: 'returned', by: 'agency' },
};

/** The status after `action`, or undefined when the action is not allowed from `from`. */
export function nextStatus(from: ReviewStatus, action: ReviewAction): ReviewStatus | undefined {
  const transition = REVIEW_TRANSITIONS[action];
  return transition.from.includes(from) ? transition.to : undefined;
}

/** A registrant edits only albums that are not with the agency and not approved (locked for good). */
export function isEditableByRegistrant(status: ReviewStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** Only albums never submitted may be deleted. */
export function isDeletable(status: ReviewStatus): boolean {
  return status === 'draft';
}

export function actionAllowedFor(action: ReviewAction, actor: ReviewActor): boolean {
  return REVIEW_TRANSITIONS[action].by === actor;
}
