import type { Actor } from '../accounts/actor.js';

/**
 * The audit log is the agency's record of who changed what: staff read it (officers too, since it
 * is how an officer checks a registrant's history); members never, not even about themselves,
 * because entries carry other people's logins and addresses.
 */
export function canReadAuditLog(actor: Actor): boolean {
  return actor.kind === 'staff';
}
