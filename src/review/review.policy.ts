import type { Actor } from '../accounts/actor.js';
import { isActionOf, type ReviewAction, type ReviewParty } from './review-state.js';

/** Pure permission checks for review; who takes which transition comes from the state table. */

export function partyOf(actor: Actor): ReviewParty {
  return actor.kind === 'member' ? 'registrant' : 'agency';
}

/** Whether the actor is the party that takes `action` (the table's `by` column). */
export function mayTake(actor: Actor, action: ReviewAction): boolean {
  return isActionOf(action, partyOf(actor));
}
