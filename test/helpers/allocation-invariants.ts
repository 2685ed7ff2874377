/**
 * Invariants of ISRC allocation under concurrency, checked against the API's answers and the
 * database. Shared by test/integration/allocation-concurrency.test.ts (one process, PGlite or
 * PostgreSQL) and test/postgres/allocation-multiprocess.test.ts (several server processes).
 * Not a test file itself (the postgres project only runs *.test.ts).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/types.js';
import { rowsOf } from './db.js';

export interface Assigned {
  isrc: string;
  display: string;
  designation: number;
}

/** One successful answer of POST /allocations (system) or /allocations/claim (manual). */
export interface Handout {
  registrantId: string;
  /** The registrant code the codes must be under: the company's own, or the agency pool's. */
  registrantCode: string;
  source: 'system' | 'manual';
  /** How many codes were asked for. */
  count: number;
  isrcs: Assigned[];
}

export interface LedgerRow {
  isrc: string;
  registrantCode: string;
  yearOfReference: number;
  designation: number;
  registrantId: string;
  source: string;
}

export interface CounterRow {
  registrantCode: string;
  yearOfReference: number;
  lastDesignation: number;
}

export interface InvariantReport {
  /** ISRCs handed out more than once, across all answers. */
  duplicateIsrcs: string[];
  /** Answers with the wrong number of codes, codes not consecutive, or not under the expected code. */
  badResponses: string[];
  /** Per (registrant code, year): system designations that do not continue the sequence. */
  sequenceGaps: string[];
  /** Counters whose last_designation is not the highest designation handed out. */
  counterMismatches: string[];
  /** Differences between the isrc_assignments ledger and what the API handed out. */
  ledgerMismatches: string[];
}

export const CLEAN_REPORT: InvariantReport = { duplicateIsrcs: [], badResponses: [], sequenceGaps: [], counterMismatches: [], ledgerMismatches: [] };

interface ParsedIsrc {
  countryCode: string;
  registrantCode: string;
  year: number;
  designation: number;
}

export function parseIsrc(isrc: string): ParsedIsrc | undefined {
  const m = /^([A-Z]{2})([A-Z0-9]{3})([0-9]{2})([0-9]{5})$/.exec(isrc);
  if (m === null) {
    return undefined;
  }
  const [, countryCode = '', registrantCode = '', year = '', designation = ''] = m;
  return { countryCode, registrantCode, year: Number(year), designation: Number(designation) };
}

export function counterKey(registrantCode: string, year: number): string {
  return `${registrantCode}/${String(year).padStart(2, '0')}`;
}

/** Every row of a raw `db.execute` result; node-postgres and PGlite both answer `{ rows }`. */
function str(row: Record<string, unknown>, column: string): string {
  const v = row[column];
  if (typeof v !== 'string') {
    throw new Error(`column ${column} is not text: ${JSON.stringify(v)}`);
  }
  return v;
}

function int(row: Record<string, unknown>, column: string): number {
  const v = Number(row[column]);
  if (!Number.isInteger(v)) {
    throw new Error(`column ${column} is not an integer: ${JSON.stringify(row[column])}`);
  }
  return v;
}

