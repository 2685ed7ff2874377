import type { Actor } from '../accounts/actor.js';
import { AppError } from '../shared/errors.js';

/**
 * Members allocate for their own registrant only (a registrantId naming another is NOT_FOUND);
 * staff must say which registrant they act for.
 */
export function resolveRegistrantFor(actor: Actor, requested: string | undefined): string {
  if (actor.kind === 'member') {
    if (requested !== undefined && requested !== actor.registrantId) {
      throw new AppError('NOT_FOUND');
    }
    return actor.registrantId;
  }
  if (requested === undefined) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'registrantId', code: 'required' }] });
  }
  return requested;
}
