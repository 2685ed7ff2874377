import type { Actor } from '../accounts/actor.js';
import type { RequestStatus } from '../shared/enums.js';

/** Officers and administrators read and decide 登記者代碼申請. */
export function canDecideApplications(actor: Actor): boolean {
  return actor.kind === 'staff';
}

/** An applicant, or the member an approved applicant became, reads their own application. */
export function canReadOwnApplication(actor: Actor): boolean {
  return actor.kind === 'applicant' || actor.kind === 'member';
}

/** An applicant applies again only after their latest application was rejected (one pending at a time). */
export function canReapply(actor: Actor, latestStatus: RequestStatus): boolean {
  return actor.kind === 'applicant' && latestStatus === 'rejected';
}