export async function countRows(db: Database, table: 'isrc_assignments' | 'designation_counters'): Promise<number> {
  const rows = rowsOf(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`));
  return rows[0] === undefined ? -1 : int(rows[0], 'n');
}

export async function readAllocationState(db: Database): Promise<{ ledger: LedgerRow[]; counters: CounterRow[] }> {
  const ledger = rowsOf(
    await db.execute(sql`select isrc, registrant_code, year_of_reference, designation, registrant_id::text as registrant_id, source::text as source from isrc_assignments`),
  ).map((r) => ({
    isrc: str(r, 'isrc'),
    registrantCode: str(r, 'registrant_code'),
    yearOfReference: int(r, 'year_of_reference'),
    designation: int(r, 'designation'),
    registrantId: str(r, 'registrant_id'),
    source: str(r, 'source'),
  }));
  const counters = rowsOf(await db.execute(sql`select registrant_code, year_of_reference, last_designation from designation_counters`)).map((r) => ({
    registrantCode: str(r, 'registrant_code'),
    yearOfReference: int(r, 'year_of_reference'),
    lastDesignation: int(r, 'last_designation'),
  }));
  return { ledger, counters };
}

function checkResponse(countryCode: string, h: Handout, problems: string[]): void {
  const first = h.isrcs[0];
  if (h.isrcs.length !== h.count || first === undefined) {
    problems.push(`${h.registrantId} asked for ${h.count}, got ${h.isrcs.length}`);
    return;
  }
  h.isrcs.forEach((a, i) => {
    const p = parseIsrc(a.isrc);
    const display = p === undefined ? '' : `${p.countryCode}-${p.registrantCode}-${String(p.year).padStart(2, '0')}-${String(p.designation).padStart(5, '0')}`;
    const expectedYear = parseIsrc(first.isrc)?.year;
    if (p === undefined || p.countryCode !== countryCode || p.registrantCode !== h.registrantCode || p.year !== expectedYear) {
      problems.push(`${a.isrc} is not under ${countryCode}-${h.registrantCode} (same year as ${first.isrc})`);
    } else if (p.designation !== a.designation || display !== a.display) {
      problems.push(`${a.isrc} answered as designation ${a.designation} / ${a.display}`);
    } else if (a.designation !== first.designation + i) {
      problems.push(`not consecutive: ${h.isrcs.map((x) => x.designation).join(',')}`);
    }
  });
}

interface KeyUse {
  system: number[];
  manual: Set<number>;
  max: number;
}

function checkSequences(byKey: Map<string, KeyUse>, problems: string[]): void {
  for (const [key, use] of byKey) {
    const system = [...use.system].sort((a, b) => a - b);
    let previous = 0;
    for (const d of system) {
      // A gap is only allowed right after a manual claim (the claim raised the counter).
      if (d !== previous + 1 && !use.manual.has(d - 1)) {
        problems.push(`${key}: ${previous} is followed by ${d}`);
      }
      previous = d;
    }
  }
}

function checkCounters(byKey: Map<string, KeyUse>, counters: CounterRow[], problems: string[]): void {
  const seen = new Set<string>();
  for (const c of counters) {
    const key = counterKey(c.registrantCode, c.yearOfReference);
    seen.add(key);
    const expected = byKey.get(key)?.max ?? 0;
    if (c.lastDesignation !== expected) {
      problems.push(`${key}: last_designation ${c.lastDesignation}, highest handed out ${expected}`);
    }
  }
  for (const key of byKey.keys()) {
    if (!seen.has(key)) {
      problems.push(`${key}: no counter row`);
    }
  }
}

function checkLedger(handed: Map<string, { h: Handout; a: Assigned }>, ledger: LedgerRow[], problems: string[]): void {
  if (ledger.length !== handed.size) {
    problems.push(`ledger has ${ledger.length} rows, ${handed.size} distinct ISRCs were handed out`);
  }
  const inLedger = new Set<string>();
  for (const row of ledger) {
    inLedger.add(row.isrc);
    const got = handed.get(row.isrc);
    if (got === undefined) {
      problems.push(`ledger row ${row.isrc} was never handed out`);
    } else if (row.registrantId !== got.h.registrantId || row.source !== got.h.source || row.designation !== got.a.designation || row.registrantCode !== got.h.registrantCode) {
      problems.push(`ledger row ${row.isrc} (${row.registrantId} ${row.source} ${row.designation}) differs from the answer (${got.h.registrantId} ${got.h.source})`);
    }
  }
  for (const isrc of handed.keys()) {
    if (!inLedger.has(isrc)) {
      problems.push(`${isrc} was handed out but is not in the ledger`);
    }
  }
}

/** Checks every invariant; an all-empty report (CLEAN_REPORT) means allocation behaved. */
export function checkAllocations(countryCode: string, handouts: Handout[], ledger: LedgerRow[], counters: CounterRow[]): InvariantReport {
  const report: InvariantReport = { duplicateIsrcs: [], badResponses: [], sequenceGaps: [], counterMismatches: [], ledgerMismatches: [] };
  const handed = new Map<string, { h: Handout; a: Assigned }>();
  const byKey = new Map<string, KeyUse>();
  for (const h of handouts) {
    checkResponse(countryCode, h, report.badResponses);
    for (const a of h.isrcs) {
      if (handed.has(a.isrc)) {
        report.duplicateIsrcs.push(a.isrc);
      }
      handed.set(a.isrc, { h, a });
      const p = parseIsrc(a.isrc);
      if (p === undefined) {
        continue;
      }
      const key = counterKey(p.registrantCode, p.year);
      const use = byKey.get(key) ?? { system: [], manual: new Set<number>(), max: 0 };
      byKey.set(key, use);
      if (h.source === 'system') {
        use.system.push(p.designation);
      } else {
        use.manual.add(p.designation);
      }
      use.max = Math.max(use.max, p.designation);
    }
  }
  checkSequences(byKey, report.sequenceGaps);
  checkCounters(byKey, counters, report.counterMismatches);
  checkLedger(handed, ledger, report.ledgerMismatches);
  return report;
}

/**
 * Counters whose value differs from the number of codes requested under them — checked
 * independently of the responses. Empty when every counter stands where the requests put it.
 */
export function countersOffRequested(requests: readonly { registrantCode: string; count: number }[], counters: readonly CounterRow[], year: number): string[] {
  const requested = new Map<string, number>();
  for (const r of requests) {
    const key = counterKey(r.registrantCode, year);
    requested.set(key, (requested.get(key) ?? 0) + r.count);
  }
  const byKey = new Map(counters.map((c) => [counterKey(c.registrantCode, c.yearOfReference), c.lastDesignation]));
  return [...requested].filter(([key, n]) => byKey.get(key) !== n).map(([key, n]) => `${key}: counter ${String(byKey.get(key))}, requested ${n}`);
}
