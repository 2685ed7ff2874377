import type { Actor } from '../accounts/actor.js';

/** Officers and administrators read and decide 登記者代碼申請. */
export function canDecideApplications(actor: Actor): boolean {
  return actor.kind === 'staff';
}

/** An applicant, or the member an approved applicant became, reads their own application. */
export function canReadOwnApplication(actor: Actor): boolean {
  return actor.kind === 'applicant' || actor.kind === 'member';
}
