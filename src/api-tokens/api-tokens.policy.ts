import type { Actor } from '../accounts/actor.js';

/**
 * Personal API tokens are for registrant members, whose labels and distributors integrate from
 * their own systems. Staff hold none: the agency's desk works through the browser, and a standing
 * credential with agency-wide reach is a risk no integration needs today. Applicants hold none.
 */
export function canHoldApiTokens(actor: Actor): boolean {
  return actor.kind === 'member';
}

/**
 * A token never mints, lists or revokes tokens: only a signed-in session may. A leaked token can
 * then be revoked by its owner without the thief having made itself another one.
 */
export function canManageApiTokens(actor: Actor): boolean {
  return canHoldApiTokens(actor) && actor.apiToken === undefined;
}
