import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse } from '../../src/catalog/catalog.schemas.js';
import type { QueuePage, ReviewAlbumResponse, TodoCounts } from '../../src/review/review.schemas.js';
import { queryRows } from '../helpers/db.js';
import { ensurePoolCode } from '../helpers/factories.js';
import {
  addTrack,
  approvedAlbum,
  completeAlbumFields,
  completeRecording,
  createAlbum,
  failed,
  memberSession,
  ok,
  staffSession,
  type Client,
  type MemberSession,
} from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';

// The officer's review workspace: the queue, the 待辦事項 counts and the album view with findings.

const env = useTestApp();
let staff: Client;

beforeAll(async () => {
  staff = await staffSession(env);
  await ensurePoolCode(env.ctx);
});

async function submitted(session: MemberSession, title: string, releaseType: 'digital' | 'physical' = 'digital', tracks = 1): Promise<AlbumResponse> {
  const album = await createAlbum(session.api, completeAlbumFields(title), releaseType);
  for (let i = 1; i <= tracks; i++) {
    await addTrack(session.api, album.id, completeRecording(`${title} ${i}`), session.member.codes.length === 0 ? { mode: 'none' } : { mode: 'next' });
  }
  return ok(await session.api.call('POST', `/albums/${album.id}/submit`)).json<AlbumResponse>();
}

async function setSubmittedAt(albumId: string, at: string): Promise<void> {
  await queryRows(env.handle, sql`update albums set submitted_at = ${at}::timestamptz where id = ${albumId}`);
}

const queue = async (query: string) => ok(await staff.call('GET', `/review/queue?${query}`)).json<QueuePage>();

describe('GET /review/queue', () => {
  it('lists submitted albums oldest first, with rounds, and filters by registrant, kind, release type and agency dates', async () => {
    const co = await memberSession(env);
    const later = await submitted(co, '晚送', 'physical', 2);
    const earlier = await submitted(co, '早送');
    const draft = await createAlbum(co.api, completeAlbumFields('草稿'));
    await setSubmittedAt(later.id, '2026-06-12T17:00:00Z'); // 2026-06-13 01:00 in Taipei
    await setSubmittedAt(earlier.id, '2026-06-11T03:00:00Z');
    const mine = await queue(`registrantId=${co.member.registrantId}`);
    expect(mine.items.map((i) => [i.title, i.round, i.trackCount, i.registrantKind, i.releaseType])).toEqual([
      ['早送', 1, 1, 'company', 'digital'],
      ['晚送', 1, 2, 'company', 'physical'],
    ]);
    expect(mine.items.map((i) => i.id)).not.toContain(draft.id);
    expect(mine).toMatchObject({ total: 2, page: 1, pageSize: 10, counts: { byKind: { company: 2, individual: 0, government: 0 }, byReleaseType: { digital: 1, physical: 1 } } });
    // The agency's calendar decides the day: 17:00 UTC on the 12th is the 13th in Taipei.
    expect((await queue(`registrantId=${co.member.registrantId}&submittedFrom=2026-06-13`)).items.map((i) => i.title)).toEqual(['晚送']);
    expect((await queue(`registrantId=${co.member.registrantId}&submittedTo=2026-06-12`)).items.map((i) => i.title)).toEqual(['早送']);
    const physical = await queue(`registrantId=${co.member.registrantId}&releaseType=physical`);
    expect(physical.items.map((i) => i.title)).toEqual(['晚送']);
    // Counts per release type ignore the release type filter, so the officer sees both numbers.
    expect(physical.counts.byReleaseType).toEqual({ digital: 1, physical: 1 });
    failed(await staff.call('GET', `/review/queue?submittedFrom=2026-06-13&submittedTo=2026-06-12`), 400, 'VALIDATION_FAILED');
    failed(await staff.call('GET', `/review/queue?submittedFrom=13.06.2026`), 400, 'VALIDATION_FAILED');
  });

  it('filters by registrant kind and pages 10 rows at a time', async () => {
    const person = await memberSession(env, 'individual');
    for (let i = 1; i <= 11; i++) {
      await submitted(person, `個人 ${i}`);
    }
    const first = await queue(`registrantId=${person.member.registrantId}&registrantKind=individual`);
    expect(first.items).toHaveLength(10);
    expect(first.total).toBe(11);
    expect(first.items[0]?.title).toBe('個人 1');
    const second = await queue(`registrantId=${person.member.registrantId}&registrantKind=individual&page=2`);
    expect(second.items.map((i) => i.title)).toEqual(['個人 11']);
    expect((await queue(`registrantId=${person.member.registrantId}&registrantKind=company`)).total).toBe(0);
    expect((await queue(`registrantKind=individual`)).items.every((i) => i.registrantKind === 'individual')).toBe(true);
    failed(await staff.call('GET', '/review/queue?pageSize=101'), 400, 'VALIDATION_FAILED');
  });

  it('is for the agency only', async () => {
    const co = await memberSession(env);
    failed(await co.api.call('GET', '/review/queue'), 403, 'FORBIDDEN');
    failed(await co.api.call('GET', '/review/todo'), 403, 'FORBIDDEN');
    const album = await submitted(co, '自己看');
    // Like 通過 and 退回 (id routes never tell a registrant whether an album exists).
    failed(await co.api.call('GET', `/review/albums/${album.id}`), 404, 'NOT_FOUND');
  });
});

