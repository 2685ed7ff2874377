import { randomBytes } from 'node:crypto';
import type { Actor } from '../../src/accounts/actor.js';
import { createUser } from '../../src/accounts/users.service.js';
import { addPoolCode, addRegistrantCode, listPoolCodes } from '../../src/registrants/registrant-codes.service.js';
import { createRegistrant } from '../../src/registrants/registrants.service.js';
import type { RegistrantKind } from '../../src/registrants/registrants.schemas.js';
import type { ServiceContext } from '../../src/db/context.js';

export const TEST_PASSWORD = 'correct horse battery';

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export interface TestMember {
  registrantId: string;
  userId: string;
  loginName: string;
  password: string;
  codes: string[];
  actor: Actor;
}

/**
 * A registrant with one member user (and, for companies and government bodies, one code, allocated
 * this year unless `allocatedYear` says otherwise, as for a code carried over from an earlier system).
 */
export async function newRegistrant(ctx: ServiceContext, kind: RegistrantKind = 'company', options: { codes?: number; allocatedYear?: number } = {}): Promise<TestMember> {
  const registrant = await createRegistrant(ctx, null, { kind, name: uniqueName(`${kind} 測試`) });
  const codes: string[] = [];
  const codeCount = kind === 'individual' ? 0 : (options.codes ?? 1);
  for (let i = 0; i < codeCount; i++) {
    codes.push((await addRegistrantCode(ctx, null, registrant.id, undefined, options.allocatedYear)).code);
  }
  const loginName = uniqueName('user').toLowerCase();
  const user = await createUser(ctx, null, { loginName, displayName: '測試使用者', password: TEST_PASSWORD, role: 'registrant_member', registrantId: registrant.id });
  return {
    registrantId: registrant.id,
    userId: user.id,
    loginName,
    password: TEST_PASSWORD,
    codes,
    actor: { kind: 'member', userId: user.id, role: 'registrant_member', registrantId: registrant.id, ip: '127.0.0.1' },
  };
}

export async function newStaff(ctx: ServiceContext, role: 'agency_admin' | 'agency_officer' = 'agency_admin') {
  const loginName = uniqueName(role).toLowerCase();
  const user = await createUser(ctx, null, { loginName, displayName: '管理中心同仁', password: TEST_PASSWORD, role, registrantId: null });
  const actor: Actor = { kind: 'staff', userId: user.id, role, ip: '127.0.0.1' };
  return { userId: user.id, loginName, password: TEST_PASSWORD, actor };
}

/** Makes sure the agency has a pool code for individuals; returns the pool codes. */
export async function ensurePoolCode(ctx: ServiceContext): Promise<string[]> {
  const existing = await listPoolCodes(ctx);
  if (existing.length > 0) {
    return existing.map((c) => c.code);
  }
  return [(await addPoolCode(ctx, null, undefined)).code];
}
