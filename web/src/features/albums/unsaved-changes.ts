/** Blank text, null and undefined all mean "nothing entered". */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a form still holds what was loaded or last saved: the same values, with blank text,
 * null and undefined counted as one, text compared without surrounding spaces and empty list
 * entries left out (the server drops both). Used to ask before leaving a form with changes, and only then.
 */
export function sameFormValues(a: unknown, b: unknown): boolean {
  if (isBlank(a) || isBlank(b)) {
    return isBlank(a) && isBlank(b);
  }
  if (typeof a === 'string' && typeof b === 'string') {
    return a.trim() === b.trim();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) {
      return false;
    }
    // An empty input added to a list (another performer) holds nothing yet.
    const left = a.filter((item) => !isBlank(item));
    const right = b.filter((item) => !isBlank(item));
    return left.length === right.length && left.every((item, index) => sameFormValues(item, right[index]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameFormValues(a[key], b[key]));
  }
  return Object.is(a, b);
}

/** A navigation that leaves the form's page (not one that only changes its query, such as a tab). */
export function leavesPage(current: { pathname: string }, next: { pathname: string }): boolean {
  return current.pathname !== next.pathname;
}
