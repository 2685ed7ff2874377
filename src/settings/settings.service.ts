import type { Actor } from '../accounts/actor.js';
import { isStaff } from '../accounts/accounts.policy.js';
import { listPoolCodes } from '../registrants/registrant-codes.service.js';
import { currentYear, type ServiceContext } from '../db/context.js';
import { AppError } from '../shared/errors.js';
import type { AgencyResponse, SettingsResponse } from './settings.schemas.js';

/** The agency's settings: country prefix (from configuration) and pool codes (managed here). */
export async function getSettings(ctx: ServiceContext, actor: Actor): Promise<SettingsResponse> {
  if (!isStaff(actor)) {
    throw new AppError('FORBIDDEN');
  }
  return { countryCode: ctx.countryCode, timeZone: ctx.timeZone, poolCodes: await listPoolCodes(ctx) };
}

/** The agency facts every screen needs, public (also before login): zone, clock, year and how to reach the agency. */
export function getAgency(ctx: ServiceContext): AgencyResponse {
  const { name, address, phone, email } = ctx.agency;
  return { countryCode: ctx.countryCode, timeZone: ctx.timeZone, now: ctx.clock.now().toISOString(), currentYear: currentYear(ctx), contact: { name, address, phone, email } };
}