describe('GET /review/todo', () => {
  it('counts albums waiting, pending applications and change requests, and deposits due; not drafts', async () => {
    const before = ok(await staff.call('GET', '/review/todo')).json<TodoCounts>();
    const co = await memberSession(env);
    await createAlbum(co.api, completeAlbumFields('草稿不算'));
    await submitted(co, '待審');
    await approvedAlbum(co, staff, '數位已核准', ['數位']);
    const physical = await submitted(co, '實體已核准', 'physical');
    ok(await staff.call('POST', `/albums/${physical.id}/approve`));
    const deposited = await submitted(co, '實體已送存', 'physical');
    ok(await staff.call('POST', `/albums/${deposited.id}/approve`));
    await queryRows(env.handle, sql`update albums set deposit_status = 'deposited' where id = ${deposited.id}`);
    await queryRows(env.handle, sql`insert into registrant_applications (kind, name) values ('company', '申請中'), ('individual', '已核准')`);
    await queryRows(env.handle, sql`update registrant_applications set status = 'approved' where name = '已核准'`);
    await queryRows(env.handle, sql`insert into registrant_change_requests (registrant_id, changes) values (${co.member.registrantId}, '[]'::jsonb)`);
    const after = ok(await staff.call('GET', '/review/todo')).json<TodoCounts>();
    expect({
      albumsWaiting: after.albumsWaiting - before.albumsWaiting,
      applicationsPending: after.applicationsPending - before.applicationsPending,
      changeRequestsPending: after.changeRequestsPending - before.changeRequestsPending,
      depositsDue: after.depositsDue - before.depositsDue,
    }).toEqual({ albumsWaiting: 1, applicationsPending: 1, changeRequestsPending: 1, depositsDue: 1 });
  });
});

