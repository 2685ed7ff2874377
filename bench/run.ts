/**
 * `npm run bench [name …]`: runs the benchmarks (all, or those named) against PostgreSQL, each in
 * a scratch database that is dropped afterwards. Prints numbers; never asserts timings.
 *
 * BENCH_DATABASE_URL  server to use (default postgres://postgres@127.0.0.1:5432/postgres)
 * BENCH_ITERATIONS    measured operations per variant (default 2000)
 * BENCH_CONCURRENCY   concurrent workers, and pool size (default 8)
 * BENCH_WARMUP        unmeasured operations first (default 200)
 *
 * To add a benchmark: write bench/<name>.bench.ts exporting a `Benchmark`, list it below.
 */
import { allocationBenchmark } from './allocation.bench.js';
import { catalogBenchmark } from './catalog.bench.js';
import { importBenchmark } from './import.bench.js';
import { createScratchDatabase } from './scratch-db.js';
import { publicSearchBenchmark } from './public-search.bench.js';
import { searchBenchmark } from './search.bench.js';
import type { Benchmark } from './types.js';
import { uploadBenchmark } from './upload.bench.js';

const BENCHMARKS: readonly Benchmark[] = [allocationBenchmark, catalogBenchmark, searchBenchmark, publicSearchBenchmark, uploadBenchmark, importBenchmark];

/** The allocation benchmark takes warmup + iterations designations from one counter (max 99999). */
const MAX_OPERATIONS = 90_000;

function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

async function main(): Promise<void> {
  const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const iterations = intEnv('BENCH_ITERATIONS', 2000, 1, MAX_OPERATIONS);
  const warmup = intEnv('BENCH_WARMUP', 200, 0, MAX_OPERATIONS - iterations);
  const concurrency = intEnv('BENCH_CONCURRENCY', 8, 1, 200);
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.name === w));
  if (unknown.length > 0) {
    throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; available: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  }
  for (const bench of BENCHMARKS.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
    const scratch = await createScratchDatabase(baseUrl, `isrc_bench_${bench.name}`);
    try {
      console.log(`\n# ${bench.name}: ${bench.description}`);
      await bench.run({ databaseUrl: scratch.url, iterations, concurrency, warmup, log: (line) => console.log(line) });
    } finally {
      await scratch.drop();
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
