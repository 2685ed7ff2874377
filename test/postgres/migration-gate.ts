/**
 * Lines up starting servers on the migration lock: the test holds the advisory lock that
 * `handle.migrate()` takes (src/db/client.ts, MIGRATION_LOCK_KEY), waits until every server is
 * blocked on it, then lets them go — so they really do migrate "at the same time", every run.
 */
import pg from 'pg';
import { MIGRATION_LOCK_KEY } from '../../src/db/client.js';

export interface MigrationGate {
  /** How many sessions are waiting for the lock right now. */
  waiters(): Promise<number>;
  /** Whether the drizzle migrations schema exists yet. */
  migrated(): Promise<boolean>;
  release(): Promise<void>;
}

export async function closeMigrationGate(url: string): Promise<MigrationGate> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  let open = false;
  return {
    waiters: async () => {
      const res = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
         where l.locktype = 'advisory' and not l.granted and l.objid = $1 and d.datname = current_database()`,
        [MIGRATION_LOCK_KEY],
      );
      return res.rows[0]?.n ?? 0;
    },
    migrated: async () => {
      const res = await client.query<{ ok: boolean }>(`select to_regnamespace('drizzle') is not null as ok`);
      return res.rows[0]?.ok ?? false;
    },
    release: async () => {
      if (!open) {
        open = true;
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        await client.end();
      }
    },
  };
}
