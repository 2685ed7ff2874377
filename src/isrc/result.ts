/**
 * A success-or-failure value. The ISRC core returns this instead of throwing
 * for anything a user can type wrong, so callers (API handlers, forms) must
 * handle the failure case explicitly and can show a message for it.
 * Exceptions are reserved for programming errors (e.g. an out-of-range number
 * passed by our own code).
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
