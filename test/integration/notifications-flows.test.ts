/** Notifications from the real actions (送出審核, 退回, 通過) through the API, with e-mail to a real SMTP server. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { NotificationPage } from '../../src/notifications/notifications.schemas.js';
import { loginCookie } from '../helpers/app.js';
import { addTrack, auditRows, client, completeAlbumFields, completeRecording, createAlbum, failed, memberSession, ok, type Client } from '../helpers/catalog.js';
import { TEST_PASSWORD, newStaff } from '../helpers/factories.js';
import { PUBLIC_URL, useMailApp } from './notifications-smtp.js';

const env = useMailApp();

async function list(api: Client): Promise<NotificationPage> {
  return ok(await api.call('GET', '/notifications')).json<NotificationPage>();
}

async function setEmail(userId: string, email: string): Promise<void> {
  await env.handle.db.execute(sql`update users set email = ${email} where id = ${userId}`);
}

function mailTo(address: string) {
  return env.smtp.received.filter((m) => JSON.stringify(m.to).includes(address));
}

describe('notifications from review', () => {
  it('tells officers about a submission and the members about the return and the approval, each in their language', async () => {
    const officer = await newStaff(env.ctx, 'agency_officer');
    const staff = client(env, await loginCookie(env.app, officer.loginName, TEST_PASSWORD));
    await setEmail(officer.userId, 'officer-flow@example.com');
    const a = await memberSession(env);
    const other = await memberSession(env);
    await setEmail(a.member.userId, 'member-flow@example.com');
    // The member reads English: the language switch tells the server.
    ok(await a.api.call('PUT', '/auth/me/locale', { locale: 'en' }), 204);
    expect((await auditRows(env, a.member.userId)).map((r) => r.action)).toContain('user.locale.change');

    const album = await createAlbum(a.api, completeAlbumFields('流程之歌'));
    await addTrack(a.api, album.id, completeRecording('第一首'), { mode: 'next' });
    ok(await a.api.call('POST', `/albums/${album.id}/submit`));

    const submitted = (await list(staff)).items.find((n) => n.entityId === album.id);
    expect(submitted).toMatchObject({ kind: 'album.submitted', path: `/review/${album.id}` });
    expect(submitted?.message).toContain('流程之歌');
    expect(submitted?.message).toContain(String(album.albumNumber));
    await expect.poll(() => mailTo('officer-flow@example.com').length).toBe(1);
    expect(mailTo('officer-flow@example.com')[0]?.subject).toBe(`新送審專輯：流程之歌（專輯編號 ${album.albumNumber}，${submitted?.params.registrantName}）`);

    ok(await staff.call('POST', `/albums/${album.id}/return`, { reason: '請補上演出者' }));
    await expect.poll(() => mailTo('member-flow@example.com').length).toBe(1);
    const returned = mailTo('member-flow@example.com')[0];
    expect(returned?.subject).toBe(`Album returned: 流程之歌 (album no. ${album.albumNumber})`);
    expect(returned?.text).toContain('Reason: 請補上演出者');
    expect(returned?.text).toContain(`${PUBLIC_URL}/albums/${album.id}`);

    ok(await a.api.call('POST', `/albums/${album.id}/submit`));
    ok(await staff.call('POST', `/albums/${album.id}/approve`));
    await expect.poll(() => mailTo('member-flow@example.com').length).toBe(2);
    expect(mailTo('member-flow@example.com')[1]?.subject).toBe(`Album approved: 流程之歌 (album no. ${album.albumNumber})`);

    const mine = await list(a.api);
    expect(mine.items.map((n) => n.kind)).toEqual(['album.approved', 'album.returned']);
    expect(mine.items.every((n) => n.path === `/albums/${album.id}`)).toBe(true);
    // Another registrant hears nothing of it.
    expect((await list(other.api)).total).toBe(0);
    // Officers hear of both submissions.
    expect((await list(staff)).items.filter((n) => n.entityId === album.id).map((n) => n.kind)).toEqual(['album.submitted', 'album.submitted']);
  });

  it('takes only zh-TW or en as the language', async () => {
    const a = await memberSession(env);
    failed(await a.api.call('PUT', '/auth/me/locale', { locale: 'fr' }), 400, 'VALIDATION_FAILED');
  });
});
