import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumDepositResponse } from '../../src/deposit/deposit.schemas.js';
import { auditRows, createAlbum, failed, getAlbum, memberSession, ok, type Client, type MemberSession } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { ensurePoolCode } from '../helpers/factories.js';
import { useTestApp } from '../helpers/setup.js';
import { depositStatusOf } from '../../src/review/deposit-state.js';
import { receive, reviewedAlbum, staffClient } from './deposit-fixtures.js';

// Physical deposit (送存): the registrant declares copies sent, an officer records copies received,
// and the album's status follows from the copies required of its registrant's kind.
// The test clock stands at 2026-06-15 16:00 in Taipei, so albums are approved on 2026-06-15.

const env = useTestApp();
const TODAY = '2026-06-15';
let officer: Client;
let company: MemberSession;

beforeAll(async () => {
  officer = await staffClient(env, 'agency_officer');
  company = await memberSession(env, 'company');
  await ensurePoolCode(env.ctx);
});

describe('declaring copies sent', () => {
  it('records the declaration on an approved physical album without moving the status', async () => {
    const album = await reviewedAlbum(company, officer, '送存專輯');
    const res = ok(
      await company.api.call('POST', `/albums/${album.id}/deposits/sent`, { copies: 1, date: TODAY, trackingNumber: ' RR123456789TW ', note: '掛號' }),
      201,
    ).json<AlbumDepositResponse>();
    expect(res).toMatchObject({ basis: 'copies', due: true, status: 'not_deposited', approvedOn: TODAY, requiredCopies: 1, receivedCopies: 0, sentCopies: 1 });
    expect(res.events).toEqual([expect.objectContaining({ kind: 'sent', copies: 1, date: TODAY, trackingNumber: 'RR123456789TW', note: '掛號' })]);
    expect((await auditRows(env, album.id)).map((r) => r.action)).toContain('deposit.sent');
  });

  it('refuses drafts, submitted albums and digital releases with clear codes', async () => {
    const draft = await createAlbum(company.api, undefined, 'physical');
    failed(await company.api.call('POST', `/albums/${draft.id}/deposits/sent`, { copies: 1, date: TODAY }), 409, 'DEPOSIT_NOT_DUE');
    const submitted = await reviewedAlbum(company, officer, '審核中', 'physical', false);
    failed(await company.api.call('POST', `/albums/${submitted.id}/deposits/sent`, { copies: 1, date: TODAY }), 409, 'DEPOSIT_NOT_DUE');
    const digital = await reviewedAlbum(company, officer, '數位專輯', 'digital');
    failed(await company.api.call('POST', `/albums/${digital.id}/deposits/sent`, { copies: 1, date: TODAY }), 409, 'DEPOSIT_NOT_PHYSICAL');
    failed(await officer.call('POST', `/albums/${digital.id}/deposits/received`, { copies: 1, date: TODAY }), 409, 'DEPOSIT_NOT_PHYSICAL');
    const view = ok(await company.api.call('GET', `/albums/${digital.id}/deposits`)).json<AlbumDepositResponse>();
    expect(view).toMatchObject({ basis: 'audio', due: true, events: [] });
  });

  it('refuses a date after the agency today or before the approval, and an impossible date', async () => {
    const album = await reviewedAlbum(company, officer, '日期檢查');
    const future = failed(await company.api.call('POST', `/albums/${album.id}/deposits/sent`, { copies: 1, date: '2026-06-16' }), 400, 'DEPOSIT_DATE_OUT_OF_RANGE');
    expect(future.details).toMatchObject({ earliest: TODAY, latest: TODAY, reason: 'in-future' });
    expect(future.message).toContain('2026-06-16');
    failed(await company.api.call('POST', `/albums/${album.id}/deposits/sent`, { copies: 1, date: '2026-06-14' }), 400, 'DEPOSIT_DATE_OUT_OF_RANGE');
    failed(await officer.call('POST', `/albums/${album.id}/deposits/received`, { copies: 1, date: '2026-06-16' }), 400, 'DEPOSIT_DATE_OUT_OF_RANGE');
    failed(await company.api.call('POST', `/albums/${album.id}/deposits/sent`, { copies: 1, date: '2026-02-30' }), 400, 'VALIDATION_FAILED');
    failed(await company.api.call('POST', `/albums/${album.id}/deposits/sent`, { copies: 0, date: TODAY }), 400, 'VALIDATION_FAILED');
    failed(await company.api.call('POST', `/albums/${album.id}/deposits/sent`, { copies: 1001, date: TODAY }), 400, 'VALIDATION_FAILED');
    expect(ok(await company.api.call('GET', `/albums/${album.id}/deposits`)).json<AlbumDepositResponse>().events).toEqual([]);
  });

  it('is the registrant’s own: staff may not declare for it', async () => {
    const album = await reviewedAlbum(company, officer, '代填');
    failed(await officer.call('POST', `/albums/${album.id}/deposits/sent`, { copies: 1, date: TODAY }), 403, 'FORBIDDEN');
  });
});

