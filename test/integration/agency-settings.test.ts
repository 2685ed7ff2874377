import { beforeAll, describe, expect, it } from 'vitest';
import type { AgencySettingsResponse } from '../../src/settings/agency-settings.schemas.js';
import { auditRows, failed, memberSession, ok, type Client, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';
import { receive, reviewedAlbum, staffClient } from './deposit-fixtures.js';

// Settings officers change in the product: deposit copies by registrant kind and overdue days.
// Staff read them; administrators change them, within bounds, with an audit row.

const env = useTestApp();
let officer: Client;
let admin: Client;
let company: MemberSession;

beforeAll(async () => {
  officer = await staffClient(env, 'agency_officer');
  admin = await staffClient(env, 'agency_admin');
  company = await memberSession(env, 'company');
});

describe('agency settings', () => {
  it('gives the guide’s defaults to every officer, and 403 to members', async () => {
    const settings = ok(await officer.call('GET', '/settings/agency')).json<AgencySettingsResponse>();
    expect(settings).toEqual({
      depositCopies: { company: 1, individual: 1, government: 2 },
      depositOverdueDays: 30,
      publicSearch: { showRegistrantName: true, showRegistrantCode: false, requestsPerMinute: 60 },
      updatedAt: null,
    });
    failed(await company.api.call('GET', '/settings/agency'), 403, 'FORBIDDEN');
    failed(await company.api.call('PUT', '/settings/agency', { depositOverdueDays: 10 }), 403, 'FORBIDDEN');
  });

  it('lets only administrators change them', async () => {
    failed(await officer.call('PUT', '/settings/agency', { depositOverdueDays: 10 }), 403, 'FORBIDDEN');
    expect(ok(await officer.call('GET', '/settings/agency')).json<AgencySettingsResponse>().depositOverdueDays).toBe(30);
  });

  it('refuses values out of bounds, unknown keys and an empty change', async () => {
    failed(await admin.call('PUT', '/settings/agency', { depositOverdueDays: 0 }), 400, 'VALIDATION_FAILED');
    failed(await admin.call('PUT', '/settings/agency', { depositOverdueDays: 366 }), 400, 'VALIDATION_FAILED');
    failed(await admin.call('PUT', '/settings/agency', { depositCopies: { company: 0, individual: 1, government: 2 } }), 400, 'VALIDATION_FAILED');
    failed(await admin.call('PUT', '/settings/agency', { depositCopies: { company: 1, individual: 1 } }), 400, 'VALIDATION_FAILED');
    failed(await admin.call('PUT', '/settings/agency', { depositCopies: { company: 1.5, individual: 1, government: 2 } }), 400, 'VALIDATION_FAILED');
    failed(await admin.call('PUT', '/settings/agency', { surprise: 1 }), 400, 'VALIDATION_FAILED');
    failed(await admin.call('PUT', '/settings/agency', {}), 400, 'VALIDATION_FAILED');
  });

  it('saves a change with an audit row holding before and after', async () => {
    const saved = ok(await admin.call('PUT', '/settings/agency', { depositCopies: { company: 3, individual: 1, government: 2 }, depositOverdueDays: 45 })).json<AgencySettingsResponse>();
    expect(saved).toMatchObject({ depositCopies: { company: 3, individual: 1, government: 2 }, depositOverdueDays: 45 });
    expect(saved.updatedAt).not.toBeNull();
    expect(ok(await officer.call('GET', '/settings/agency')).json<AgencySettingsResponse>()).toEqual(saved);
    const [audit] = await auditRows(env, 'agency');
    expect(audit).toMatchObject({
      action: 'settings.agency.update',
      before: { depositCopies: { company: 1, individual: 1, government: 2 }, depositOverdueDays: 30 },
      after: { depositCopies: { company: 3, individual: 1, government: 2 }, depositOverdueDays: 45 },
    });
  });

  it('makes deposit follow the changed copies: a company now owes 3', async () => {
    const album = await reviewedAlbum(company, officer, '三份');
    expect(await receive(officer, album.id, 2, '2026-06-15')).toMatchObject({ requiredCopies: 3, status: 'partial' });
    expect(await receive(officer, album.id, 1, '2026-06-15')).toMatchObject({ receivedCopies: 3, status: 'deposited' });
    ok(await admin.call('PUT', '/settings/agency', { depositCopies: { company: 1, individual: 1, government: 2 } }));
    const other = await reviewedAlbum(company, officer, '又一份');
    expect(await receive(officer, other.id, 1, '2026-06-15')).toMatchObject({ requiredCopies: 1, status: 'deposited' });
  });
});
