import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AudioDepositPage, AudioDepositResponse } from '../../src/deposit/audio-deposit.schemas.js';
import type { OverviewPage } from '../../src/deposit/deposit.schemas.js';
import { loginCookie } from '../helpers/app.js';
import { auditRows, client, createAlbum, failed, getAlbum, memberSession, ok, type Client, type MemberSession } from '../helpers/catalog.js';
import { queryRows } from '../helpers/db.js';
import { newStaff, TEST_PASSWORD } from '../helpers/factories.js';
import { approvedDigitalAlbum, attachAllAudio, attachAudio, someAudioBytes, useStorageTestApp } from './audio-deposit-fixtures.js';
import { reviewedAlbum } from './deposit-fixtures.js';

// 影音檔送存: once every track of an approved digital album has its audio, the registrant deposits
// it; the deposit freezes each file's checksum and technical data, the album becomes 已送存, and
// the registrant and the agency hear of it at once. The deposit desk sees digital albums too.

const env = useStorageTestApp();
let officer: Client;
let officerId: string;
let company: MemberSession;
let other: MemberSession;

beforeAll(async () => {
  const staff = await newStaff(env.ctx, 'agency_officer');
  officerId = staff.userId;
  officer = client(env, await loginCookie(env.app, staff.loginName, TEST_PASSWORD));
  company = await memberSession(env, 'company');
  other = await memberSession(env, 'company');
});

async function notificationKinds(userId: string): Promise<string[]> {
  const rows = await queryRows(env.handle, sql`select kind from notifications where user_id = ${userId} order by created_at`);
  return rows.map((r) => String(r.kind));
}

describe('refusals', () => {
  it('names each reason: physical release, not approved, tracks without audio', async () => {
    const physical = await reviewedAlbum(company, officer, '實體專輯', 'physical');
    failed(await company.api.call('POST', `/albums/${physical.id}/audio-deposit`), 409, 'AUDIO_DEPOSIT_NOT_DIGITAL');
    const draft = await createAlbum(company.api, undefined, 'digital');
    failed(await company.api.call('POST', `/albums/${draft.id}/audio-deposit`), 409, 'DEPOSIT_NOT_DUE');

    const album = await approvedDigitalAlbum(company, officer, '缺檔專輯', 3);
    const [first, , third] = album.tracks;
    await attachAudio(env.ctx, album.id, first!.id, someAudioBytes());
    const error = failed(await company.api.call('POST', `/albums/${album.id}/audio-deposit`), 409, 'AUDIO_DEPOSIT_MISSING_AUDIO');
    expect(error.message).toBe('尚有 2 首曲目未上傳影音檔，請全部上傳後再送存。');
    expect(error.details).toMatchObject({ count: 2, missing: [expect.objectContaining({ position: 2, title: '缺檔專輯 第 2 首' }), expect.objectContaining({ position: 3 })] });
    expect((error.details?.missing as { isrc: string }[])[1]?.isrc).toBe(third!.recording.isrcDisplay);
    const en = failed(await company.api.call('POST', `/albums/${album.id}/audio-deposit`, undefined, 'en'), 409, 'AUDIO_DEPOSIT_MISSING_AUDIO');
    expect(en.message).toContain('2 track(s) have no audio file yet');
    expect((await getAlbum(company.api, album.id)).depositStatus).toBe('not_deposited');
    failed(await company.api.call('GET', `/albums/${album.id}/audio-deposit`), 404, 'NOT_FOUND');
  });

  it('is the registrant’s own act: staff get 403, another registrant 404', async () => {
    const album = await approvedDigitalAlbum(company, officer, '權限', 1);
    await attachAllAudio(env.ctx, album);
    failed(await officer.call('POST', `/albums/${album.id}/audio-deposit`), 403, 'FORBIDDEN');
    failed(await other.api.call('POST', `/albums/${album.id}/audio-deposit`), 404, 'NOT_FOUND');
    failed(await other.api.call('GET', `/albums/${album.id}/audio-deposit`), 404, 'NOT_FOUND');
  });
});

