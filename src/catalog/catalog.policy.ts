import type { Actor } from '../accounts/actor.js';

/** Pure checks for albums and recordings. Foreign objects are NOT_FOUND, never FORBIDDEN. */

/** The registrant scope of reads: members see their own; staff see all (undefined = no filter). */
export function readScope(actor: Actor): string | undefined {
  return actor.kind === 'member' ? actor.registrantId : undefined;
}

/** Only a registrant's own members report and edit its albums. */
export function canEditAlbums(actor: Actor): actor is Extract<Actor, { kind: 'member' }> {
  return actor.kind === 'member';
}
