/** The rows of a raw `execute()` result: PGlite and node-postgres both answer `{ rows }`. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (typeof result !== 'object' || result === null || !('rows' in result) || !Array.isArray(result.rows)) {
    throw new Error(`db.execute returned no rows array: ${JSON.stringify(result)}`);
  }
  return result.rows.map((row: unknown) => {
    if (typeof row !== 'object' || row === null) {
      throw new Error(`db.execute returned a non-object row: ${JSON.stringify(row)}`);
    }
    return row as Record<string, unknown>;
  });
}
