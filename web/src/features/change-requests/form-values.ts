import { checkFieldValue, normaliseValue, type ChangeableField } from '../../../../src/change-requests/change-request-fields.js';

/** Which message key the form shows under a new value (the server checks the same rule). */
export type AfterProblem = { key: 'required' | 'sameAsCurrent' | 'badFormat' } | { key: 'tooLong'; limit: number };

export function afterProblem(field: ChangeableField, current: string, typed: string): AfterProblem | undefined {
  const value = normaliseValue(typed);
  const problem = checkFieldValue(field, value);
  if (problem !== undefined) {
    switch (problem.code) {
      case 'required':
        return { key: 'required' };
      case 'maxLength':
        return { key: 'tooLong', limit: Number(problem.params?.limit ?? 0) };
      case 'pattern':
      case 'format':
        return { key: 'badFormat' };
    }
  }
  return value === current ? { key: 'sameAsCurrent' } : undefined;
}

/** "1.2 MB" / "340 KB" for an attachment's size. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
