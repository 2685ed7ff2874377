/**
 * ISRC allocation through the service the API calls (`allocateIsrcs` for a member: profile
 * lookup, counter UPDATE … RETURNING, ledger and audit rows) against the floor the database sets:
 * a bare `BEGIN; UPDATE … RETURNING; COMMIT` on the same counters table, same server, same
 * concurrency. Every worker hits one counter row, as one busy registrant would.
 */
import pg from 'pg';
import type { Actor } from '../src/accounts/actor.js';
import { createUser } from '../src/accounts/users.service.js';
import { allocateIsrcs } from '../src/allocation/allocation.service.js';
import { openDatabase } from '../src/db/client.js';
import { addRegistrantCode } from '../src/registrants/registrant-codes.service.js';
import { createRegistrant } from '../src/registrants/registrants.service.js';
import { DEFAULT_AGENCY_CONTACT } from '../src/shared/agency-contact.js';
import { systemClock } from '../src/shared/clock.js';
import type { ServiceContext } from '../src/db/context.js';
import { formatSummary } from './stats.js';
import { measureSubmissionCost } from './submission-cost.js';
import type { BenchContext, Benchmark } from './types.js';
import { runConcurrent } from './workers.js';

const COUNTRY = 'TW';
/** The bare loop's counter: not a registrant's code, so it never meets the service's row. */
const BARE_CODE = 'ZZZ';
/** Albums of each size (1 and 10 tracks) submitted for the submission-cost comparison. */
const SUBMITTED_ALBUMS = 105;

const BARE_UPDATE = `update designation_counters set last_designation = last_designation + 1, updated_at = now()
  where country_code = $1 and registrant_code = $2 and year_of_reference = $3 returning last_designation`;

/** A company with one code, and the member who allocates for it. */
async function seedCompany(ctx: ServiceContext): Promise<Actor> {
  const registrant = await createRegistrant(ctx, null, { kind: 'company', name: 'Benchmark Records' });
  await addRegistrantCode(ctx, null, registrant.id, undefined);
  const user = await createUser(ctx, null, { loginName: 'bench-member', displayName: 'Bench', password: 'bench allocations first', role: 'registrant_member', registrantId: registrant.id });
  return { kind: 'member', userId: user.id, role: 'registrant_member', registrantId: registrant.id, ip: '127.0.0.1' };
}

function serviceOp(ctx: ServiceContext, member: Actor) {
  return async (): Promise<void> => {
    const assigned = await allocateIsrcs(ctx, member, { count: 1 });
    if (assigned.length !== 1) {
      throw new Error(`allocation returned ${assigned.length} codes`);
    }
  };
}

function bareOp(pool: pg.Pool, year: number) {
  return async (): Promise<void> => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const res = await client.query(BARE_UPDATE, [COUNTRY, BARE_CODE, year]);
      if (res.rowCount !== 1) {
        throw new Error('bare counter row missing');
      }
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
}

async function scalar(pool: pg.Pool, text: string, params: unknown[] = []): Promise<string> {
  const res = await pool.query<{ v: string }>(`select (${text})::text as v`, params);
  return res.rows[0]?.v ?? '';
}

/** Not a timing assertion: the runs must have handed out exactly what they were asked for. */
async function verify(pool: pg.Pool, expected: number): Promise<void> {
  const ledger = Number(await scalar(pool, 'select count(*) from isrc_assignments'));
  const last = Number(await scalar(pool, 'select max(last_designation) from designation_counters where registrant_code <> $1', [BARE_CODE]));
  const bare = Number(await scalar(pool, 'select last_designation from designation_counters where registrant_code = $1', [BARE_CODE]));
  if (ledger !== expected || last !== expected || bare !== expected) {
    throw new Error(`inconsistent after the run: ledger ${ledger}, service counter ${last}, bare counter ${bare}, expected ${expected}`);
  }
}

/**
 * Migrates through a handle with the default pool: migrate() holds one connection for its advisory
 * lock and runs the migrations on another, so on a pool of one it would wait forever.
 */
async function migrate(url: string): Promise<void> {
  const handle = await openDatabase({ kind: 'postgres', url });
  try {
    await handle.migrate();
  } finally {
    await handle.close();
  }
}

async function run(bc: BenchContext): Promise<void> {
  await migrate(bc.databaseUrl);
  const handle = await openDatabase({ kind: 'postgres', url: bc.databaseUrl, poolSize: bc.concurrency });
  const pool = new pg.Pool({ connectionString: bc.databaseUrl, max: bc.concurrency, options: '-c TimeZone=UTC' });
  try {
    const ctx: ServiceContext = { db: handle.db, clock: systemClock, countryCode: COUNTRY, timeZone: 'Asia/Taipei', sessionIdleMinutes: 60, agency: DEFAULT_AGENCY_CONTACT };
    const member = await seedCompany(ctx);
    const year = systemClock.now().getUTCFullYear() % 100;
    await pool.query('insert into designation_counters (country_code, registrant_code, year_of_reference) values ($1, $2, $3) on conflict do nothing', [COUNTRY, BARE_CODE, year]);
    const service = serviceOp(ctx, member);
    const bare = bareOp(pool, year);

    bc.log(`allocation: ${bc.iterations} × count 1, ${bc.concurrency} concurrent workers, one counter row; PostgreSQL ${await scalar(pool, "current_setting('server_version')")}`);
    await runConcurrent(bc.warmup, bc.concurrency, service);
    await runConcurrent(bc.warmup, bc.concurrency, bare);
    const s = await runConcurrent(bc.iterations, bc.concurrency, service);
    const b = await runConcurrent(bc.iterations, bc.concurrency, bare);
    await verify(pool, bc.warmup + bc.iterations);

    bc.log(formatSummary('  service allocateIsrcs', s));
    bc.log(formatSummary('  bare UPDATE … RETURNING', b));
    bc.log(`  ratio service / bare: throughput ${(s.opsPerSec / b.opsPerSec).toFixed(2)}, p50 latency ${(s.p50Ms / b.p50Ms).toFixed(2)}, p95 latency ${(s.p95Ms / b.p95Ms).toFixed(2)}`);

    await measureSubmissionCost(ctx, SUBMITTED_ALBUMS, (line) => bc.log(line));
  } finally {
    await pool.end();
    await handle.close();
  }
}

export const allocationBenchmark: Benchmark = {
  name: 'allocation',
  description: 'allocation through the service vs a bare counter UPDATE … RETURNING loop; 10-track vs 1-track submission',
  run,
};
