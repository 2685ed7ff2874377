import type { TxContext } from '../db/context.js';

/**
 * Something an officer or a registrant should hear about. `audience` says who: the members of one
 * registrant, or the agency's staff. `params` fill the message, rendered in each recipient's
 * language (titles, numbers, reasons: plain values, never pre-translated text).
 */
export type NotificationEvent =
  | { kind: 'album.submitted'; audience: { agency: true }; albumId: string; params: { albumNumber: number; title: string; registrantName: string } }
  | { kind: 'album.approved'; audience: { registrantId: string }; albumId: string; params: { albumNumber: number; title: string } }
  | { kind: 'album.returned'; audience: { registrantId: string }; albumId: string; params: { albumNumber: number; title: string; reason: string } }
  | { kind: 'deposit.received'; audience: { registrantId: string }; albumId: string; params: { albumNumber: number; title: string; copies: number } }
  | { kind: 'application.submitted'; audience: { agency: true }; applicationId: string; params: { name: string } }
  | { kind: 'changeRequest.submitted'; audience: { agency: true }; changeRequestId: string; params: { registrantName: string } }
  | { kind: 'changeRequest.decided'; audience: { registrantId: string }; changeRequestId: string; params: { decision: 'approved' | 'rejected'; reason: string } };

export type NotificationKind = NotificationEvent['kind'];

/**
 * Records the event's notifications inside the caller's transaction (so a rolled-back decision
 * notifies nobody); e-mail copies are sent after commit by the notifications feature.
 * Scaffold: the notifications feature fills this in (issue 13).
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- scaffold, filled in by issue 13
export async function notify(_tx: TxContext, _event: NotificationEvent): Promise<void> {
  // Filled in by the notifications feature.
}
