import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/db/context.js';
import { withTransaction } from '../../src/db/tx.js';
import { registerAppJobs } from '../../src/jobs/app-jobs.js';
import { createInProcessQueue } from '../../src/jobs/in-process-queue.js';
import type { JobQueue } from '../../src/jobs/job-queue.js';
import { notify } from '../../src/notifications/notify.service.js';
import { newRegistrant } from '../helpers/factories.js';
import { queryRows } from '../helpers/db.js';
import { useTestApp } from '../helpers/setup.js';
import { PUBLIC_URL, startTestSmtp, type TestSmtp } from './notifications-smtp.js';

// E-mail copies of notifications as the server sends them now: through the background job queue
// (a nudge job shortly after `notify`, and a recurring pass), not a timer of the mailer's own.

const env = useTestApp();
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
let smtp: TestSmtp;
let jobs: JobQueue;
let ctx: ServiceContext;
let release: () => void;

beforeAll(async () => {
  smtp = await startTestSmtp();
  ctx = { ...env.ctx, mail: { smtpUrl: smtp.url, from: '"ISRC" <isrc@example.org>' } };
  jobs = createInProcessQueue();
  release = registerAppJobs(jobs, ctx, { publicUrl: () => PUBLIC_URL, log: silent });
  await jobs.start();
});
afterAll(async () => {
  await jobs.stop();
  release();
  await smtp.close();
});

describe('e-mail delivery on the job queue', () => {
  it('sends the e-mail of a new notification soon after it is queued, in one job for a burst', async () => {
    const member = await newRegistrant(env.ctx, 'company');
    await env.handle.db.execute(sql`update users set email = 'member@example.com' where id = ${member.userId}`);
    await withTransaction(ctx, async (tx) => {
      for (const albumNumber of [1, 2, 3]) {
        await notify(tx, {
          kind: 'album.approved',
          audience: { registrantId: member.registrantId },
          albumId: '5d4f6b7e-0000-4000-8000-000000000041',
          params: { albumNumber, title: '佇列' },
        });
      }
    });
    // A burst is one waiting nudge job (job key), not three.
    expect((await jobs.list(10)).filter((j) => j.task === 'mail-deliver')).toHaveLength(1);
    const mails = await smtp.waitFor(3, 5000);
    expect(mails.map((m) => (Array.isArray(m.to) ? '' : m.to?.text))).toEqual(['member@example.com', 'member@example.com', 'member@example.com']);
    const rows = await queryRows(env.handle, sql`select email_status from notifications where user_id = ${member.userId}`);
    expect(rows.map((r) => r.email_status)).toEqual(['sent', 'sent', 'sent']);
  });
});
