/** What every benchmark receives from bench/run.ts, and what it must export. */
export interface BenchContext {
  /** A scratch database of its own on the server, dropped after the benchmark. */
  readonly databaseUrl: string;
  readonly iterations: number;
  readonly concurrency: number;
  readonly warmup: number;
  log(line: string): void;
}

export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(ctx: BenchContext): Promise<void>;
}
