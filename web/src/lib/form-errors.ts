import type { FormInstance } from 'antd';
import { isApiError } from './api-error';

type NamePath = (string | number)[];

/** `tracks.2.title` or `/tracks/2/title` → ['tracks', 2, 'title']. */
export function toNamePath(field: string): NamePath {
  return field
    .split(/[./]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function sameName(a: NamePath, b: NamePath): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

export interface ApplyErrorOptions {
  /** Names of the fields this form shows. */
  fields: readonly (string | NamePath)[];
  /** Error codes that belong to one field, e.g. `{ LOGIN_NAME_TAKEN: 'loginName' }`. */
  codeFields?: Readonly<Record<string, string>>;
}

/**
 * Shows an API error next to the fields it names (antd `setFields`).
 * Returns true when every problem was placed on a field, so no extra alert is needed.
 */
export function applyApiErrorToForm(form: FormInstance, error: unknown, options: ApplyErrorOptions): boolean {
  if (!isApiError(error)) {
    return false;
  }
  const known = options.fields.map((name) => (Array.isArray(name) ? name : toNamePath(name)));
  const codeField = options.codeFields?.[error.code];
  if (codeField !== undefined) {
    form.setFields([{ name: toNamePath(codeField), errors: [error.message] }]);
    return true;
  }
  const fieldErrors = error.fieldErrors;
  if (fieldErrors.length === 0) {
    return false;
  }
  const grouped = new Map<string, { name: NamePath; errors: string[] }>();
  let allPlaced = true;
  for (const fieldError of fieldErrors) {
    const name = toNamePath(fieldError.field);
    if (!known.some((candidate) => sameName(candidate, name))) {
      allPlaced = false;
      continue;
    }
    const key = name.join('.');
    const entry = grouped.get(key) ?? { name, errors: [] };
    entry.errors.push(fieldError.message);
    grouped.set(key, entry);
  }
  form.setFields([...grouped.values()]);
  return allPlaced;
}

/**
 * After a failed save: scrolls to the first field that shows an error and focuses it, so a message
 * placed far above the button the user clicked is seen. Returns that field, or undefined when no
 * shown field has an error (the caller then shows the message beside the button instead).
 */
export function revealFirstError(form: Pick<FormInstance, 'getFieldsError' | 'getFieldInstance' | 'scrollToField'>): NamePath | undefined {
  const first = form.getFieldsError().find((field) => field.errors.length > 0 && form.getFieldInstance(field.name) !== undefined);
  if (first === undefined) {
    return undefined;
  }
  form.scrollToField(first.name, { block: 'center', focus: true });
  return first.name;
}
