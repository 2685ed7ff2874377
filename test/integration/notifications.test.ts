import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../src/db/context.js';
import { withTransaction } from '../../src/db/tx.js';
import type { NotificationPage, NotificationResponse } from '../../src/notifications/notifications.schemas.js';
import { notify, type NotificationEvent } from '../../src/notifications/notify.service.js';
import { startMailer } from '../../src/notifications/mailer.js';
import { deliverPending, type OutgoingEmail } from '../../src/notifications/deliver.service.js';
import { createUser } from '../../src/accounts/users.service.js';
import { loginCookie } from '../helpers/app.js';
import { client, failed, memberSession, ok, staffSession, type Client, type MemberSession } from '../helpers/catalog.js';
import { testContext } from '../helpers/context.js';
import { queryRows } from '../helpers/db.js';
import { TEST_PASSWORD, newStaff, uniqueName } from '../helpers/factories.js';
import { PUBLIC_URL, SMTP_PASSWORD, startTestSmtp, useMailApp } from './notifications-smtp.js';

const env = useMailApp();

async function setUser(userId: string, values: { email?: string; locale?: 'zh-TW' | 'en'; status?: 'active' | 'suspended' }): Promise<void> {
  if (values.email !== undefined) {
    await env.handle.db.execute(sql`update users set email = ${values.email} where id = ${userId}`);
  }
  if (values.locale !== undefined) {
    await env.handle.db.execute(sql`update users set locale = ${values.locale} where id = ${userId}`);
  }
  if (values.status !== undefined) {
    await env.handle.db.execute(sql`update users set status = ${values.status} where id = ${userId}`);
  }
}

function emit(ctx: ServiceContext, event: NotificationEvent): Promise<void> {
  return withTransaction(ctx, (tx) => notify(tx, event));
}

async function rowsFor(userId: string) {
  return queryRows(env.handle, sql`select kind, email_status, email_attempts, email_error, read_at from notifications where user_id = ${userId} order by created_at`);
}

async function list(api: Client, query = '', lang = 'zh-TW'): Promise<NotificationPage> {
  return ok(await api.call('GET', `/notifications${query}`, undefined, lang)).json<NotificationPage>();
}

async function unread(api: Client): Promise<number> {
  return ok(await api.call('GET', '/notifications/unread-count')).json<{ unread: number }>().unread;
}

/** A second member of the session's registrant, signed in. */
async function secondMember(session: MemberSession): Promise<{ userId: string; api: Client }> {
  const loginName = uniqueName('second').toLowerCase();
  const user = await createUser(env.ctx, null, { loginName, displayName: '第二位', password: TEST_PASSWORD, role: 'registrant_member', registrantId: session.member.registrantId });
  return { userId: user.id, api: client(env, await loginCookie(env.app, loginName, TEST_PASSWORD)) };
}

