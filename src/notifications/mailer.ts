import nodemailer from 'nodemailer';
import type { MailSettings, ServiceContext } from '../db/context.js';
import { deliverPending, type DeliveryOptions, type SendEmail } from './deliver.service.js';
import { onMailQueued } from './wake.js';

/** What the mailer writes to the server's log: counts and stored errors, never the SMTP URL. */
export interface MailerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Every spelling of the SMTP password (as typed, percent-decoded) that could appear in an error. */
export function smtpRedactor(smtpUrl: string): (text: string) => string {
  let secrets: string[] = [];
  try {
    const url = new URL(smtpUrl);
    secrets = [smtpUrl, url.password, decodeURIComponent(url.password)].filter((s) => s.length >= 1);
  } catch {
    secrets = [smtpUrl];
  }
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}

/** An SMTP sender from `SMTP_URL` (nodemailer), with short time-outs so a dead server cannot stall the loop. */
export function smtpSender(mail: MailSettings): { send: SendEmail; close(): void } {
  const transport = nodemailer.createTransport({ url: mail.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    send: async (email) => {
      await transport.sendMail({ from: mail.from, to: email.to, subject: email.subject, text: email.text, headers: { 'Content-Language': email.locale } });
    },
    close: () => transport.close(),
  };
}

/** The background job that sends pending e-mails (src/jobs/app-jobs.ts). */
export const MAIL_DELIVERY_TASK = 'mail-deliver';

/**
 * One delivery pass as a background job's work: e-mails that fail are logged and retried by their
 * own row schedule; a pass that cannot run at all throws, so the job queue retries it.
 */
export function mailDeliveryJob(ctx: ServiceContext & { mail: MailSettings }, options: Omit<MailerOptions, 'intervalMs' | 'nudgeDelayMs'>): { run(): Promise<void>; close(): void } {
  const sender = smtpSender(ctx.mail);
  const redact = smtpRedactor(ctx.mail.smtpUrl);
  return {
    async run() {
      let report;
      try {
        report = await deliverPending(ctx, { ...options, send: sender.send, redact });
      } catch (err) {
        // The job's last error is shown to administrators: never with the SMTP password (so no
        // `cause`, which would carry the unredacted error along).
        // eslint-disable-next-line preserve-caught-error
        throw new Error(redact(err instanceof Error ? err.message : String(err)));
      }
      if (report.retrying + report.failed > 0) {
        options.log?.warn(report, 'notification e-mails failed');
      }
    },
    close: () => sender.close(),
  };
}

export interface MailerHandle {
  /** Runs one delivery now (tests, and the nudge after notify). */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export interface MailerOptions extends Partial<Omit<DeliveryOptions, 'send' | 'publicUrl' | 'redact'>> {
  publicUrl: string;
  /** The regular tick. */
  intervalMs?: number;
  /** How long after a nudge it looks: notify's transaction must have committed. */
  nudgeDelayMs?: number;
  log?: MailerLog;
}

/**
 * Sends pending notification e-mails every few seconds and shortly after `notify` queued one.
 * Runs never overlap in one process; across processes the row claim keeps them apart.
 */
export function startMailer(ctx: ServiceContext & { mail: MailSettings }, options: MailerOptions): MailerHandle {
  const sender = smtpSender(ctx.mail);
  const redact = smtpRedactor(ctx.mail.smtpUrl);
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const run = async (): Promise<void> => {
    if (running !== undefined) {
      // A run is on: go round once more after it, for rows that arrived meanwhile.
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const report = await deliverPending(ctx, { ...options, send: sender.send, redact });
          if (report.retrying + report.failed > 0) {
            options.log?.warn(report, 'notification e-mails failed');
          }
        } catch (err) {
          options.log?.warn({ err: redact(err instanceof Error ? err.message : String(err)) }, 'notification e-mail delivery could not run');
        }
      } while (again && !stopped);
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  };

  const tick = setInterval(() => void run(), options.intervalMs ?? 5000);
  tick.unref();
  let nudge: NodeJS.Timeout | undefined;
  const unsubscribe = onMailQueued(() => {
    if (nudge === undefined && !stopped) {
      nudge = setTimeout(() => {
        nudge = undefined;
        void run();
      }, options.nudgeDelayMs ?? 300);
      nudge.unref();
    }
  });

  return {
    runNow: run,
    async stop() {
      stopped = true;
      clearInterval(tick);
      if (nudge !== undefined) {
        clearTimeout(nudge);
      }
      unsubscribe();
      await running;
      sender.close();
    },
  };
}
