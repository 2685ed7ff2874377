import type { ServiceContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { notificationPath, renderNotificationEmail } from './messages.js';
import { claimDueEmails, setEmailOutcome, type PendingEmail } from './notifications.repo.js';

/** One e-mail, as handed to the SMTP transport. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  locale: 'zh-TW' | 'en';
}

export type SendEmail = (email: OutgoingEmail) => Promise<void>;

export interface DeliveryOptions {
  send: SendEmail;
  /** The web app's address; links in e-mails start with it. */
  publicUrl: string;
  /** Tries before an e-mail is given up as `failed`. */
  maxAttempts?: number;
  /** Wait after the first failed try; doubles after each further one. */
  backoffSeconds?: number;
  /** E-mails claimed per run. */
  batchSize?: number;
  /** Removes secrets (the SMTP password) from error texts before they are stored. */
  redact?: (text: string) => string;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_SECONDS = 60;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

function readerOf(role: PendingEmail['role']): 'staff' | 'member' | 'applicant' {
  return role === 'registrant_member' ? 'member' : role === 'applicant' ? 'applicant' : 'staff';
}

function errorText(err: unknown, redact: (text: string) => string): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? `${err.code}: ` : '';
  return redact(`${code}${message}`).slice(0, 500);
}

/**
 * Sends the e-mail copies that are due (see `claimDueEmails`): each is claimed in a short
 * transaction first, so several server processes share the work on PostgreSQL and no e-mail is held
 * in a transaction while the SMTP server answers. A failure is stored (without secrets) and tried
 * again with back-off, up to `maxAttempts`, then the copy is `failed`; the in-app notification stays.
 */
export async function deliverPending(ctx: ServiceContext, options: DeliveryOptions): Promise<DeliveryReport> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const redact = options.redact ?? ((text: string) => text);
  const claimed = await withTransaction(ctx, (tx) =>
    claimDueEmails(tx.db, ctx.clock.now(), { limit: options.batchSize ?? 20, backoffSeconds: options.backoffSeconds ?? DEFAULT_BACKOFF_SECONDS }),
  );
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (const row of claimed) {
    if (row.email.trim() === '') {
      // The address was removed since: nothing to send.
      await setEmailOutcome(ctx.db, row.id, { status: 'none', error: null });
      continue;
    }
    const url = `${options.publicUrl}${notificationPath(row.entityType, row.entityId, readerOf(row.role))}`;
    const rendered = renderNotificationEmail(row.kind, row.params, row.locale, { url, agencyName: ctx.agency.name });
    try {
      await options.send({ to: row.email, subject: rendered.subject, text: rendered.text, locale: row.locale });
      await setEmailOutcome(ctx.db, row.id, { status: 'sent', error: null, at: ctx.clock.now() });
      report.sent++;
    } catch (err) {
      const givenUp = row.attempts >= maxAttempts;
      await setEmailOutcome(ctx.db, row.id, { status: givenUp ? 'failed' : 'pending', error: errorText(err, redact) });
      report[givenUp ? 'failed' : 'retrying']++;
    }
  }
  return report;
}
