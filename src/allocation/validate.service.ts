import { checkIsrc } from '../isrc/check.js';
import { isrcErrorMessage, isrcWarningMessage } from '../isrc/messages.js';
import { currentYear, type ServiceContext } from '../db/context.js';
import type { Locale } from '../shared/locale.js';
import type { ValidateQuery, ValidateResponse } from './allocation.schemas.js';

/** The public check: valid or not, the normal forms, and translated error and warnings. */
export function validateIsrc(ctx: ServiceContext, query: ValidateQuery, locale: Locale): ValidateResponse {
  const result = checkIsrc(query.code, { purpose: query.purpose ?? 'report-foreign', currentYear: currentYear(ctx) });
  const warnings = result.warnings.map((w) => ({ kind: w.kind, message: isrcWarningMessage(w, locale) }));
  if (!result.valid) {
    return { valid: false, error: { kind: result.error.kind, message: isrcErrorMessage(result.error, locale) }, warnings };
  }
  return { valid: true, compact: result.compact, display: result.display, warnings };
}
