import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixityRunResponse } from '../../src/fixity/fixity.schemas.js';
import { buildApp } from '../../src/http/app.js';
import type { AppInstance } from '../../src/http/types.js';
import { createInProcessQueue } from '../../src/jobs/in-process-queue.js';
import type { JobQueue } from '../../src/jobs/job-queue.js';
import type { JobListResponse } from '../../src/jobs/jobs.schemas.js';
import { registerAppJobs } from '../../src/jobs/app-jobs.js';
import { readQueueLevels } from '../../src/metrics/metrics.repo.js';
import { createPrometheusMetrics } from '../../src/metrics/prometheus.js';
import { loginCookie } from '../helpers/app.js';
import { client, failed, ok, type Client } from '../helpers/catalog.js';
import { newRegistrant, newStaff, TEST_PASSWORD } from '../helpers/factories.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { waitForRun } from './fixity-cases.js';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { continueFixityRun } from '../../src/fixity/fixity.service.js';
import { findRun, insertRun, recordCheck } from '../../src/fixity/fixity.repo.js';
import { storeStaged } from '../../src/storage/objects.service.js';
import { stageUpload } from '../../src/storage/staging.js';
import { queryRows } from '../helpers/db.js';

// Background jobs through the app (src/jobs): the administrator's list, the queue-depth gauge, and
// fixity runs started from the page going through the queue. Here on the in-process runner; the
// graphile-worker runner with its supervisor is tested on PostgreSQL (test/postgres/job-supervisor).

const base = useTestApp(realClock);
const TOKEN = 'scrape-token-jobs-0123456789';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
let jobs: JobQueue;
let app: AppInstance;
let admin: Client;
let officer: Client;

beforeAll(async () => {
  jobs = createInProcessQueue({ backoffMs: () => 60 * 60_000 });
  const prometheus = createPrometheusMetrics({ readLevels: () => readQueueLevels(base.ctx.db), readJobDepth: () => jobs.depth(), now: () => 0, processMetrics: false });
  const ctx = { ...base.ctx, jobs, metrics: prometheus.domain };
  registerAppJobs(jobs, ctx, { publicUrl: () => 'http://localhost', log: silent });
  jobs.define('test-broken', () => Promise.reject(new Error('the SMTP server said no')));
  app = await buildApp({ ctx, metrics: { prometheus, access: { allow: [], token: TOKEN } } });
  await app.ready();
  const env = { ...base, ctx, app };
  const adminUser = await newStaff(ctx, 'agency_admin');
  admin = client(env, await loginCookie(app, adminUser.loginName, TEST_PASSWORD));
  const officerUser = await newStaff(ctx, 'agency_officer');
  officer = client(env, await loginCookie(app, officerUser.loginName, TEST_PASSWORD));
});
afterAll(async () => {
  await jobs.stop();
  await app.close();
});

describe('fixity runs started from the page', () => {
  it('go through the job queue: queued while the runner is stopped, done once it runs', async () => {
    const run = ok(await officer.call('POST', '/fixity/runs'), 202).json<FixityRunResponse>();
    const listed = ok(await admin.call('GET', '/admin/jobs')).json<JobListResponse>();
    expect(listed.runner).toBe('in-process');
    expect(listed.items).toEqual([expect.objectContaining({ task: 'fixity-run', state: 'queued', attempts: 0 })]);
    expect((await readRun(officer, run.id)).status).toBe('running');
    await jobs.start();
    expect(await waitForRun(officer, run.id)).toMatchObject({ status: 'done' });
  });
});

async function readRun(staff: Client, runId: string): Promise<FixityRunResponse> {
  return ok(await staff.call('GET', `/fixity/runs/${runId}`)).json<FixityRunResponse>();
}

describe('GET /admin/jobs', () => {
  it('lists a failed job with its attempts and last error, and counts it', async () => {
    await jobs.enqueue('test-broken', { to: 'someone' }, { maxAttempts: 1 });
    let body: JobListResponse | undefined;
    for (let i = 0; i < 100 && body?.depth.failed !== 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      body = ok(await admin.call('GET', '/admin/jobs')).json<JobListResponse>();
    }
    expect(body?.depth).toEqual({ queued: 0, running: 0, retrying: 0, failed: 1 });
    expect(body?.items).toEqual([expect.objectContaining({ task: 'test-broken', state: 'failed', attempts: 1, maxAttempts: 1, lastError: 'the SMTP server said no', lockedAt: null })]);
  });

  it('is for agency administrators only: officers and registrants get 403', async () => {
    failed(await officer.call('GET', '/admin/jobs'), 403, 'FORBIDDEN');
    const member = await newRegistrant(base.ctx, 'company');
    const res = await app.inject({ method: 'GET', url: '/api/v1/admin/jobs', headers: { cookie: await loginCookie(app, member.loginName, TEST_PASSWORD) } });
    expect(res.statusCode).toBe(403);
  });
});

describe('/metrics', () => {
  it('reports the job queue depth by state', async () => {
    await jobs.enqueue('test-broken', {}, { runAt: new Date(Date.now() + 60 * 60_000) });
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('# TYPE isrc_job_queue_depth gauge');
    expect(res.body).toContain('isrc_job_queue_depth{state="failed"} 1');
    expect(res.body).toContain('isrc_job_queue_depth{state="queued"} 1');
    expect(res.body).toContain('isrc_job_queue_depth{state="running"} 0');
  });
});

describe('a fixity run resumed by a retry of its job', () => {
  it('goes on after the last object the interrupted attempt recorded, checking each object once', async () => {
    for (let i = 0; i < 3; i++) {
      const staged = await stageUpload(Readable.from([randomBytes(512)]), { dir: base.stagingDir, maxBytes: 512 });
      await storeStaged(base.ctx, [{ staged, contentType: 'application/octet-stream' }], () => Promise.resolve());
    }
    const total = Number((await queryRows(base.handle, sql`select count(*)::int as n from stored_objects`))[0]?.n);
    const run = await insertRun(base.ctx.db, { startedBy: null, startedAt: new Date(), objectsTotal: total });
    // The first attempt recorded the first object in key order, then its process died.
    const [firstInOrder] = await queryRows(base.handle, sql`select sha256 from stored_objects order by sha256 limit 1`);
    await recordCheck(base.ctx.db, { runId: run.id, sha256: String(firstInOrder?.sha256), at: new Date(), outcome: 'pass', computedSha256: null, agent: 'first attempt', detail: null });

    const summary = await continueFixityRun(base.ctx, run.id, new AbortController().signal);
    expect(summary).toMatchObject({ status: 'done', checked: total - 1, failed: 0, missing: 0 });
    expect(await findRun(base.ctx.db, run.id)).toMatchObject({ status: 'done', objectsChecked: total });
    const events = await queryRows(base.handle, sql`select object_sha256, count(*)::int as n from fixity_events where run_id = ${run.id} group by 1`);
    expect(events).toHaveLength(total);
    expect(events.every((e) => e.n === 1)).toBe(true);
    // A retry of a run already over does nothing.
    expect(await continueFixityRun(base.ctx, run.id, new AbortController().signal)).toBeUndefined();
  });
});
