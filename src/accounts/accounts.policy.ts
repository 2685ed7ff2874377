import type { Actor } from './actor.js';

/** Pure permission checks; services call them and throw FORBIDDEN / NOT_FOUND. */

export const isStaff = (actor: Actor): boolean => actor.kind === 'staff';

export const isAdmin = (actor: Actor): boolean => actor.kind === 'staff' && actor.role === 'agency_admin';

/** Staff manage registrants and their users; members never. */
export const canManageRegistrants = isStaff;

/** Only administrators manage agency staff and settings. */
export const canManageStaff = isAdmin;
export const canManageSettings = isAdmin;

/** Staff see every registrant; a member only its own. */
export function canSeeRegistrant(actor: Actor, registrantId: string): boolean {
  return actor.kind === 'staff' || (actor.kind === 'member' && actor.registrantId === registrantId);
}
