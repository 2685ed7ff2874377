import type { Actor } from '../accounts/actor.js';
import { isStaff } from '../accounts/accounts.policy.js';
import { listPoolCodes } from '../registrants/registrant-codes.service.js';
import type { ServiceContext } from '../shared/context.js';
import { AppError } from '../shared/errors.js';
import type { SettingsResponse } from './settings.schemas.js';

/** The agency's settings: country prefix (from configuration) and pool codes (managed here). */
export async function getSettings(ctx: ServiceContext, actor: Actor): Promise<SettingsResponse> {
  if (!isStaff(actor)) {
    throw new AppError('FORBIDDEN');
  }
  return { countryCode: ctx.countryCode, poolCodes: await listPoolCodes(ctx) };
}
