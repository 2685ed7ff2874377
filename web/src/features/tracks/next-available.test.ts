import { describe, expect, it } from 'vitest';
import type { MeResponse } from '../../../../src/accounts/accounts.schemas.js';
import { mayTakeNextAvailable } from './next-available';

const user: MeResponse['user'] = {
  id: '00000000-0000-4000-8000-000000000001',
  loginName: 'someone',
  displayName: 'Someone',
  email: '',
  role: 'registrant_member',
  registrantId: '00000000-0000-4000-8000-000000000002',
  status: 'active',
  mustChangePassword: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function member(kind: 'company' | 'government' | 'individual'): MeResponse {
  return { user, registrant: { id: '00000000-0000-4000-8000-000000000002', name: 'R', kind, isDemo: false } };
}

describe(mayTakeNextAvailable.name, () => {
  it('lets registrants with codes of their own ask for the next available ISRC', () => {
    expect(mayTakeNextAvailable(member('company'))).toBe(true);
    expect(mayTakeNextAvailable(member('government'))).toBe(true);
  });

  it('never asks for an individual: their ISRCs are assigned only on 送出審核 (the server answers 403)', () => {
    expect(mayTakeNextAvailable(member('individual'))).toBe(false);
  });

  it('never asks for staff or without a session', () => {
    expect(mayTakeNextAvailable({ user: { ...user, role: 'agency_admin', registrantId: null }, registrant: null })).toBe(false);
    expect(mayTakeNextAvailable(null)).toBe(false);
    expect(mayTakeNextAvailable(undefined)).toBe(false);
  });
});
