import type pg from 'pg';

/** Answers per kind of request and status, and the first few error bodies, for the load-test report. */
export class Tally {
  private readonly counts = new Map<string, Map<number, number>>();
  private readonly samples: string[] = [];
  private readonly times: number[] = [];

  latency(ms: number): void {
    this.times.push(ms);
  }

  /** Nearest-rank percentiles of every answer's time, in ms with one decimal. */
  percentiles(): { p50: string; p95: string; p99: string } {
    const sorted = [...this.times].sort((a, b) => a - b);
    const at = (q: number) => (sorted.length === 0 ? '-' : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0).toFixed(1));
    return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
  }

  count(kind: string, status: number, body: string): void {
    const byStatus = this.counts.get(kind) ?? new Map<number, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    this.counts.set(kind, byStatus);
    if (status >= 400 && this.samples.length < 3) {
      this.samples.push(`${kind} ${status}: ${body.slice(0, 160)}`);
    }
  }

  report(indent: string): string {
    const lines = [...this.counts].map(([kind, byStatus]) => `${indent}${kind.padEnd(22)} ${[...byStatus].map(([s, n]) => `${s}×${n}`).join('  ')}`);
    return [...lines, ...this.samples.map((s) => `${indent}e.g. ${s}`)].join('\n');
  }
}

/**
 * The allocation invariants after the load: no ISRC on two recordings, every recording's ISRC in
 * the ledger, and each counter equal to the highest designation its ledger holds.
 */
export async function allocationProblems(client: pg.Client): Promise<string[]> {
  const problems: string[] = [];
  const dup = await client.query<{ isrc: string; n: string }>('select isrc, count(*)::text as n from recordings where isrc is not null group by isrc having count(*) > 1');
  problems.push(...dup.rows.map((r) => `${r.isrc} is on ${r.n} recordings`));
  const unledgered = await client.query<{ isrc: string }>('select r.isrc from recordings r left join isrc_assignments a on a.isrc = r.isrc where r.isrc is not null and a.isrc is null');
  problems.push(...unledgered.rows.map((r) => `${r.isrc} is on a recording but not in the ledger`));
  const counters = await client.query<{ code: string; year: number; last: number; top: number | null; n: string }>(
    `select c.registrant_code as code, c.year_of_reference as year, c.last_designation as last, max(a.designation) as top, count(a.designation)::text as n
       from designation_counters c left join isrc_assignments a on a.registrant_code = c.registrant_code and a.year_of_reference = c.year_of_reference
      group by 1, 2, 3`,
  );
  for (const c of counters.rows) {
    if (c.top !== null && c.last !== c.top) {
      problems.push(`counter ${c.code}/${c.year} says ${c.last}, the ledger's highest is ${c.top}`);
    }
    if (c.top !== null && Number(c.n) !== c.top) {
      problems.push(`counter ${c.code}/${c.year}: ${c.n} codes in the ledger up to ${c.top} (a gap)`);
    }
  }
  const total = await client.query<{ n: string }>('select count(*)::text as n from recordings where isrc is not null');
  console.log(`${total.rows[0]?.n ?? 0} ISRCs allocated in all`);
  return problems;
}
