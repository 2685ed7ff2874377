import type { Actor } from '../accounts/actor.js';

/** Pure permission checks for deposit. A registrant's member declares; the agency records and oversees. */

/** The registrant scope of reads: members see their own albums; staff all (undefined = no filter). */
export function depositScope(actor: Actor): string | undefined {
  return actor.kind === 'staff' ? undefined : actor.kind === 'member' ? actor.registrantId : '';
}

/** Only a registrant's own members declare copies sent. */
export const mayDeclareSent = (actor: Actor): actor is Extract<Actor, { kind: 'member' }> => actor.kind === 'member';

/** Only the agency records copies received and sees the overview. */
export const mayRecordReceived = (actor: Actor): actor is Extract<Actor, { kind: 'staff' }> => actor.kind === 'staff';
