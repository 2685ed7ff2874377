import { describe, expect, it } from 'vitest';
import { withDecodeSlot } from './cover-image.js';

describe('withDecodeSlot', () => {
  it('runs at most two decodes at once, hands every slot on (also after a failure), and runs them all', async () => {
    let running = 0;
    let most = 0;
    const release: Array<() => void> = [];
    const work = (fail: boolean) => () =>
      new Promise<number>((resolve, reject) => {
        running += 1;
        most = Math.max(most, running);
        release.push(() => {
          running -= 1;
          if (fail) {
            reject(new Error('damaged'));
          } else {
            resolve(running);
          }
        });
      });
    const all = Promise.allSettled([true, false, false, true, false, false].map((fail) => withDecodeSlot(work(fail))));
    // Let the queue settle, then finish whatever is running, until all six have run.
    for (let finished = 0; finished < 6; finished += 1) {
      await new Promise((r) => setImmediate(r));
      expect(running).toBeLessThanOrEqual(2);
      release.shift()?.();
    }
    const results = await all;
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    // The slots are free again: a new decode starts at once.
    expect(await withDecodeSlot(() => Promise.resolve('free'))).toBe('free');
  });
});
