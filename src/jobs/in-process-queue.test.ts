import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInProcessQueue } from './in-process-queue.js';
import { backoffMs, cronPattern, type JobQueue } from './job-queue.js';

const queues: JobQueue[] = [];
function queue(options: Parameters<typeof createInProcessQueue>[0] = {}): JobQueue {
  const q = createInProcessQueue({ backoffMs: (attempts) => attempts * 20, ...options });
  queues.push(q);
  return q;
}

async function until(check: () => boolean | Promise<boolean>, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) {
      throw new Error('timed out');
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
  vi.useRealTimers();
});

describe('in-process job queue', () => {
  it('runs a job with its payload and forgets it once done', async () => {
    const q = queue();
    const seen: unknown[] = [];
    q.define('greet', (payload) => {
      seen.push(payload);
      return Promise.resolve();
    });
    await q.start();
    await q.enqueue('greet', { name: 'Lin' });
    await until(() => seen.length === 1);
    expect(seen).toEqual([{ name: 'Lin' }]);
    await until(async () => (await q.list(10)).length === 0);
    expect(await q.depth()).toEqual({ queued: 0, running: 0, retrying: 0, failed: 0 });
  });

  it('retries a failing job after its back-off, and leaves it failed after max attempts with the last error', async () => {
    const q = queue();
    const at: number[] = [];
    q.define('flaky', () => {
      at.push(Date.now());
      return Promise.reject(new Error(`attempt ${at.length} broke`));
    });
    await q.start();
    await q.enqueue('flaky', {}, { maxAttempts: 3 });
    await until(async () => (await q.depth()).failed === 1);
    expect(at).toHaveLength(3);
    // Back-off 20 ms after the first failure, 40 ms after the second.
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(18);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(38);
    const [failed] = await q.list(10);
    expect(failed).toMatchObject({ task: 'flaky', state: 'failed', attempts: 3, maxAttempts: 3, lastError: 'attempt 3 broke' });
  });

  it('succeeds on a retry and shows the job as retrying in between', async () => {
    const q = queue({ backoffMs: () => 200 });
    let calls = 0;
    q.define('once-broken', (_payload, attempt) => {
      calls++;
      return attempt.attempt === 1 ? Promise.reject(new Error('first time')) : Promise.resolve();
    });
    await q.start();
    await q.enqueue('once-broken', {});
    await until(async () => (await q.depth()).retrying === 1);
    expect((await q.list(10))[0]).toMatchObject({ state: 'retrying', attempts: 1, lastError: 'first time' });
    await until(async () => (await q.list(10)).length === 0);
    expect(calls).toBe(2);
  });

  it('waits for run-at', async () => {
    const q = queue();
    let ran = 0;
    q.define('later', () => {
      ran = Date.now();
      return Promise.resolve();
    });
    await q.start();
    const due = Date.now() + 120;
    await q.enqueue('later', {}, { runAt: new Date(due) });
    expect((await q.list(10))[0]?.state).toBe('queued');
    await until(() => ran > 0);
    expect(ran).toBeGreaterThanOrEqual(due - 2);
  });

  it('de-duplicates by job key while the job waits: one job, the latest payload, its first run-at', async () => {
    const q = queue();
    const seen: unknown[] = [];
    q.define('nudge', (payload) => {
      seen.push(payload);
      return Promise.resolve();
    });
    await q.start();
    const runAt = new Date(Date.now() + 80);
    await q.enqueue('nudge', { n: 1 }, { jobKey: 'k', runAt });
    await q.enqueue('nudge', { n: 2 }, { jobKey: 'k', runAt: new Date(Date.now() + 5000) });
    await q.enqueue('nudge', { n: 3 }, { jobKey: 'k' });
    expect(await q.list(10)).toHaveLength(1);
    expect((await q.list(10))[0]?.runAt).toEqual(runAt);
    await until(() => seen.length === 1);
    expect(seen).toEqual([{ n: 3 }]);
  });

  it('enqueues a recurring task at every interval', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const q = queue();
    let runs = 0;
    q.define('sweep', () => {
      runs++;
      return Promise.resolve();
    });
    q.recurring('sweep', 360);
    await q.start();
    expect(runs).toBe(0);
    vi.advanceTimersByTime(6 * 60 * 60 * 1000);
    await until(() => runs === 1);
    vi.advanceTimersByTime(6 * 60 * 60 * 1000);
    await until(() => runs === 2);
  });

  it('aborts the running jobs at stop and waits for them', async () => {
    const q = createInProcessQueue();
    let stoppedCleanly = false;
    q.define('long', (_payload, attempt) => new Promise<void>((resolve) => attempt.signal.addEventListener('abort', () => ((stoppedCleanly = true), resolve()))));
    await q.start();
    await q.enqueue('long', {});
    await until(async () => (await q.depth()).running === 1);
    await q.stop();
    expect(stoppedCleanly).toBe(true);
  });

  it('runs at most `concurrency` jobs at once', async () => {
    const q = queue({ concurrency: 2 });
    let now = 0;
    let most = 0;
    q.define('busy', async () => {
      now++;
      most = Math.max(most, now);
      await new Promise((resolve) => setTimeout(resolve, 20));
      now--;
    });
    await q.start();
    for (let i = 0; i < 6; i++) {
      await q.enqueue('busy', {});
    }
    await until(async () => (await q.list(10)).length === 0);
    expect(most).toBe(2);
  });
});

describe('schedules', () => {
  it("uses graphile-worker's back-off", () => {
    expect(backoffMs(1)).toBe(2718);
    expect(backoffMs(10)).toBe(backoffMs(25));
  });

  it('turns intervals into crontab patterns and refuses those a crontab cannot say', () => {
    expect(cronPattern(1)).toBe('* * * * *');
    expect(cronPattern(15)).toBe('*/15 * * * *');
    expect(cronPattern(360)).toBe('0 */6 * * *');
    expect(cronPattern(1440)).toBe('0 0 * * *');
    expect(() => cronPattern(7)).toThrow();
    expect(() => cronPattern(300)).toThrow();
    expect(() => createInProcessQueue().define('mail.deliver', () => Promise.resolve())).toThrow(/task name/);
  });
});
