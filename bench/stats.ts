/** Latency and throughput summaries for benchmarks. */
export interface Summary {
  ops: number;
  seconds: number;
  opsPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile of ascending `sorted` values; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function summarise(latenciesMs: readonly number[], elapsedMs: number): Summary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    ops: sorted.length,
    seconds: elapsedMs / 1000,
    opsPerSec: elapsedMs > 0 ? (sorted.length * 1000) / elapsedMs : Number.NaN,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? Number.NaN,
  };
}

export function formatSummary(label: string, s: Summary): string {
  const ms = (v: number) => `${v.toFixed(2)} ms`.padStart(10);
  return `${label.padEnd(34)} ${s.opsPerSec.toFixed(0).padStart(7)} ops/s  p50 ${ms(s.p50Ms)}  p95 ${ms(s.p95Ms)}  p99 ${ms(s.p99Ms)}  (${s.ops} ops in ${s.seconds.toFixed(2)} s)`;
}
