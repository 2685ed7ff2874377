/**
 * Durable background jobs on PostgreSQL (src/jobs): a worker process killed with -9 in the middle of
 * a job leaves it locked (graphile-worker would wait 4 hours); a second worker process's supervisor
 * sees that the dead worker's liveness lock is gone, frees the job, and the job runs to its end
 * exactly once — within seconds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphileQueue } from '../../src/jobs/graphile-queue.js';
import type { JobQueue } from '../../src/jobs/job-queue.js';
import { adminQuery, withDatabase } from '../helpers/db.js';

const BASE_URL = process.env.DATABASE_URL;
if (BASE_URL === undefined || !/^postgres(ql)?:\/\//.test(BASE_URL)) {
  throw new Error('test/postgres needs a PostgreSQL server: set DATABASE_URL=postgres://user@host:port/db (these tests never run on PGlite).');
}

const dbName = `isrc_jobs_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const url = withDatabase(BASE_URL, dbName);
const children: ChildProcess[] = [];
let client: pg.Client;
let producer: JobQueue;

interface Worker {
  child: ChildProcess;
  lines: string[];
  waitFor(prefix: string, ms?: number): Promise<string>;
}

function startWorker(holdMs: number): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/postgres/job-worker-process.ts'], {
    env: { ...process.env, JOB_DATABASE_URL: url, HOLD_MS: String(holdMs) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: string[] = [];
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => lines.push(...chunk.split('\n').filter((l) => l !== '')));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return {
    child,
    lines,
    async waitFor(prefix, ms = 60_000) {
      const end = Date.now() + ms;
      for (;;) {
        const line = lines.find((l) => l.startsWith(prefix));
        if (line !== undefined) {
          return line;
        }
        if (Date.now() > end || child.exitCode !== null) {
          throw new Error(`no "${prefix}" from the worker (exit ${String(child.exitCode)}): ${lines.join(' | ')} ${stderr}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

async function effects(): Promise<{ label: string; pid: number }[]> {
  return (await client.query<{ label: string; pid: number }>('select label, pid from job_effects order by id')).rows;
}

beforeAll(async () => {
  await adminQuery(BASE_URL, `create database ${dbName}`);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  // The test's record of side effects (not a queue: the jobs are graphile-worker's).
  await client.query('create table job_effects (id serial primary key, label text not null, pid integer not null)');
  producer = createGraphileQueue({ connectionString: url });
});

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
  await producer.stop();
  await client.end();
  await adminQuery(BASE_URL, `drop database if exists ${dbName} with (force)`);
});

describe('a worker killed with -9 in the middle of a job', () => {
  it('has its job freed by the supervisor of another worker, and the job finishes exactly once', async () => {
    const first = startWorker(10 * 60_000);
    await first.waitFor('ready');
    await producer.enqueue('test-side-effect', { label: 'fixity-like' }, { maxAttempts: 5 });
    const started = await first.waitFor('started');
    const [, jobId] = started.split(' ');

    const killedAt = Date.now();
    first.child.kill('SIGKILL');
    await new Promise<void>((resolve) => first.child.once('exit', () => resolve()));
    // graphile-worker alone would leave it so for 4 hours: locked by a worker that no longer exists.
    const [locked] = (await client.query<{ locked_by: string | null }>('select locked_by from graphile_worker.jobs where id = $1', [jobId])).rows;
    expect(locked?.locked_by).toMatch(/^pool-/);
    expect(await producer.list(10)).toEqual([expect.objectContaining({ id: jobId, task: 'test-side-effect', state: 'running', attempts: 1 })]);

    const second = startWorker(50);
    const rerun = await second.waitFor('started', 30_000);
    expect(rerun).toBe(`started ${jobId} 2`);
    await second.waitFor(`done ${jobId}`, 30_000);
    const tookMs = Date.now() - killedAt;

    // Long enough for a second, wrong, execution to show.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await effects()).toEqual([{ label: 'fixity-like', pid: second.child.pid }]);
    expect((await client.query('select id from graphile_worker.jobs')).rows).toEqual([]);
    expect(first.lines.filter((l) => l.startsWith('done'))).toEqual([]);
    expect(tookMs).toBeLessThan(30_000);
    console.log(`job freed and finished ${tookMs} ms after the kill`);
  });

  it('leaves the jobs of a live worker alone, however long they run', async () => {
    // Only this test's two workers: the earlier ones stop.
    await Promise.all(children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => new Promise<void>((resolve) => (c.once('exit', () => resolve()), c.kill('SIGTERM')))));
    const live = startWorker(4000);
    await live.waitFor('ready');
    const watcher = startWorker(4000);
    await watcher.waitFor('ready');
    await client.query('delete from job_effects');
    await producer.enqueue('test-side-effect', { label: 'long' });
    // Whichever worker takes it, the other's supervisor looks several times (every 300 ms, grace 1 s) while it runs.
    const deadline = Date.now() + 20_000;
    while ((await effects()).length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await effects()).map((e) => e.label)).toEqual(['long']);
    expect([...live.lines, ...watcher.lines].filter((l) => l.startsWith('started'))).toHaveLength(1);
  });
});

describe('a job that fails', () => {
  it("is retried after graphile-worker's back-off, shows its last error, and is left failed after max attempts", async () => {
    const worker = startWorker(0);
    await worker.waitFor('ready');
    const before = Date.now();
    await producer.enqueue('test-fails', {}, { maxAttempts: 2 });
    let jobs = await producer.list(10);
    for (let i = 0; i < 100 && jobs[0]?.state !== 'retrying'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      jobs = await producer.list(10);
    }
    expect(jobs).toEqual([expect.objectContaining({ task: 'test-fails', state: 'retrying', attempts: 1, maxAttempts: 2, lastError: 'broken on purpose' })]);
    // e^1 seconds after the failure.
    expect(jobs[0]!.runAt.getTime() - before).toBeGreaterThan(2000);
    for (let i = 0; i < 200 && jobs[0]?.state !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      jobs = await producer.list(10);
    }
    expect(jobs[0]).toMatchObject({ state: 'failed', attempts: 2 });
    expect(await producer.depth()).toEqual({ queued: 0, running: 0, retrying: 0, failed: 1 });
  });
});
