import type { MeResponse } from '../../../../src/accounts/accounts.schemas.js';
import { allowsDirectAllocation } from '../../../../src/allocation/issuance.policy.js';

/**
 * Whether the signed-in user may ask the server for 「下一個可用編號」 (/allocations/next, /claim):
 * the server's own issuance rule. Individuals get pool codes only on 送出審核, and the server
 * answers them 403 ALLOCATION_NOT_ALLOWED.
 */
export function mayTakeNextAvailable(me: MeResponse | null | undefined): boolean {
  return me?.registrant !== null && me?.registrant !== undefined && allowsDirectAllocation(me.registrant.kind);
}
