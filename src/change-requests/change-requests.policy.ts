import type { Actor } from '../accounts/actor.js';
import { AppError } from '../shared/errors.js';

/** Only a registrant's members file change requests; staff edit a registrant directly. */
export const canFileChangeRequest = (actor: Actor): actor is Extract<Actor, { kind: 'member' }> => actor.kind === 'member';

/** The agency decides change requests. */
export const canDecideChangeRequests = (actor: Actor): boolean => actor.kind === 'staff';

/**
 * The registrant whose requests the actor may see: a member's own, or undefined (all) for staff.
 * Anyone else (an applicant, who the edge already stops) sees nothing.
 */
export function visibleScope(actor: Actor): { registrantId: string | undefined } {
  switch (actor.kind) {
    case 'member':
      return { registrantId: actor.registrantId };
    case 'staff':
      return { registrantId: undefined };
    case 'applicant':
      throw new AppError('FORBIDDEN');
  }
}
