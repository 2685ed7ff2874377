/** One changed field of an audit entry: what it was, and what it became (JSON text, '' when absent). */
export interface FieldChange {
  key: string;
  before: string;
  after: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The readable "before → after" of an entry: for two objects, only the top-level keys whose values
 * differ (in key order of after, then keys that were removed); for a creation or a deletion every
 * key with a value; for anything else one row named "".
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    return text(before) === text(after) ? [] : [{ key: '', before: text(before), after: text(after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  return keys.map((key) => ({ key, before: text(b[key]), after: text(a[key]) })).filter((change) => change.before !== change.after);
}
