import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AuditPage } from '../../src/audit/audit.schemas.js';
import { addTrack, approvedAlbum, client, completeRecording, createAlbum, failed, memberSession, ok, type Client, type MemberSession } from '../helpers/catalog.js';
import { loginCookie } from '../helpers/app.js';
import { queryRows } from '../helpers/db.js';
import { newStaff, TEST_PASSWORD } from '../helpers/factories.js';
import { useTestApp } from '../helpers/setup.js';

const env = useTestApp();
let staff: Client;
let staffLogin: string;
let a: MemberSession;
let b: MemberSession;

async function audit(query: string): Promise<AuditPage> {
  return ok(await staff.call('GET', `/audit?${query}`)).json<AuditPage>();
}

beforeAll(async () => {
  const officer = await newStaff(env.ctx, 'agency_officer');
  staffLogin = officer.loginName;
  staff = client(env, await loginCookie(env.app, officer.loginName, TEST_PASSWORD));
  a = await memberSession(env, 'company');
  b = await memberSession(env, 'company');
});

describe('GET /audit', () => {
  it('refuses members (403) and shows staff entries newest first, 10 a page, with actor and object label', async () => {
    failed(await a.api.call('GET', '/audit'), 403, 'FORBIDDEN');
    failed(await a.api.call('GET', '/audit.csv'), 403, 'FORBIDDEN');
    const album = await createAlbum(a.api, { title: '稽核專輯' });
    const page = await audit(`entityType=album&entityId=${album.id}`);
    expect(page.items.map((e) => e.action)).toEqual(['album.update', 'album.create']);
    const [update] = page.items;
    expect(update?.actor).toEqual(expect.objectContaining({ userId: a.member.userId, loginName: a.member.loginName, role: 'registrant_member' }));
    expect(update?.entityLabel).toBe(`${album.albumNumber} 稽核專輯`);
    expect(update?.before).toEqual(expect.objectContaining({ title: '' }));
    expect(update?.after).toEqual(expect.objectContaining({ title: '稽核專輯' }));
    expect(update?.ip).not.toBe('');
    const all = await audit('');
    expect(all.pageSize).toBe(10);
    expect(all.items).toHaveLength(10);
    expect(all.total).toBeGreaterThan(10);
    const ids = all.items.map((e) => e.id);
    expect([...ids].sort((x, y) => y - x)).toEqual(ids);
  });

  it('filters by acting user and by action (exact or prefix)', async () => {
    const album = await createAlbum(b.api, { title: 'B 專輯' });
    const byUser = await audit(`actorUserId=${b.member.userId}&pageSize=100`);
    expect(byUser.total).toBeGreaterThan(0);
    expect(byUser.items.every((e) => e.actor?.userId === b.member.userId)).toBe(true);
    const byLogin = await audit(`actorLogin=${b.member.loginName.toUpperCase()}&pageSize=100`);
    expect(byLogin.items.map((e) => e.id)).toEqual(byUser.items.map((e) => e.id));
    expect((await audit('actorLogin=nobody-here')).total).toBe(0);
    const exact = await audit(`action=album.create&actorUserId=${b.member.userId}`);
    expect(exact.items.map((e) => e.entityId)).toEqual([album.id]);
    const prefix = await audit(`action=album&actorUserId=${b.member.userId}`);
    expect(new Set(prefix.items.map((e) => e.action))).toEqual(new Set(['album.create', 'album.update']));
    // "album" must not match an action that merely starts with the letters (albumx.*).
    expect((await audit('action=albu')).total).toBe(0);
  });

  it("filters by registrant: its albums, tracks, recordings, users, codes and itself; never another's", async () => {
    const album = await createAlbum(a.api, { title: 'A 的專輯' });
    const track = await addTrack(a.api, album.id, completeRecording('A 的曲目'), { mode: 'next' });
    ok(await a.api.call('PATCH', `/albums/${album.id}/tracks/${track.id}`, { title: 'A 的曲目（改）' }));
    const doomed = await createAlbum(a.api, { title: '將刪除' });
    ok(await a.api.call('DELETE', `/albums/${doomed.id}`), 204);
    ok(await staff.call('PATCH', `/registrants/${a.member.registrantId}`, { contactPerson: '王小明' }));
    const other = await createAlbum(b.api, { title: 'B 的專輯' });
    const request = ok(await a.api.call('POST', '/change-requests', { changes: [{ field: 'phone', after: '02-1111-2222' }], reason: '換電話' }), 201).json<{ id: string }>();
    ok(await b.api.call('POST', '/change-requests', { changes: [{ field: 'phone', after: '02-3333-4444' }], reason: '換電話' }), 201);

    const page = await audit(`registrantId=${a.member.registrantId}&pageSize=100`);
    const keys = page.items.map((e) => `${e.entityType}:${e.action}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'registrant:registrant.create',
        'registrant:registrant.update',
        'registrant_code:registrant-code.create',
        'user:user.create',
        'user:auth.login',
        'album:album.create',
        'album:track.create',
        'recording:track.update',
        'registrant:isrc.allocate',
        'album:album.delete',
        'changeRequest:changeRequest.create',
      ]),
    );
    // The deleted album's own earlier entries stay found through its delete row.
    expect(page.items.filter((e) => e.entityId === doomed.id).map((e) => e.action)).toEqual(['album.delete', 'album.update', 'album.create']);
    expect(page.items.find((e) => e.entityId === doomed.id && e.action === 'album.delete')?.entityLabel).toContain('將刪除');
    const ids = new Set(page.items.map((e) => e.entityId));
    expect(ids.has(request.id)).toBe(true);
    expect(page.items.filter((e) => e.entityType === 'changeRequest')).toHaveLength(1);
    expect(ids.has(other.id)).toBe(false);
    expect(ids.has(b.member.registrantId)).toBe(false);
    expect(ids.has(b.member.userId)).toBe(false);
    // Combined with another filter it narrows further.
    const recordingOnly = await audit(`registrantId=${a.member.registrantId}&entityType=recording`);
    expect(recordingOnly.items.map((e) => e.action)).toEqual(['track.update']);
  });

  it('reads the time range as days of the agency calendar (Asia/Taipei), both ends inclusive', async () => {
    const marker = 'tz-check';
    // 15:59:59Z is 23:59:59 in Taipei on 1 Jan; 16:00Z is already 2 Jan there.
    await env.handle.db.execute(
      sql`insert into audit_log (action, entity_type, entity_id, created_at) values ('test.late', ${marker}, 'x1', '2025-01-01T15:59:59Z'), ('test.next', ${marker}, 'x2', '2025-01-01T16:00:00Z'), ('test.before', ${marker}, 'x0', '2024-12-31T15:59:59Z')`,
    );
    const day1 = await audit(`entityType=${marker}&from=2025-01-01&to=2025-01-01`);
    expect(day1.items.map((e) => e.action)).toEqual(['test.late']);
    const day2 = await audit(`entityType=${marker}&from=2025-01-02`);
    expect(day2.items.map((e) => e.action)).toEqual(['test.next']);
    const upTo = await audit(`entityType=${marker}&to=2025-01-01`);
    expect(upTo.items.map((e) => e.action)).toEqual(['test.late', 'test.before']);
    expect(day1.items[0]?.actor).toBeNull();
    failed(await staff.call('GET', '/audit?from=2025-02-01&to=2025-01-01'), 400, 'VALIDATION_FAILED');
    failed(await staff.call('GET', '/audit?from=2025/01/01'), 400, 'VALIDATION_FAILED');
  });

  it('exports the same filter as CSV, headers in the caller language, formula cells neutralised', async () => {
    const album = await createAlbum(a.api, { title: '=HYPERLINK("http://evil.example","click")' });
    const res = ok(await staff.call('GET', `/audit.csv?entityType=album&entityId=${album.id}`));
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('audit-log.csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('時間');
    expect(lines).toHaveLength(3);
    // The object label cell starts with the album number; the JSON "after" starts with {; no cell starts with =.
    expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(lines[1]).toContain(`${album.albumNumber} =HYPERLINK`);
    const en = ok(await staff.call('GET', `/audit.csv?entityType=album&entityId=${album.id}`, undefined, 'en'));
    expect(en.body).toContain('Time,Login');

    const named = await env.app.inject({ method: 'POST', url: '/api/v1/registrants', headers: { cookie: staff.cookie }, payload: { kind: 'company', name: '+886 可疑名稱' } });
    const registrantId = ok(named, 201).json<{ id: string }>().id;
    const csv = ok(await staff.call('GET', `/audit.csv?entityType=registrant&entityId=${registrantId}`)).body;
    const row =
      csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')[1] ?? '';
    expect(row.split(',')).toContain("'+886 可疑名稱");
    expect(row).toContain('registrant.create');
    expect(row).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},/);
    expect(row).toContain(`,${staffLogin},管理中心同仁,agency_officer,registrant.create,registrant,${registrantId},`);
  });
});

describe('every change since the foundation leaves an audit row', () => {
  it('create album, add track, submit, approve, return, create user, suspend, add code', async () => {
    const count = async (action: string, entityId: string) =>
      Number((await queryRows(env.handle, sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${entityId}`))[0]?.n ?? 0);
    const approved = await approvedAlbum(a, staff, '通過的專輯', ['一']);
    expect(await count('album.create', approved.id)).toBe(1);
    expect(await count('track.create', approved.id)).toBe(1);
    expect(await count('album.submit', approved.id)).toBe(1);
    expect(await count('album.approve', approved.id)).toBe(1);

    const returned = await createAlbum(a.api, {
      title: '退回的專輯',
      credits: [{ role: 'performer', names: ['歌手'] }],
      publisher: '發行',
      releaseDate: '2026.05.01',
      productionCompany: '製作',
      albumType: 'solo',
    });
    await addTrack(a.api, returned.id, completeRecording('二'), { mode: 'next' });
    ok(await a.api.call('POST', `/albums/${returned.id}/submit`));
    ok(await staff.call('POST', `/albums/${returned.id}/return`, { reason: '資料不全' }));
    expect(await count('album.return', returned.id)).toBe(1);

    const user = ok(
      await staff.call('POST', `/registrants/${a.member.registrantId}/users`, { loginName: `aud-${Date.now()}`, displayName: '新使用者', password: 'a long enough password' }),
      201,
    ).json<{ id: string }>();
    expect(await count('user.create', user.id)).toBe(1);

    const code = ok(await staff.call('POST', `/registrants/${b.member.registrantId}/codes`, {}), 201).json<{ id: string }>();
    expect(await count('registrant-code.create', code.id)).toBe(1);

    ok(await staff.call('PATCH', `/registrants/${b.member.registrantId}`, { status: 'suspended' }));
    const status = await audit(`entityType=registrant&entityId=${b.member.registrantId}&action=registrant.update`);
    expect(status.items[0]?.before).toEqual(expect.objectContaining({ status: 'active' }));
    expect(status.items[0]?.after).toEqual(expect.objectContaining({ status: 'suspended' }));
    ok(await staff.call('PATCH', `/registrants/${b.member.registrantId}`, { status: 'active' }));
  });
});
