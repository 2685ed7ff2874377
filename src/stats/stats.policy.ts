import type { Actor } from '../accounts/actor.js';
import { isStaff } from '../accounts/accounts.policy.js';

/**
 * Whose figures an actor may read: staff any registrant's or the whole agency's (undefined), a
 * member only its own registrant's, whatever it asks for; anyone else nothing (null).
 */
export function statsScopeOf(actor: Actor, requested: string | undefined): { registrantId: string | undefined } | null {
  if (isStaff(actor)) {
    return { registrantId: requested };
  }
  if (actor.kind === 'member') {
    return { registrantId: actor.registrantId };
  }
  return null;
}

/** The annual report to the international ISRC agency covers every registrant: staff only. */
export const canReadAnnualReport = (actor: Actor): boolean => isStaff(actor);
