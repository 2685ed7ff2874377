import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.js';
import { lockDataDir } from './pglite-lock.js';
import type { Database } from './types.js';

/** The committed migrations (SQL and journal); beside this module in the source tree and in the build. */
export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Any concurrent starter waits on this lock, so migrations run once. */
export const MIGRATION_LOCK_KEY = 3901_0001;

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: 'pglite' | 'postgres';
  /** Applies committed migrations; safe to call from several processes at once on PostgreSQL. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'postgres'; url: string; poolSize?: number } | { kind: 'pglite'; dataDir: string } | { kind: 'pglite-memory' };

/** Where the embedded database keeps its files inside DATA_DIR. */
export function pgliteDirectory(dataDir: string): string {
  return path.join(dataDir, 'pg');
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgres' ? openPostgres(target.url, target.poolSize ?? 10) : openPglite(target);
}

async function openPglite(target: { kind: 'pglite'; dataDir: string } | { kind: 'pglite-memory' }): Promise<DatabaseHandle> {
  const release = target.kind === 'pglite' ? lockDataDir(target.dataDir) : () => undefined;
  try {
    const options = { extensions: { pg_trgm } };
    const client = target.kind === 'pglite' ? new PGlite(pgliteDirectory(target.dataDir), options) : new PGlite(options);
    await client.exec("SET TIME ZONE 'UTC'");
    const db = drizzlePglite(client, { schema, casing: 'snake_case' });
    return {
      db,
      kind: 'pglite',
      migrate: () => migratePglite(db, { migrationsFolder }),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  // A database that does not answer fails a request within seconds (503 DATABASE_UNAVAILABLE)
  // rather than holding it until the client gives up.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c TimeZone=UTC', connectionTimeoutMillis: 5000 });
  // An idle connection dropped by the server (restart, failover, admin termination) must not
  // crash the process: the pool discards it and the next query opens a fresh one.
  pool.on('error', (err) => {
    console.error(`database connection lost: ${err.message}`);
  });
  const db = drizzlePg(pool, { schema, casing: 'snake_case' });
  return Promise.resolve({
    db,
    kind: 'postgres',
    migrate: async () => {
      // The lock lives on its own connection, outside the pool the migrator uses (a pool of one
      // would otherwise wait for itself).
      const lock = new pg.Client({ connectionString: url });
      await lock.connect();
      try {
        await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(db, { migrationsFolder });
      } finally {
        await lock.end();
      }
    },
    close: () => pool.end(),
  });
}