describe('recording copies received', () => {
  it('moves a government body’s album from 未送存 to 部分送存 to 已送存 (2 copies), audits and keeps the album row in step', async () => {
    const government = await memberSession(env, 'government');
    const album = await reviewedAlbum(government, officer, '機關出版品');
    const first = await receive(officer, album.id, 1, TODAY);
    expect(first).toMatchObject({ requiredCopies: 2, receivedCopies: 1, status: 'partial' });
    expect((await getAlbum(government.api, album.id)).depositStatus).toBe('partial');
    const second = await receive(officer, album.id, 1, TODAY);
    expect(second).toMatchObject({ receivedCopies: 2, status: 'deposited' });
    expect((await getAlbum(government.api, album.id)).depositStatus).toBe('deposited');
    const audit = (await auditRows(env, album.id)).filter((r) => r.action === 'deposit.received');
    expect(audit.map((r) => [r.before, (r.after as { depositStatus: string }).depositStatus])).toEqual([
      [{ depositStatus: 'not_deposited' }, 'partial'],
      [{ depositStatus: 'partial' }, 'deposited'],
    ]);
  });

  it('needs one copy from companies and individuals', async () => {
    const individual = await memberSession(env, 'individual');
    for (const session of [company, individual]) {
      const album = await reviewedAlbum(session, officer, '一份即可');
      expect(await receive(officer, album.id, 1, TODAY)).toMatchObject({ requiredCopies: 1, status: 'deposited' });
      const seen = ok(await session.api.call('GET', `/albums/${album.id}/deposits`)).json<AlbumDepositResponse>();
      expect(seen).toMatchObject({ status: 'deposited', receivedCopies: 1, events: [expect.objectContaining({ kind: 'received', copies: 1 })] });
    }
  });

  it('keeps every album row equal to the rule applied to its received copies (invariant)', async () => {
    const required = { company: 1, individual: 1, government: 2 } as const;
    const rows = await queryRows(
      env.handle,
      sql`select a.deposit_status as status, r.kind, coalesce(sum(e.copies) filter (where e.kind = 'received'), 0)::int as received
          from albums a join registrants r on r.id = a.registrant_id left join deposit_events e on e.album_id = a.id
          where a.release_type = 'physical' and a.status = 'approved' group by a.id, r.kind`,
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) {
      expect(r.status).toBe(depositStatusOf(Number(r.received), required[r.kind as keyof typeof required]));
    }
  });
});

describe('who sees what', () => {
  it('answers 404 to another registrant on every deposit route, 403 to a member recording received', async () => {
    const other = await memberSession(env, 'company');
    const album = await reviewedAlbum(company, officer, '隔離');
    failed(await other.api.call('GET', `/albums/${album.id}/deposits`), 404, 'NOT_FOUND');
    failed(await other.api.call('POST', `/albums/${album.id}/deposits/sent`, { copies: 1, date: TODAY }), 404, 'NOT_FOUND');
    failed(await other.api.call('POST', `/albums/${album.id}/deposits/received`, { copies: 1, date: TODAY }), 404, 'NOT_FOUND');
    failed(await company.api.call('POST', `/albums/${album.id}/deposits/received`, { copies: 1, date: TODAY }), 403, 'FORBIDDEN');
    failed(await company.api.call('GET', '/deposits/overview'), 403, 'FORBIDDEN');
    failed(await company.api.call('GET', '/deposits/overview.csv'), 403, 'FORBIDDEN');
    expect(ok(await officer.call('GET', `/albums/${album.id}/deposits`)).json<AlbumDepositResponse>().status).toBe('not_deposited');
  });
});

