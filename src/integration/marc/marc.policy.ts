import type { Actor } from '../../accounts/actor.js';
import { isStaff } from '../../accounts/accounts.policy.js';

/** Pure checks for the MARC export. */

/** Whose albums the actor may export: a member their registrant's (others are NOT_FOUND), staff every registrant's. */
export function marcScope(actor: Actor): { registrantId?: string } | undefined {
  if (actor.kind === 'member') {
    return { registrantId: actor.registrantId };
  }
  return isStaff(actor) ? {} : undefined;
}

/** A day range of approvals crosses every registrant: the agency's staff only. */
export const canExportMarcRange = (actor: Actor): boolean => isStaff(actor);
