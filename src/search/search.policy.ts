import type { Actor } from '../accounts/actor.js';
import { isStaff } from '../accounts/accounts.policy.js';

/** The agency-wide search crosses every registrant: agency staff only (members get FORBIDDEN). */
export const canSearchAgency = (actor: Actor): boolean => isStaff(actor);
