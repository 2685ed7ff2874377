import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRequestPage, ChangeRequestResponse } from '../../src/change-requests/change-requests.schemas.js';
import type { RegistrantResponse } from '../../src/registrants/registrants.schemas.js';
import { auditRows, failed, memberSession, ok, staffSession, type Client, type MemberSession } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { useAppWithFiles } from './change-requests-setup.js';

const env = useAppWithFiles();
let staff: Client;

beforeAll(async () => {
  staff = await staffSession(env);
});

async function file(session: MemberSession, changes: Array<{ field: string; after: string }>, reason = '公司搬遷'): Promise<ChangeRequestResponse> {
  return ok(await session.api.call('POST', '/change-requests', { changes, reason }), 201).json<ChangeRequestResponse>();
}

async function registrant(session: MemberSession): Promise<RegistrantResponse> {
  return ok(await session.api.call('GET', `/registrants/${session.member.registrantId}`)).json<RegistrantResponse>();
}

describe('filing a change request', () => {
  it('takes "before" from the registrant record, whatever the client says', async () => {
    const s = await memberSession(env);
    ok(await staff.call('PATCH', `/registrants/${s.member.registrantId}`, { address: '臺北市舊地址 1 號' }));
    const sneaky = await s.api.call('POST', '/change-requests', { changes: [{ field: 'address', before: '假的', after: '臺北市新地址 2 號' }], reason: '搬遷' });
    failed(sneaky, 400, 'VALIDATION_FAILED');
    const request = await file(s, [{ field: 'address', after: '  臺北市新地址 2 號 ' }]);
    expect(request).toMatchObject({ status: 'pending', reason: '公司搬遷', attachment: null, changes: [{ field: 'address', before: '臺北市舊地址 1 號', after: '臺北市新地址 2 號' }] });
  });

  it('accepts only the whitelisted fields, each checked like the registrant form', async () => {
    const s = await memberSession(env);
    for (const field of ['status', 'kind', 'codes', 'isDemo', 'id']) {
      failed(await s.api.call('POST', '/change-requests', { changes: [{ field, after: 'x' }], reason: 'r' }), 400, 'VALIDATION_FAILED');
    }
    const bad = failed(
      await s.api.call('POST', '/change-requests', {
        changes: [
          { field: 'email', after: 'not-an-email' },
          { field: 'phone', after: '02-abc' },
          { field: 'name', after: '   ' },
          { field: 'registrationNumber', after: '12 34' },
        ],
        reason: '更正',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect((bad.details?.fields as Array<{ field: string; code: string }>).map((f) => `${f.field}:${f.code}`)).toEqual([
      'changes.0.after:format',
      'changes.1.after:pattern',
      'changes.2.after:required',
      'changes.3.after:pattern',
    ]);
    const twice = failed(
      await s.api.call('POST', '/change-requests', {
        changes: [
          { field: 'phone', after: '1' },
          { field: 'phone', after: '2' },
        ],
        reason: 'r',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(twice.details?.fields).toEqual([expect.objectContaining({ field: 'changes.1.field' })]);
    failed(await s.api.call('POST', '/change-requests', { changes: [{ field: 'phone', after: '1' }], reason: '   ' }), 400, 'VALIDATION_FAILED');
    failed(await s.api.call('POST', '/change-requests', { changes: [], reason: 'r' }), 400, 'VALIDATION_FAILED');
  });

  it('refuses a new value equal to the current one', async () => {
    const s = await memberSession(env);
    const current = await registrant(s);
    const err = failed(await s.api.call('POST', '/change-requests', { changes: [{ field: 'name', after: current.name }], reason: 'r' }), 400, 'CHANGE_REQUEST_UNCHANGED');
    expect(err.details?.unchanged).toEqual(['name']);
  });

  it('allows one pending request per registrant; withdrawing frees the way', async () => {
    const s = await memberSession(env);
    const first = await file(s, [{ field: 'phone', after: '02-1234-5678' }]);
    failed(await s.api.call('POST', '/change-requests', { changes: [{ field: 'email', after: 'a@b.tw' }], reason: 'r' }), 409, 'CHANGE_REQUEST_PENDING');
    expect(ok(await s.api.call('DELETE', `/change-requests/${first.id}`), 204).body).toBe('');
    const second = await file(s, [{ field: 'email', after: 'a@b.tw' }]);
    failed(await s.api.call('POST', '/change-requests', { changes: [{ field: 'name', after: '又一個名稱' }], reason: 'r' }), 409, 'CHANGE_REQUEST_PENDING');
    const mine = ok(await s.api.call('GET', '/change-requests')).json<ChangeRequestPage>();
    expect(mine.items.map((i) => [i.id, i.status])).toEqual([
      [second.id, 'pending'],
      [first.id, 'withdrawn'],
    ]);
  });

  it('a withdrawn request stays on record: who withdrew it, when, audited before → after', async () => {
    const s = await memberSession(env);
    const request = await file(s, [{ field: 'contactPerson', after: '陳大文' }]);
    ok(await s.api.call('DELETE', `/change-requests/${request.id}`), 204);
    for (const who of [s.api, staff]) {
      const seen = ok(await who.call('GET', `/change-requests/${request.id}`)).json<ChangeRequestResponse>();
      expect(seen).toMatchObject({ status: 'withdrawn', decisionReason: null, decidedByName: '測試使用者', changes: [{ field: 'contactPerson', after: '陳大文' }] });
      expect(seen.decidedAt).not.toBeNull();
    }
    const audit = (await auditRows(env, request.id)).filter((a) => a.action === 'changeRequest.withdraw');
    expect(audit).toEqual([{ action: 'changeRequest.withdraw', actorUserId: s.member.userId, before: { status: 'pending' }, after: { status: 'withdrawn' } }]);
    // Nothing more happens to it, and the officer is told why.
    failed(await s.api.call('DELETE', `/change-requests/${request.id}`), 409, 'CHANGE_REQUEST_WITHDRAWN');
    const err = failed(await staff.call('POST', `/change-requests/${request.id}/approve`), 409, 'CHANGE_REQUEST_WITHDRAWN');
    expect(err.message).toContain('撤回');
    failed(await staff.call('POST', `/change-requests/${request.id}/reject`, { reason: 'x' }), 409, 'CHANGE_REQUEST_WITHDRAWN');
    expect((await registrant(s)).contactPerson).toBe('');
    const withdrawn = ok(await staff.call('GET', `/change-requests?status=withdrawn&registrantId=${s.member.registrantId}`)).json<ChangeRequestPage>();
    expect(withdrawn.items.map((i) => i.id)).toEqual([request.id]);
    const pending = ok(await staff.call('GET', `/change-requests?status=pending&registrantId=${s.member.registrantId}`)).json<ChangeRequestPage>();
    expect(pending.total).toBe(0);
  });

  it('shows the member the current values the form starts from', async () => {
    const s = await memberSession(env);
    ok(await staff.call('PATCH', `/registrants/${s.member.registrantId}`, { phone: '02-7777-7777' }));
    const current = ok(await s.api.call('GET', '/change-requests/current')).json<{ registrantId: string; values: Record<string, string> }>();
    expect(current).toMatchObject({ registrantId: s.member.registrantId, values: { phone: '02-7777-7777', registrationNumber: '', address: '' } });
    failed(await staff.call('GET', '/change-requests/current'), 403, 'FORBIDDEN');
  });

  it('is for members only: staff edit registrants directly', async () => {
    failed(await staff.call('POST', '/change-requests', { changes: [{ field: 'phone', after: '1' }], reason: 'r' }), 403, 'FORBIDDEN');
  });
});

describe('deciding', () => {
  it('approve applies the new values in one step, and the audit log keeps the old ones', async () => {
    const s = await memberSession(env);
    ok(await staff.call('PATCH', `/registrants/${s.member.registrantId}`, { address: '舊址', phone: '02-1111-1111' }));
    const request = await file(s, [
      { field: 'address', after: '新址' },
      { field: 'phone', after: '02-2222-2222' },
      { field: 'registrationNumber', after: '12345678' },
    ]);
    const approved = ok(await staff.call('POST', `/change-requests/${request.id}/approve`)).json<ChangeRequestResponse>();
    expect(approved).toMatchObject({ status: 'approved', decidedByName: '管理中心同仁' });
    expect(approved.decidedAt).not.toBeNull();
    expect(await registrant(s)).toMatchObject({ address: '新址', phone: '02-2222-2222' });
    const [row] = await queryRows(env.handle, sql`select registration_number from registrants where id = ${s.member.registrantId}`);
    expect(row?.registration_number).toBe('12345678');
    const history = (await auditRows(env, s.member.registrantId)).filter((a) => a.action === 'registrant.update').at(-1);
    expect(history?.before).toMatchObject({ address: '舊址', phone: '02-1111-1111', registrationNumber: '' });
    expect(history?.after).toMatchObject({ address: '新址', phone: '02-2222-2222', registrationNumber: '12345678' });
    failed(await staff.call('POST', `/change-requests/${request.id}/approve`), 409, 'CHANGE_REQUEST_DECIDED');
    failed(await staff.call('POST', `/change-requests/${request.id}/reject`, { reason: 'x' }), 409, 'CHANGE_REQUEST_DECIDED');
    failed(await s.api.call('DELETE', `/change-requests/${request.id}`), 409, 'CHANGE_REQUEST_DECIDED');
  });

  it('answers 409 CHANGE_REQUEST_STALE and changes nothing when the record moved since the request', async () => {
    const s = await memberSession(env);
    const request = await file(s, [
      { field: 'contactPerson', after: '王小明' },
      { field: 'address', after: '新址' },
    ]);
    ok(await staff.call('PATCH', `/registrants/${s.member.registrantId}`, { address: '官員已改的地址' }));
    const err = failed(await staff.call('POST', `/change-requests/${request.id}/approve`), 409, 'CHANGE_REQUEST_STALE');
    expect(err.details?.changed).toEqual(['address']);
    expect(await registrant(s)).toMatchObject({ address: '官員已改的地址', contactPerson: '' });
    expect(ok(await staff.call('GET', `/change-requests/${request.id}`)).json<ChangeRequestResponse>().status).toBe('pending');
  });

  it('reject needs a non-blank reason, leaves the record alone and shows the reason to the registrant', async () => {
    const s = await memberSession(env);
    const before = await registrant(s);
    const request = await file(s, [{ field: 'name', after: '新名稱股份有限公司' }]);
    failed(await staff.call('POST', `/change-requests/${request.id}/reject`, { reason: '   ' }), 400, 'VALIDATION_FAILED');
    failed(await staff.call('POST', `/change-requests/${request.id}/reject`, {}), 400, 'VALIDATION_FAILED');
    ok(await staff.call('POST', `/change-requests/${request.id}/reject`, { reason: '請附變更登記表影本' }));
    expect((await registrant(s)).name).toBe(before.name);
    const mine = ok(await s.api.call('GET', '/change-requests')).json<ChangeRequestPage>();
    expect(mine.items[0]).toMatchObject({ id: request.id, status: 'rejected', decisionReason: '請附變更登記表影本' });
  });

  it('staff list: pending first, oldest first, filterable by status and registrant', async () => {
    const a = await memberSession(env);
    const b = await memberSession(env);
    const older = await file(a, [{ field: 'phone', after: '02-3333-3333' }]);
    const newer = await file(b, [{ field: 'phone', after: '02-4444-4444' }]);
    const pending = ok(await staff.call('GET', '/change-requests?status=pending&pageSize=100')).json<ChangeRequestPage>();
    const ids = pending.items.map((i) => i.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(pending.items.every((i) => i.status === 'pending')).toBe(true);
    const all = ok(await staff.call('GET', '/change-requests?pageSize=100')).json<ChangeRequestPage>();
    const firstDecided = all.items.findIndex((i) => i.status !== 'pending');
    expect(all.items.slice(firstDecided).every((i) => i.status !== 'pending')).toBe(true);
    const ofB = ok(await staff.call('GET', `/change-requests?registrantId=${b.member.registrantId}`)).json<ChangeRequestPage>();
    expect(ofB.items.map((i) => i.id)).toEqual([newer.id]);
    expect(ofB.items[0]?.registrantName).not.toBe('');
    const page = ok(await staff.call('GET', '/change-requests?pageSize=1&page=2')).json<ChangeRequestPage>();
    expect(page).toMatchObject({ page: 2, pageSize: 1 });
    expect(page.items).toHaveLength(1);
  });
});

describe('isolation', () => {
  it("a member sees only their registrant's requests: another's are 404, even through registrantId", async () => {
    const a = await memberSession(env);
    const b = await memberSession(env);
    const ofB = await file(b, [{ field: 'phone', after: '02-5555-5555' }]);
    failed(await a.api.call('GET', `/change-requests/${ofB.id}`), 404, 'NOT_FOUND');
    failed(await a.api.call('DELETE', `/change-requests/${ofB.id}`), 404, 'NOT_FOUND');
    failed(await a.api.call('GET', `/change-requests/${ofB.id}/attachment`), 404, 'NOT_FOUND');
    failed(await a.api.call('POST', `/change-requests/${ofB.id}/approve`), 404, 'NOT_FOUND');
    failed(await a.api.call('POST', `/change-requests/${ofB.id}/reject`, { reason: 'no' }), 404, 'NOT_FOUND');
    const listed = ok(await a.api.call('GET', `/change-requests?registrantId=${b.member.registrantId}`)).json<ChangeRequestPage>();
    expect(listed.items.every((i) => i.registrantId === a.member.registrantId)).toBe(true);
    expect(listed.items.map((i) => i.id)).not.toContain(ofB.id);
  });

  it('a member gets 403 on the agency routes, even for their own request', async () => {
    const s = await memberSession(env);
    const own = await file(s, [{ field: 'phone', after: '02-6666-6666' }]);
    failed(await s.api.call('POST', `/change-requests/${own.id}/approve`), 403, 'FORBIDDEN');
    failed(await s.api.call('POST', `/change-requests/${own.id}/reject`, { reason: 'no' }), 403, 'FORBIDDEN');
    expect(ok(await s.api.call('GET', `/change-requests/${own.id}`)).json<ChangeRequestResponse>().status).toBe('pending');
  });
});
