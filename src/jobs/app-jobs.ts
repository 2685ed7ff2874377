import type { ServiceContext } from '../db/context.js';
import { continueFixityRun, FIXITY_RUN_TASK } from '../fixity/fixity.service.js';
import { MAIL_DELIVERY_TASK, mailDeliveryJob, type MailerLog } from '../notifications/mailer.js';
import { onMailQueued } from '../notifications/wake.js';
import { ORPHAN_SWEEP_INTERVAL_MS, ORPHAN_SWEEP_TASK, orphanSweepJob } from '../storage/orphan-sweep.js';
import { createGraphileQueue } from './graphile-queue.js';
import { createInProcessQueue } from './in-process-queue.js';
import type { JobQueue } from './job-queue.js';

export interface JobsLog extends MailerLog {
  error(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/** graphile-worker on PostgreSQL (shared by every server process); the in-process runner on the embedded database. */
export function createJobQueue(databaseUrl: string | undefined, log: JobsLog): JobQueue {
  return databaseUrl === undefined ? createInProcessQueue({ log }) : createGraphileQueue({ connectionString: databaseUrl, log });
}

/** E-mail delivery looks every minute for e-mails due again; a new notification is sent sooner (nudge). */
const MAIL_EVERY_MINUTES = 1;
/** How long after a nudge the job runs: notify's transaction must have committed. */
const MAIL_NUDGE_DELAY_MS = 300;

/**
 * Registers the server's background work on `queue` (before `start`): the fixity runs started from
 * 保存檢核, the orphan sweep every 6 hours and, with SMTP_URL set, the e-mail copies of
 * notifications. Returns what to release after the queue has stopped.
 */
export function registerAppJobs(queue: JobQueue, ctx: ServiceContext, options: { publicUrl: () => string; log: JobsLog }): () => void {
  queue.define(FIXITY_RUN_TASK, async (payload, attempt) => {
    const runId = typeof payload === 'object' && payload !== null && 'runId' in payload && typeof payload.runId === 'string' ? payload.runId : undefined;
    if (runId === undefined) {
      throw new Error('fixity-run needs a runId');
    }
    await continueFixityRun(ctx, runId, attempt.signal);
  });

  const sweep = orphanSweepJob(ctx, options.log);
  queue.define(ORPHAN_SWEEP_TASK, () => sweep());
  queue.recurring(ORPHAN_SWEEP_TASK, ORPHAN_SWEEP_INTERVAL_MS / 60_000);

  const mail = ctx.mail;
  if (mail === undefined) {
    return () => undefined;
  }
  // The public address is known once the server listens; the job asks for it at each pass.
  let delivery: ReturnType<typeof mailDeliveryJob> | undefined;
  queue.define(MAIL_DELIVERY_TASK, async () => {
    delivery ??= mailDeliveryJob({ ...ctx, mail }, { publicUrl: options.publicUrl(), log: options.log });
    await delivery.run();
  });
  queue.recurring(MAIL_DELIVERY_TASK, MAIL_EVERY_MINUTES);
  const unsubscribe = onMailQueued(() => {
    const runAt = new Date(Date.now() + MAIL_NUDGE_DELAY_MS);
    // One waiting nudge at a time (job key): a burst of notifications is one delivery pass.
    queue
      .enqueue(MAIL_DELIVERY_TASK, {}, { jobKey: `${MAIL_DELIVERY_TASK}:nudge`, runAt, maxAttempts: 3 })
      .catch((err: unknown) => options.log.warn({ err }, 'could not enqueue e-mail delivery'));
  });
  return () => {
    unsubscribe();
    delivery?.close();
  };
}
