import type { Actor } from '../accounts/actor.js';
import { AppError } from '../shared/errors.js';

/**
 * Whose ledger an actor may read in 年度使用編號查詢: a member only its own registrant's (naming
 * another registrant is NOT_FOUND, as for any foreign object); staff any registrant, or every
 * registrant when they name none (undefined). Applicants have no codes to look at.
 */
export function usageRegistrantFor(actor: Actor, requested: string | undefined): string | undefined {
  switch (actor.kind) {
    case 'member':
      if (requested !== undefined && requested !== actor.registrantId) {
        throw new AppError('NOT_FOUND');
      }
      return actor.registrantId;
    case 'staff':
      return requested;
    case 'applicant':
      throw new AppError('FORBIDDEN');
  }
}
