import { checkIsrc, type IsrcWarning } from '../isrc/check.js';
import { codeYearFinding } from '../isrc/code-year.js';
import { isrcErrorMessage, isrcWarningMessage } from '../isrc/messages.js';
import { currentYear, type ServiceContext } from '../db/context.js';
import { allocatedYearOfCode } from '../registrants/registrant-codes.service.js';
import type { Locale } from '../shared/locale.js';
import type { ValidateQuery, ValidateResponse } from './allocation.schemas.js';

/**
 * The public check: valid or not, the normal forms, and translated error and warnings. An ISRC
 * under one of this agency's registrant codes is also checked against the year that code was
 * allocated: an earlier year is a warning here (the album may be 回溯編碼), and refused when a
 * code is typed as one's own on an album that is not.
 */
export async function validateIsrc(ctx: ServiceContext, query: ValidateQuery, locale: Locale): Promise<ValidateResponse> {
  const result = checkIsrc(query.code, { purpose: query.purpose ?? 'report-foreign', currentYear: currentYear(ctx) });
  const found: IsrcWarning[] = [...result.warnings];
  if (result.valid && result.parts.countryCode === ctx.countryCode) {
    const allocatedYear = await allocatedYearOfCode(ctx, ctx.countryCode, result.parts.registrantCode);
    const early = allocatedYear === undefined ? undefined : codeYearFinding(result.parts.yearOfReference, allocatedYear, false);
    if (early !== undefined) {
      found.push(early);
    }
  }
  const warnings = found.map((w) => ({ kind: w.kind, message: isrcWarningMessage(w, locale) }));
  if (!result.valid) {
    return { valid: false, error: { kind: result.error.kind, message: isrcErrorMessage(result.error, locale) }, warnings };
  }
  return { valid: true, compact: result.compact, display: result.display, warnings };
}
