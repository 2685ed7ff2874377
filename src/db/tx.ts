import type { ServiceContext, TxContext } from './context.js';
import type { Transaction } from './types.js';

/**
 * Runs `work` in a transaction. Inside another transaction it opens a savepoint, so a failed step
 * (say a unique violation mapped to ISRC_TAKEN) rolls back only itself and its own error code
 * surfaces, while the outer transaction stays usable and can still commit.
 */
export async function withTransaction<T>(ctx: ServiceContext, work: (tx: TxContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx: Transaction) => work({ ...ctx, db: tx }));
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
