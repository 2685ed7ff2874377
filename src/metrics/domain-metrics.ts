/**
 * What the services report as they work (ISRCs handed out, submissions, decisions, imports, bytes
 * received). Services get it through their context (`ctx.metrics`), never a global import, so
 * tests and console tools run without it and each app instance counts on its own registry.
 */
export interface DomainMetrics {
  isrcsAllocated(count: number, source: 'next' | 'typed' | 'pool'): void;
  albumSubmitted(): void;
  reviewDecided(decision: 'approved' | 'returned'): void;
  importConfirmed(): void;
  uploadReceived(bytes: number): void;
}

/** Counts `work` once it has succeeded (committed), never a failed or rolled-back attempt. */
export async function countedAfter<T>(work: Promise<T>, count: (result: T) => void): Promise<T> {
  const result = await work;
  count(result);
  return result;
}
