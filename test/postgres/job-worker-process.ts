/**
 * A job worker process for the kill -9 test (job-supervisor.test.ts): graphile-worker through our
 * queue, with one task that records its side effect in `job_effects` after holding for HOLD_MS.
 * `test-fails` always throws. Prints `started <job id> <attempt>` when the task begins and `ready` once the runner is up.
 */
import pg from 'pg';
import { createGraphileQueue } from '../../src/jobs/graphile-queue.js';

const url = process.env.JOB_DATABASE_URL ?? '';
const holdMs = Number(process.env.HOLD_MS ?? '0');
const pool = new pg.Pool({ connectionString: url, max: 2 });
const queue = createGraphileQueue({ connectionString: url, pollIntervalMs: 200, superviseIntervalMs: 300, livenessGraceMs: 1000 });

queue.define('test-side-effect', async (payload, attempt) => {
  console.log(`started ${attempt.jobId} ${attempt.attempt}`);
  await new Promise((resolve) => setTimeout(resolve, holdMs));
  const label = typeof payload === 'object' && payload !== null && 'label' in payload ? String(payload.label) : '';
  await pool.query('insert into job_effects (label, pid) values ($1, $2)', [label, process.pid]);
  console.log(`done ${attempt.jobId}`);
});

queue.define('test-fails', () => Promise.reject(new Error('broken on purpose')));

await queue.start();
console.log('ready');
process.on('SIGTERM', () => {
  void queue
    .stop()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
