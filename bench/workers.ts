import { performance } from 'node:perf_hooks';
import { summarise, type Summary } from './stats.js';

/**
 * Runs `op` `iterations` times with `concurrency` workers taking the next iteration as soon as
 * they finish one; returns throughput over the wall time and the latency of each call.
 */
export async function runConcurrent(iterations: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<Summary> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < iterations; i = next++) {
      const start = performance.now();
      await op(i);
      latencies.push(performance.now() - start);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return summarise(latencies, performance.now() - started);
}
