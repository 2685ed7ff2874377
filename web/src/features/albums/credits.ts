import type { CreditLine } from '../../../../src/catalog/catalog.schemas.js';
import { CREDIT_ROLES, type CreditRole } from '../../../../src/catalog/vocabularies.js';
import { codeOrNull } from './catalog-locale';

/** One role of the credits editor: its names in order (a blank name is an empty input). */
export interface CreditRow {
  role: string;
  names: string[];
}

/** The default roles first (always shown, one empty input at least), then any others in saved order. */
export function toCreditRows(credits: readonly CreditLine[], defaultRoles: readonly CreditRole[]): CreditRow[] {
  const byRole = new Map(credits.map((line) => [line.role, line.names]));
  const rows: CreditRow[] = defaultRoles.map((role) => {
    const names = byRole.get(role) ?? [];
    return { role, names: names.length > 0 ? [...names] : [''] };
  });
  for (const line of credits) {
    if (!defaultRoles.some((role) => role === line.role)) {
      rows.push({ role: line.role, names: line.names.length > 0 ? [...line.names] : [''] });
    }
  }
  return rows;
}

/** Rows as the API takes them; the server trims names and drops empty ones and roles without names. */
export function toCreditLines(rows: readonly CreditRow[] | undefined): CreditLine[] {
  const lines: CreditLine[] = [];
  for (const row of rows ?? []) {
    const role = codeOrNull(CREDIT_ROLES, row.role);
    if (role !== null) {
      lines.push({ role, names: row.names.map((name) => (typeof name === 'string' ? name : '')) });
    }
  }
  return lines;
}