describe('depositing', () => {
  it('freezes every file, marks 已送存, audits and tells the registrant and the agency at once', async () => {
    const album = await approvedDigitalAlbum(company, officer, '數位送存', 2);
    const objects = await attachAllAudio(env.ctx, album);
    const deposit = ok(await company.api.call('POST', `/albums/${album.id}/audio-deposit`), 201).json<AudioDepositResponse>();
    expect(deposit).toMatchObject({ albumId: album.id, albumNumber: album.albumNumber, depositedOn: '2026-06-15', depositedBy: '測試使用者' });
    expect(deposit.files.map((f) => [f.position, f.isrc, f.title, f.sha256, f.size, f.container])).toEqual(
      album.tracks.map((t, i) => [t.position, t.recording.isrc, t.recording.title, objects[i]!.sha256, objects[i]!.size, 'mp3']),
    );
    expect(deposit.files[0]).toMatchObject({ isrcDisplay: album.tracks[0]!.recording.isrcDisplay, technical: { codec: 'mp3', sampleRate: 44100, channels: 2, durationMs: 180_000 } });
    expect(deposit.totalBytes).toBe(objects[0]!.size + objects[1]!.size);

    expect((await getAlbum(company.api, album.id)).depositStatus).toBe('deposited');
    expect(ok(await company.api.call('GET', `/albums/${album.id}/deposits`)).json()).toMatchObject({ basis: 'audio', status: 'deposited' });
    expect(ok(await officer.call('GET', `/albums/${album.id}/audio-deposit`)).json<AudioDepositResponse>()).toEqual(deposit);
    const audit = (await auditRows(env, album.id)).find((r) => r.action === 'deposit.audio');
    expect(audit).toMatchObject({ actorUserId: company.member.userId, before: { depositStatus: 'not_deposited' }, after: { depositStatus: 'deposited', depositId: deposit.id } });
    expect(await notificationKinds(company.member.userId)).toContain('deposit.audioReceived');
    expect(await notificationKinds(officerId)).toContain('deposit.audioSubmitted');
    const list = ok(await officer.call('GET', '/notifications')).json<{ items: { message: string }[] }>();
    expect(list.items.map((n) => n.message)).toContain(`新的影音檔送存：數位送存（專輯編號 ${album.albumNumber}，${await registrantName(company.member.registrantId)}）`);

    failed(await company.api.call('POST', `/albums/${album.id}/audio-deposit`), 409, 'AUDIO_DEPOSIT_EXISTS');
  });

  it('keeps the deposited files as they were when a track’s audio changes later', async () => {
    const album = await approvedDigitalAlbum(company, officer, '凍結', 1);
    const [before] = await attachAllAudio(env.ctx, album);
    ok(await company.api.call('POST', `/albums/${album.id}/audio-deposit`), 201);
    const after = await attachAudio(env.ctx, album.id, album.tracks[0]!.id, someAudioBytes(5000));
    expect(after.sha256).not.toBe(before!.sha256);
    const deposit = ok(await company.api.call('GET', `/albums/${album.id}/audio-deposit`)).json<AudioDepositResponse>();
    expect(deposit.files.map((f) => f.sha256)).toEqual([before!.sha256]);
  });

  it('lets exactly one of two simultaneous deposits through', async () => {
    const album = await approvedDigitalAlbum(company, officer, '同時送存', 1);
    await attachAllAudio(env.ctx, album);
    const answers = await Promise.all([0, 1].map(() => company.api.call('POST', `/albums/${album.id}/audio-deposit`)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const rows = await queryRows(env.handle, sql`select count(*)::int as n from audio_deposits where album_id = ${album.id}`);
    expect(rows[0]?.n).toBe(1);
  });
});

async function registrantName(id: string): Promise<string> {
  const rows = await queryRows(env.handle, sql`select name from registrants where id = ${id}`);
  return String(rows[0]?.name);
}

describe('the deposit desk', () => {
  it('lists a digital album owing its audio with upload progress, and drops it once deposited', async () => {
    const album = await approvedDigitalAlbum(other, officer, '待送存數位', 2);
    await attachAudio(env.ctx, album.id, album.tracks[0]!.id, someAudioBytes());
    const row = async () =>
      ok(await officer.call('GET', '/deposits/overview?pageSize=100'))
        .json<OverviewPage>()
        .items.find((i) => i.albumId === album.id);
    expect(await row()).toMatchObject({ basis: 'audio', tracks: 2, tracksWithAudio: 1, requiredCopies: 0, status: 'not_deposited' });
    const csv = ok(await officer.call('GET', '/deposits/overview.csv')).rawPayload.toString('utf8');
    expect(csv.split('\r\n')[0]).toContain('送存方式');
    expect(csv.split('\r\n').find((l) => l.includes('待送存數位'))).toContain('影音檔送存');
    await attachAudio(env.ctx, album.id, album.tracks[1]!.id, someAudioBytes());
    ok(await other.api.call('POST', `/albums/${album.id}/audio-deposit`), 201);
    expect(await row()).toBeUndefined();
  });

  it('lists audio deposits newest first with their bag links, for the agency only', async () => {
    const page = ok(await officer.call('GET', '/deposits/audio?pageSize=100')).json<AudioDepositPage>();
    expect(page.total).toBeGreaterThanOrEqual(4);
    const first = page.items.find((i) => i.title === '數位送存');
    expect(first).toMatchObject({ fileCount: 2, depositedOn: '2026-06-15', bagUrl: `/api/v1/deposits/audio/${first?.id}/bag.zip` });
    failed(await company.api.call('GET', '/deposits/audio'), 403, 'FORBIDDEN');
  });
});
