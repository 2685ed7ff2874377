import type { TxContext } from '../db/context.js';
import type { NotificationEntity } from './messages.js';
import { activeMembersOf, activeStaff, activeUser, insertNotifications, type Recipient } from './notifications.repo.js';
import { wakeMailer } from './wake.js';

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
  /** 影音檔送存: to the registrant (its deposit is received) and to the agency (a new deposit), at once. */
  | { kind: 'deposit.audioReceived'; audience: { registrantId: string }; albumId: string; params: { albumNumber: number; title: string; files: number } }
  | { kind: 'deposit.audioSubmitted'; audience: { agency: true }; albumId: string; params: { albumNumber: number; title: string; registrantName: string; files: number } }
  | { kind: 'application.submitted'; audience: { agency: true }; applicationId: string; params: { name: string } }
  /** To the applicant's own account (`userId`): approved (now a member) or rejected, with the reason. */
  | { kind: 'application.decided'; audience: { userId: string }; applicationId: string; params: { decision: 'approved' | 'rejected'; name: string; reason: string } }
  | { kind: 'changeRequest.submitted'; audience: { agency: true }; changeRequestId: string; params: { registrantName: string } }
  | { kind: 'changeRequest.decided'; audience: { registrantId: string }; changeRequestId: string; params: { decision: 'approved' | 'rejected'; reason: string } };

export type NotificationKind = NotificationEvent['kind'];

function entityOf(event: NotificationEvent): { entityType: NotificationEntity; entityId: string } {
  if ('albumId' in event) {
    return { entityType: 'album', entityId: event.albumId };
  }
  if ('applicationId' in event) {
    return { entityType: 'application', entityId: event.applicationId };
  }
  return { entityType: 'changeRequest', entityId: event.changeRequestId };
}

function recipientsOf(ctx: TxContext, audience: NotificationEvent['audience']): Promise<Recipient[]> {
  if ('agency' in audience) {
    return activeStaff(ctx.db);
  }
  if ('userId' in audience) {
    return activeUser(ctx.db, audience.userId);
  }
  return activeMembersOf(ctx.db, audience.registrantId);
}

/**
 * Records the event's notifications inside the caller's transaction (so a rolled-back decision
 * notifies nobody): one row per active recipient. With SMTP configured and an address on file the
 * row's e-mail copy waits as `pending`; the mailer (mail-loop.ts) sends it after commit, and a
 * failed e-mail never undoes the action.
 */
export async function notify(ctx: TxContext, event: NotificationEvent): Promise<void> {
  const recipients = await recipientsOf(ctx, event.audience);
  const { entityType, entityId } = entityOf(event);
  const params: Record<string, string | number> = { ...event.params };
  const withEmail = ctx.mail !== undefined;
  await insertNotifications(
    ctx.db,
    recipients.map((r) => ({
      userId: r.id,
      kind: event.kind,
      params,
      entityType,
      entityId,
      emailStatus: withEmail && r.email.trim() !== '' ? ('pending' as const) : ('none' as const),
    })),
  );
  if (withEmail && recipients.some((r) => r.email.trim() !== '')) {
    wakeMailer();
  }
}
