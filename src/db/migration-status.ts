import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder } from './client.js';
import { rowsOf } from './rows.js';
import { pgErrorCode } from './tx.js';
import type { Db } from './types.js';

export interface MigrationStatus {
  /** Every committed migration is applied, in order, with the same content. */
  readonly current: boolean;
  readonly applied: number;
  readonly committed: number;
}

/** Read once: the committed files do not change while the server runs. */
let committedHashes: string[] | undefined;

/**
 * Compares the migrations the database has applied (drizzle's own table) with the committed
 * journal: the count and each migration's SHA-256, so a server started on an older or a newer
 * database, or on one whose migration file was edited after it ran, is not ready.
 */
export async function migrationStatus(db: Db): Promise<MigrationStatus> {
  committedHashes ??= readMigrationFiles({ migrationsFolder }).map((m) => m.hash);
  const committed = committedHashes;
  let applied: string[];
  try {
    const result = await db.execute(sql`select hash from drizzle.__drizzle_migrations order by created_at, id`);
    applied = rowsOf(result).map((r) => String(r.hash));
  } catch (err) {
    // No migration table yet (schema or table missing): nothing applied. Anything else (the
    // database unreachable) is the caller's to report.
    if (pgErrorCode(err) !== '3F000' && pgErrorCode(err) !== '42P01') {
      throw err;
    }
    applied = [];
  }
  const current = applied.length === committed.length && applied.every((hash, i) => hash === committed[i]);
  return { current, applied: applied.length, committed: committed.length };
}
