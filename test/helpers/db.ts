import type { SQL } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { rowsOf } from '../../src/db/rows.js';

export { rowsOf };

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server named by DATABASE_URL (dropped again on close).
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl === undefined || baseUrl === '') {
    const handle = await openDatabase({ kind: 'pglite-memory' });
    await handle.migrate();
    return handle;
  }
  const name = `isrc_t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await adminQuery(baseUrl, `create database ${name}`);
  const url = withDatabase(baseUrl, name);
  const handle = await openDatabase({ kind: 'postgres', url });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      // pool.end() resolves before the server has seen every connection go; wait briefly so the
      // forced drop does not have to cut live ones.
      await waitForNoConnections(baseUrl, name);
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Raw rows of a query, the same on PGlite and node-postgres. */
export async function queryRows(handle: DatabaseHandle, query: SQL): Promise<Record<string, unknown>[]> {
  return rowsOf(await handle.db.execute(query));
}

async function waitForNoConnections(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < 40; i++) {
      const res = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [database]);
      if ((res.rows[0]?.n ?? 0) === 0) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}