describe('notify and e-mail delivery', () => {
  it('e-mails every member with an address in their own language, with the album and a link', async () => {
    const a = await memberSession(env);
    const english = await secondMember(a);
    const noAddress = await secondMember(a);
    await setUser(a.member.userId, { email: 'zh@example.com' });
    await setUser(english.userId, { email: 'en@example.com', locale: 'en' });
    const before = env.smtp.received.length;

    await emit(env.ctx, {
      kind: 'album.returned',
      audience: { registrantId: a.member.registrantId },
      albumId: '5d4f6b7e-0000-4000-8000-000000000001',
      params: { albumNumber: 100777, title: '夏日之歌', reason: '缺少演出者' },
    });

    expect((await rowsFor(noAddress.userId))[0]).toMatchObject({ kind: 'album.returned', email_status: 'none' });
    const mails = (await env.smtp.waitFor(before + 2)).slice(before);
    const zh = mails.find((m) => m.to !== undefined && JSON.stringify(m.to).includes('zh@example.com'));
    const en = mails.find((m) => m.to !== undefined && JSON.stringify(m.to).includes('en@example.com'));
    expect(zh?.subject).toBe('專輯已退回：夏日之歌（專輯編號 100777）');
    expect(zh?.text).toContain('退回原因：缺少演出者');
    expect(zh?.text).toContain(`${PUBLIC_URL}/albums/5d4f6b7e-0000-4000-8000-000000000001`);
    expect(en?.subject).toBe('Album returned: 夏日之歌 (album no. 100777)');
    expect(en?.text).toContain('Reason: 缺少演出者');
    expect(en?.headers.get('content-language')).toBe('en');
    expect(mails).toHaveLength(2);
    await expect.poll(async () => (await rowsFor(a.member.userId))[0]?.email_status).toBe('sent');
  });

  it('tells every active officer about a submission, with a link to the review desk; suspended staff hear nothing', async () => {
    const officer = await newStaff(env.ctx, 'agency_officer');
    const away = await newStaff(env.ctx, 'agency_officer');
    await setUser(officer.userId, { email: 'officer@example.com' });
    await setUser(away.userId, { email: 'away@example.com', status: 'suspended' });
    const before = env.smtp.received.length;

    await emit(env.ctx, {
      kind: 'album.submitted',
      audience: { agency: true },
      albumId: '5d4f6b7e-0000-4000-8000-000000000002',
      params: { albumNumber: 100778, title: '冬夜', registrantName: '星光唱片' },
    });

    const [mail] = (await env.smtp.waitFor(before + 1)).slice(before);
    expect(mail?.subject).toBe('新送審專輯：冬夜（專輯編號 100778，星光唱片）');
    expect(mail?.text).toContain(`${PUBLIC_URL}/review/5d4f6b7e-0000-4000-8000-000000000002`);
    expect(await rowsFor(away.userId)).toHaveLength(0);
    expect(await rowsFor(officer.userId)).toHaveLength(1);
  });

  it('notifies nobody when the action rolls back', async () => {
    const a = await memberSession(env);
    await expect(
      withTransaction(env.ctx, async (tx) => {
        await notify(tx, {
          kind: 'album.approved',
          audience: { registrantId: a.member.registrantId },
          albumId: '5d4f6b7e-0000-4000-8000-000000000003',
          params: { albumNumber: 1, title: 'x' },
        });
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    expect(await rowsFor(a.member.userId)).toHaveLength(0);
  });
});

describe('the notification list', () => {
  it('shows my own notifications, newest first, with the unread count, and marks them read', async () => {
    const a = await memberSession(env);
    const albumId = '5d4f6b7e-0000-4000-8000-000000000010';
    await emit(env.ctx, { kind: 'album.approved', audience: { registrantId: a.member.registrantId }, albumId, params: { albumNumber: 100801, title: '第一張' } });
    await emit(env.ctx, { kind: 'deposit.received', audience: { registrantId: a.member.registrantId }, albumId, params: { albumNumber: 100801, title: '第一張', copies: 2 } });
    expect(await unread(a.api)).toBe(2);

    const page = await list(a.api);
    expect(page.total).toBe(2);
    expect(page.items.map((n) => n.kind)).toEqual(['deposit.received', 'album.approved']);
    expect(page.items[1]).toMatchObject({ message: '專輯已通過審核：第一張（專輯編號 100801）', path: `/albums/${albumId}`, readAt: null, entityType: 'album', entityId: albumId });
    expect((await list(a.api, '', 'en')).items[1]?.message).toBe('Album approved: 第一張 (album no. 100801)');

    const read = ok(await a.api.call('POST', `/notifications/${page.items[1]?.id}/read`)).json<NotificationResponse>();
    expect(read.readAt).not.toBeNull();
    expect(await unread(a.api)).toBe(1);
    expect((await list(a.api, '?unread=true')).items.map((n) => n.kind)).toEqual(['deposit.received']);
    // Reading again keeps the first reading time.
    const again = ok(await a.api.call('POST', `/notifications/${page.items[1]?.id}/read`)).json<NotificationResponse>();
    expect(again.readAt).toBe(read.readAt);

    expect(ok(await a.api.call('POST', '/notifications/read-all')).json()).toEqual({ marked: 1, unread: 0 });
    expect(await unread(a.api)).toBe(0);
  });

  it('pages ten at a time', async () => {
    const a = await memberSession(env);
    for (let i = 1; i <= 12; i++) {
      await emit(env.ctx, {
        kind: 'album.approved',
        audience: { registrantId: a.member.registrantId },
        albumId: '5d4f6b7e-0000-4000-8000-000000000011',
        params: { albumNumber: i, title: `第 ${i} 張` },
      });
    }
    const second = await list(a.api, '?page=2');
    expect(second).toMatchObject({ total: 12, page: 2, pageSize: 10 });
    expect(second.items.map((n) => n.params.albumNumber)).toEqual([2, 1]);
  });

  it('keeps registrants apart: B never sees or marks A’s notifications', async () => {
    const a = await memberSession(env);
    const b = await memberSession(env);
    await emit(env.ctx, {
      kind: 'album.returned',
      audience: { registrantId: a.member.registrantId },
      albumId: '5d4f6b7e-0000-4000-8000-000000000012',
      params: { albumNumber: 5, title: 'A 的專輯', reason: 'r' },
    });
    const [mine] = (await list(a.api)).items;
    expect(mine).toBeDefined();

    expect((await list(b.api)).total).toBe(0);
    expect(await unread(b.api)).toBe(0);
    failed(await b.api.call('POST', `/notifications/${mine?.id}/read`), 404, 'NOT_FOUND');
    ok(await b.api.call('POST', '/notifications/read-all'));
    expect(await unread(a.api)).toBe(1);
    const staff = await staffSession(env);
    failed(await staff.call('POST', `/notifications/${mine?.id}/read`), 404, 'NOT_FOUND');
  });

  it('sends officers to the agency desks', async () => {
    const staff = await newStaff(env.ctx, 'agency_officer');
    const api = client(env, await loginCookie(env.app, staff.loginName, TEST_PASSWORD));
    const applicationId = '5d4f6b7e-0000-4000-8000-000000000020';
    const changeRequestId = '5d4f6b7e-0000-4000-8000-000000000021';
    await emit(env.ctx, { kind: 'application.submitted', audience: { agency: true }, applicationId, params: { name: '新公司' } });
    await emit(env.ctx, { kind: 'changeRequest.submitted', audience: { agency: true }, changeRequestId, params: { registrantName: '舊公司' } });
    const items = (await list(api)).items;
    expect(items.map((n) => n.path)).toEqual([`/admin/change-requests/${changeRequestId}`, `/admin/applications/${applicationId}`]);
    expect(items[1]?.message).toBe('新的登記者代碼申請：新公司');
  });

  it('is open to an applicant, who hears about their application', async () => {
    const loginName = uniqueName('applicant').toLowerCase();
    const user = await createUser(env.ctx, null, { loginName, displayName: '申請人', password: TEST_PASSWORD, role: 'applicant', registrantId: null });
    const api = client(env, await loginCookie(env.app, loginName, TEST_PASSWORD));
    await emit(env.ctx, {
      kind: 'application.decided',
      audience: { userId: user.id },
      applicationId: '5d4f6b7e-0000-4000-8000-000000000030',
      params: { decision: 'rejected', name: '新公司', reason: '資料不全' },
    });
    const [item] = (await list(api)).items;
    expect(item).toMatchObject({ message: '登記者代碼申請未核准：新公司', path: '/application' });
    expect(await unread(api)).toBe(1);
  });

  it('answers 401 without a session', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/notifications/unread-count' });
    expect(res.statusCode).toBe(401);
  });
});

describe('several mailers at once', () => {
  it('send each e-mail exactly once (the claim skips rows another run holds)', async () => {
    const a = await memberSession(env);
    const extra = [await secondMember(a), await secondMember(a), await secondMember(a)];
    const ids = [a.member.userId, ...extra.map((m) => m.userId)];
    for (const [i, id] of ids.entries()) {
      await setUser(id, { email: `many-${i}@example.com` });
    }
    // Queued with SMTP configured but no mailer of this context listening: the runs below send them.
    const quiet: ServiceContext = { ...testContext(env.handle), mail: { smtpUrl: 'smtp://127.0.0.1:9', from: 'isrc@example.org' } };
    for (let i = 0; i < 5; i++) {
      await emit(quiet, {
        kind: 'album.approved',
        audience: { registrantId: a.member.registrantId },
        albumId: '5d4f6b7e-0000-4000-8000-000000000050',
        params: { albumNumber: 200 + i, title: `同時 ${i}` },
      });
    }
    const sent: OutgoingEmail[] = [];
    const send = async (email: OutgoingEmail) => {
      await new Promise((r) => setTimeout(r, 5));
      sent.push(email);
    };
    // The test's own mailer may take some too (it was nudged): count what both sent.
    const before = env.smtp.received.length;
    const runs = await Promise.all([1, 2, 3].map(() => deliverPending(quiet, { send, publicUrl: PUBLIC_URL, batchSize: 4 })));
    await deliverPending(quiet, { send, publicUrl: PUBLIC_URL });
    await env.mailer.runNow();
    const bySmtp = env.smtp.received.slice(before).filter((m) => JSON.stringify(m.to).includes('many-')).length;
    expect(sent.filter((e) => e.to.startsWith('many-')).length + bySmtp).toBe(20);
    expect(new Set(sent.map((e) => `${e.to} ${e.subject}`)).size).toBe(sent.length);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBeGreaterThan(0);
    const statuses = await queryRows(
      env.handle,
      sql`select email_status, email_attempts from notifications where user_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    expect(statuses.every((r) => r.email_status === 'sent' && r.email_attempts === 1)).toBe(true);
  });
});

describe('a failing SMTP server', () => {
  it('leaves the action committed and retries with back-off, then gives up without storing the password', async () => {
    const refusing = await startTestSmtp({ refuse: true });
    let now = new Date('2026-06-15T08:00:00Z').getTime();
    const ctx: ServiceContext = { ...testContext(env.handle, { now: () => new Date(now) }), mail: { smtpUrl: refusing.url, from: 'isrc@example.org' } };
    const mailer = startMailer(
      { ...ctx, mail: { smtpUrl: refusing.url, from: 'isrc@example.org' } },
      { publicUrl: PUBLIC_URL, intervalMs: 600_000, nudgeDelayMs: 600_000, maxAttempts: 2, backoffSeconds: 60 },
    );
    try {
      const a = await memberSession(env);
      await setUser(a.member.userId, { email: 'a@example.com' });
      await emit(ctx, {
        kind: 'album.approved',
        audience: { registrantId: a.member.registrantId },
        albumId: '5d4f6b7e-0000-4000-8000-000000000040',
        params: { albumNumber: 9, title: '會失敗' },
      });

      await mailer.runNow();
      let [row] = await rowsFor(a.member.userId);
      expect(row).toMatchObject({ email_status: 'pending', email_attempts: 1 });
      expect(String(row?.email_error)).toContain('451');
      expect(String(row?.email_error)).not.toContain(SMTP_PASSWORD);
      expect(String(row?.email_error)).not.toContain(encodeURIComponent(SMTP_PASSWORD));

      // Not again before the back-off has passed.
      await mailer.runNow();
      expect((await rowsFor(a.member.userId))[0]).toMatchObject({ email_attempts: 1 });

      now += 61_000;
      await mailer.runNow();
      [row] = await rowsFor(a.member.userId);
      expect(row).toMatchObject({ email_status: 'failed', email_attempts: 2 });
      // The in-app notification is there all along.
      expect(await unread(a.api)).toBe(1);
    } finally {
      await mailer.stop();
      await refusing.close();
    }
  });

  it('retries after a wrong password, and the stored error never shows it', async () => {
    const good = await startTestSmtp();
    const wrongUrl = good.url.replace(encodeURIComponent(SMTP_PASSWORD), 'not-the-Secret-9');
    const ctx: ServiceContext = { ...testContext(env.handle), mail: { smtpUrl: wrongUrl, from: 'isrc@example.org' } };
    const mailer = startMailer({ ...ctx, mail: { smtpUrl: wrongUrl, from: 'isrc@example.org' } }, { publicUrl: PUBLIC_URL, intervalMs: 600_000, nudgeDelayMs: 600_000 });
    try {
      const a = await memberSession(env);
      await setUser(a.member.userId, { email: 'a@example.com' });
      await emit(ctx, {
        kind: 'album.approved',
        audience: { registrantId: a.member.registrantId },
        albumId: '5d4f6b7e-0000-4000-8000-000000000041',
        params: { albumNumber: 10, title: '密碼錯' },
      });
      await mailer.runNow();
      const [row] = await rowsFor(a.member.userId);
      expect(row).toMatchObject({ email_status: 'pending', email_attempts: 1 });
      expect(String(row?.email_error)).not.toContain('not-the-Secret-9');
      expect(good.received).toHaveLength(0);
    } finally {
      await mailer.stop();
      await good.close();
    }
  });
});