describe('GET /review/albums/{id}', () => {
  const view = async (id: string) => ok(await staff.call('GET', `/review/albums/${id}`)).json<ReviewAlbumResponse>();
  const codesOf = (v: ReviewAlbumResponse) =>
    v.findings.filter((f) => f.code !== 'golden-melody-credits-missing').map((f) => `${f.severity} ${f.code}${f.position === undefined ? '' : ` #${f.position}`}`);

  it('names the registrant with its codes and shows every field, the round and no changes for a first submission', async () => {
    const co = await memberSession(env, 'company', { allocatedYear: 2021 });
    const album = await submitted(co, '完整檢視', 'digital', 2);
    const v = await view(album.id);
    expect(v.registrant).toMatchObject({ id: co.member.registrantId, kind: 'company', codes: [{ code: `TW-${co.member.codes[0]}`, allocatedYear: 2021 }] });
    expect(v.registrant.name).toContain('company 測試');
    expect(v.album.tracks.map((t) => t.recording.title)).toEqual(['完整檢視 1', '完整檢視 2']);
    expect(v.round).toBe(1);
    expect(v.rounds).toEqual([expect.objectContaining({ round: 1, decision: null, submittedBy: '測試使用者', backfilled: false })]);
    expect(v.changes).toEqual({ basis: 'first' });
    // The form asks only for performers: every track misses the other 金曲獎 credits.
    const golden = v.findings.filter((f) => f.code === 'golden-melody-credits-missing');
    expect(golden.map((f) => [f.severity, f.position])).toEqual([
      ['warning', 1],
      ['warning', 2],
    ]);
    expect(golden[0]?.message['zh-TW']).toContain('作詞者、作曲者、編曲者、製作人');
    expect(codesOf(v)).toEqual([]);
    failed(await staff.call('GET', '/review/albums/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
  });

  it('finds possible duplicates across registrants and within the album, by normalised title, main performer and duration', async () => {
    const other = await memberSession(env);
    const earlier = await createAlbum(other.api, completeAlbumFields('先登記'));
    await addTrack(other.api, earlier.id, completeRecording('Night Song（夜曲）', { duration: '0:03:46' }), { mode: 'next' });
    const co = await memberSession(env);
    const album = await createAlbum(co.api, completeAlbumFields('後登記'));
    await addTrack(co.api, album.id, completeRecording('night song 夜曲!', { duration: '0:03:48' }), { mode: 'next' });
    await addTrack(co.api, album.id, completeRecording('Night Song (夜曲)', { duration: '0:03:49' }), { mode: 'next' });
    await addTrack(co.api, album.id, completeRecording('Night Song 夜曲', { duration: '0:03:46', credits: [{ role: 'performer', names: ['別人'] }] }), { mode: 'next' });
    ok(await co.api.call('POST', `/albums/${album.id}/submit`));
    const v = await view(album.id);
    expect(codesOf(v)).toEqual(['error duplicate-in-album #2', 'warning possible-duplicate #1']);
    const dup = v.findings.find((f) => f.code === 'possible-duplicate');
    expect(dup?.trackId).toBe(v.album.tracks[0]?.id);
    expect(dup?.message['zh-TW']).toContain('Night Song（夜曲）');
  });

  it('flags an ISRC year after the release year, an unknown original and a late retroactive album', async () => {
    const co = await memberSession(env, 'company', { allocatedYear: 2020 });
    const album = await createAlbum(co.api, { ...completeAlbumFields('年份'), releaseDate: '2025.03' });
    await addTrack(co.api, album.id, completeRecording('新碼舊發行'), { mode: 'next' });
    await addTrack(co.api, album.id, completeRecording('混音', { versionType: 'remix', versionOfIsrc: 'US-AAA-99-00001' }), { mode: 'next' });
    ok(await co.api.call('POST', `/albums/${album.id}/submit`));
    expect(codesOf(await view(album.id))).toEqual(['warning isrc-year-after-release #1', 'warning isrc-year-after-release #2', 'info version-original-unknown #2']);

    const retro = await createAlbum(co.api, { ...completeAlbumFields('回溯'), releaseDate: '2023.01.01', retroactive: true });
    await addTrack(co.api, retro.id, completeRecording('回溯曲'), { mode: 'own', isrc: `TW-${co.member.codes[0]}-22-00001` });
    ok(await co.api.call('POST', `/albums/${retro.id}/submit`));
    expect(codesOf(await view(retro.id))).toEqual(['error retroactive-after-code']);
  });
});
