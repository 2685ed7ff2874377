/**
 * A real SMTP server in the test process (smtp-server, random port) that keeps what it receives,
 * parsed (mailparser); or refuses every message, to test retries.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import { startMailer, type MailerHandle } from '../../src/notifications/mailer.js';
import { testApp } from '../helpers/app.js';
import { testContext } from '../helpers/context.js';
import { openTestDatabase } from '../helpers/db.js';
import type { TestEnv } from '../helpers/setup.js';

export const PUBLIC_URL = 'https://isrc.example.org';

export const SMTP_USER = 'mailer';
export const SMTP_PASSWORD = 'p@ss w0rd-secret';

export interface TestSmtp {
  url: string;
  received: ParsedMail[];
  close(): Promise<void>;
  /** Waits until `count` messages have arrived (or fails after `ms`). */
  waitFor(count: number, ms?: number): Promise<ParsedMail[]>;
}

export async function startTestSmtp(options: { refuse?: boolean } = {}): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onData(stream, _session, callback) {
      if (options.refuse === true) {
        stream.resume();
        stream.on('end', () => {
          const err = Object.assign(new Error('Mailbox unavailable, try later'), { responseCode: 451 });
          callback(err);
        });
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async waitFor(count, ms = 10_000) {
      const until = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > until) {
          throw new Error(`expected ${count} e-mails, got ${received.length}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      return received;
    },
  };
}

export type MailEnv = TestEnv & { smtp: TestSmtp; mailer: MailerHandle };

/**
 * `useTestApp` with SMTP_URL set to a real in-process server and the mailer of main.ts running.
 * Only the nudge after notify makes it send (the regular tick is far away), so a test also shows
 * that e-mails leave soon after the action.
 */
export function useMailApp(): MailEnv {
  const env = {} as MailEnv;
  beforeAll(async () => {
    env.smtp = await startTestSmtp();
    env.handle = await openTestDatabase();
    const mail = { smtpUrl: env.smtp.url, from: '"ISRC" <isrc@example.org>' };
    env.ctx = { ...testContext(env.handle), mail };
    env.app = await testApp(env.ctx);
    env.mailer = startMailer({ ...env.ctx, mail }, { publicUrl: PUBLIC_URL, intervalMs: 600_000, nudgeDelayMs: 50 });
  });
  afterAll(async () => {
    await env.mailer.stop();
    await env.app.close();
    await env.handle.close();
    await env.smtp.close();
  });
  return env;
}
