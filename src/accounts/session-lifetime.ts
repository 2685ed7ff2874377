import type { ServiceContext } from '../db/context.js';

/** SESSION_ABSOLUTE_MINUTES's default: 12 hours, a working day with its overtime. */
export const DEFAULT_SESSION_ABSOLUTE_MINUTES = 12 * 60;

/**
 * How long a session lasts from its login however active it is (ASVS 3.3.1/3.3.2): the idle expiry
 * slides with every request, so without this a stolen cookie kept busy would work for ever.
 */
export function sessionAbsoluteMs(ctx: Pick<ServiceContext, 'sessionAbsoluteMinutes'>): number {
  return (ctx.sessionAbsoluteMinutes ?? DEFAULT_SESSION_ABSOLUTE_MINUTES) * 60_000;
}

/** The session began too long ago: refused like an expired one. */
export function sessionTooOld(ctx: Pick<ServiceContext, 'sessionAbsoluteMinutes'>, createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() >= sessionAbsoluteMs(ctx);
}
