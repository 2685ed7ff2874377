import { DEFAULT_AGENCY_CONTACT } from '../../src/shared/agency-contact.js';
import { fixedClock, type Clock } from '../../src/shared/clock.js';
import type { ServiceContext } from '../../src/db/context.js';
import type { DatabaseHandle } from '../../src/db/client.js';

/** Tests pin "now" so year rules are deterministic; 2026 unless a test says otherwise. */
export const TEST_NOW = new Date('2026-06-15T08:00:00Z');

export function testContext(handle: DatabaseHandle, clock: Clock = fixedClock(TEST_NOW)): ServiceContext {
  return { db: handle.db, clock, countryCode: 'TW', timeZone: 'Asia/Taipei', sessionIdleMinutes: 60, agency: DEFAULT_AGENCY_CONTACT };
}
