import type { Database, Db, Transaction } from './types.js';

function isTransaction(db: Db): db is Transaction {
  return 'rollback' in db;
}

/** Runs `work` in a transaction, reusing the caller's when there is one. */
export async function withTransaction<T>(db: Db, work: (tx: Transaction) => Promise<T>): Promise<T> {
  if (isTransaction(db)) {
    return work(db);
  }
  return (db satisfies Database).transaction(work);
}

/** PostgreSQL error codes we translate into domain errors. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

/** drizzle wraps driver errors; the PostgreSQL code sits on the error or its cause. */
export function pgErrorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    if ('code' in e && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      return e.code;
    }
  }
  return undefined;
}