describe('correcting a mistaken event', () => {
  it('removes the event with a reason, recomputes the status and audits it; members cannot', async () => {
    const album = await reviewedAlbum(company, officer, '更正');
    const wrong = await receive(officer, album.id, 1, TODAY);
    expect(wrong.status).toBe('deposited');
    const eventId = wrong.events[0]?.id ?? '';
    failed(await company.api.call('POST', `/albums/${album.id}/deposits/corrections`, { eventId, reason: '誤登' }), 403, 'FORBIDDEN');
    failed(await officer.call('POST', `/albums/${album.id}/deposits/corrections`, { eventId, reason: '   ' }), 400, 'VALIDATION_FAILED');
    const corrected = ok(await officer.call('POST', `/albums/${album.id}/deposits/corrections`, { eventId, reason: '登錄到錯的專輯' })).json<AlbumDepositResponse>();
    expect(corrected).toMatchObject({ status: 'not_deposited', receivedCopies: 0, events: [] });
    expect((await getAlbum(company.api, album.id)).depositStatus).toBe('not_deposited');
    failed(await officer.call('POST', `/albums/${album.id}/deposits/corrections`, { eventId, reason: '再一次' }), 404, 'NOT_FOUND');
    const audit = (await auditRows(env, album.id)).find((r) => r.action === 'deposit.event.delete');
    expect(audit).toMatchObject({ before: { depositStatus: 'deposited', event: { id: eventId, copies: 1 } }, after: { depositStatus: 'not_deposited', reason: '登錄到錯的專輯' } });
  });
});

describe('retrying with an Idempotency-Key', () => {
  function withKey(api: Client, key: string, path: string, payload: Record<string, unknown>) {
    return env.app.inject({ method: 'POST', url: `/api/v1${path}`, headers: { cookie: api.cookie, 'idempotency-key': key }, payload });
  }

  it('records copies received and sent once, answers the first result again and notifies once', async () => {
    const government = await memberSession(env, 'government');
    const album = await reviewedAlbum(government, officer, '重試送存');
    const body = { copies: 1, date: TODAY, note: '包裹一' };
    const first = ok(await withKey(officer, 'parcel-1', `/albums/${album.id}/deposits/received`, body), 201);
    const retry = ok(await withKey(officer, 'parcel-1', `/albums/${album.id}/deposits/received`, body), 201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json<AlbumDepositResponse>()).toEqual(first.json<AlbumDepositResponse>());
    // Two copies are required of a government body: a second recording would have made it 已送存.
    expect(ok(await officer.call('GET', `/albums/${album.id}/deposits`)).json<AlbumDepositResponse>()).toMatchObject({ status: 'partial', receivedCopies: 1 });
    const notified = await queryRows(env.handle, sql`select count(*)::int as n from notifications where kind = 'deposit.received' and entity_id = ${album.id}`);
    expect(Number(notified[0]?.n)).toBe(1);

    const sent = { copies: 1, date: TODAY };
    ok(await withKey(government.api, 'sent-1', `/albums/${album.id}/deposits/sent`, sent), 201);
    expect(ok(await withKey(government.api, 'sent-1', `/albums/${album.id}/deposits/sent`, sent), 201).headers['idempotent-replayed']).toBe('true');
    const events = ok(await government.api.call('GET', `/albums/${album.id}/deposits`)).json<AlbumDepositResponse>().events;
    expect(events.map((e) => e.kind).sort()).toEqual(['received', 'sent']);
  });
});
