import type { Actor } from '../accounts/actor.js';
import { isActionOf, type ReviewAction, type ReviewParty } from './review-state.js';

/** Pure permission checks for review; who takes which transition comes from the state table. */

export function partyOf(actor: Actor): ReviewParty | undefined {
  switch (actor.kind) {
    case 'member':
      return 'registrant';
    case 'staff':
      return 'agency';
    case 'applicant':
      return undefined;
  }
}

/** Whether the actor is the party that takes `action` (the table's `by` column). */
export function mayTake(actor: Actor, action: ReviewAction): boolean {
  const party = partyOf(actor);
  return party !== undefined && isActionOf(action, party);
}

/** The review workspace (queue, 待辦事項, album view) is the agency's. */
export function mayUseWorkspace(actor: Actor): boolean {
  return actor.kind === 'staff';
}
