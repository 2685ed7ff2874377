import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ApplicationPage, ApplicationResponse } from '../../src/applications/applications.schemas.js';
import type { MeResponse } from '../../src/accounts/accounts.schemas.js';
import { SESSION_COOKIE } from '../../src/http/auth.js';
import { queryRows } from '../helpers/db.js';
import { API, auditRows, client, failed, memberSession, ok, staffSession, type Client, type Reply } from '../helpers/catalog.js';
import { uniqueName } from '../helpers/factories.js';
import { loginCookie } from '../helpers/app.js';
import { realClock, useTestApp } from '../helpers/setup.js';

/** 重新申請: a rejected applicant files a new application from the same account; the old one stays as history. */
const env = useTestApp(realClock);
let officer: Client;
let ipSeq = 0;

beforeAll(async () => {
  officer = await staffSession(env);
});

function nextIp(): string {
  ipSeq++;
  return `10.31.${Math.floor(ipSeq / 250)}.${(ipSeq % 250) + 1}`;
}

function registrantData(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'company',
    name: uniqueName('重新申請唱片'),
    registrationNumber: '04595257',
    contactPerson: '李大同',
    address: '臺北市中正區貴陽街一段 2 號',
    phone: '(02)2361-9132',
    email: 'again@example.org',
    ...overrides,
  };
}

interface Applicant {
  application: ApplicationResponse;
  api: Client;
  userId: string;
}

async function apply(): Promise<Applicant> {
  const body = { ...registrantData(), loginName: uniqueName('again').toLowerCase(), password: 'applicant-pass-1' };
  const res = ok(await env.app.inject({ method: 'POST', url: `${API}/applications`, payload: body, remoteAddress: nextIp() }), 201);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  const api = client(env, `${SESSION_COOKIE}=${cookie?.value ?? ''}`);
  const me = ok(await api.call('GET', '/auth/me')).json<MeResponse>();
  return { application: res.json<ApplicationResponse>(), api, userId: me.user.id };
}

/** POST /applications/mine from its own address (the per-address limit counts these too). */
function reapply(api: Client, payload: Record<string, unknown>): Promise<Reply> {
  return env.app.inject({ method: 'POST', url: `${API}/applications/mine`, payload, remoteAddress: nextIp(), headers: { cookie: api.cookie, 'accept-language': 'zh-TW' } });
}

async function rejected(reason = '統一編號與公司名稱不符。'): Promise<Applicant> {
  const applicant = await apply();
  ok(await officer.call('POST', `/applications/${applicant.application.id}/reject`, { reason }));
  return applicant;
}

async function applicationsOf(userId: string): Promise<{ id: string; status: string }[]> {
  const rows = await queryRows(env.handle, sql`select id::text as id, status::text as status from registrant_applications where applicant_user_id = ${userId}::uuid order by created_at`);
  return rows.map((r) => ({ id: String(r.id), status: String(r.status) }));
}

describe('POST /applications/mine (重新申請)', () => {
  it('files a new pending application from the same account and keeps the rejected one as it was', async () => {
    const { application: first, api, userId } = await rejected('統一編號與公司名稱不符。');
    const name = uniqueName('更正後唱片');
    const second = ok(await reapply(api, registrantData({ name, registrationNumber: '04702088' })), 201).json<ApplicationResponse>();
    expect(second).toMatchObject({ status: 'pending', name, registrationNumber: '04702088', loginName: first.loginName, decisionReason: null });
    expect(second.id).not.toBe(first.id);

    // The applicant sees the new one; the officers see it as a new pending application.
    expect(ok(await api.call('GET', '/applications/mine')).json<ApplicationResponse>()).toMatchObject({ id: second.id, status: 'pending' });
    const pending = ok(await officer.call('GET', '/applications?status=pending&pageSize=100')).json<ApplicationPage>();
    expect(pending.items.map((i) => i.id)).toContain(second.id);
    expect(pending.items.map((i) => i.id)).not.toContain(first.id);

    // The rejected application and its history are untouched.
    expect(ok(await officer.call('GET', `/applications/${first.id}`)).json<ApplicationResponse>()).toMatchObject({ status: 'rejected', decisionReason: '統一編號與公司名稱不符。' });
    expect((await auditRows(env, first.id)).map((r) => r.action)).toEqual(['application.submit', 'application.reject']);
    expect((await auditRows(env, second.id)).map((r) => r.action)).toEqual(['application.submit']);
    expect(await applicationsOf(userId)).toEqual([
      { id: first.id, status: 'rejected' },
      { id: second.id, status: 'pending' },
    ]);
    // The officers are told, as for any new application.
    const news = ok(await officer.call('GET', '/notifications')).json<{ items: { kind: string; entityId: string }[] }>().items;
    expect(news.find((n) => n.kind === 'application.submitted' && n.entityId === second.id)).toBeDefined();

    // Approving the new one makes the same account the registrant's member; it cannot apply again.
    const approved = ok(await officer.call('POST', `/applications/${second.id}/approve`, {})).json<ApplicationResponse>();
    // The change of role ended the applicant's session; signed in again, they are the member.
    failed(await api.call('GET', '/auth/me'), 401, 'UNAUTHENTICATED');
    const member = client(env, await loginCookie(env.app, first.loginName ?? '', 'applicant-pass-1'));
    expect(ok(await member.call('GET', '/auth/me')).json<MeResponse>().user).toMatchObject({ role: 'registrant_member', registrantId: approved.registrantId });
    failed(await reapply(member, registrantData()), 409, 'APPLICATION_NOT_REJECTED');
    expect(await applicationsOf(userId)).toHaveLength(2);
  });

  it('refuses while the application is pending, and leaves nothing behind', async () => {
    const { api, userId } = await apply();
    const error = failed(await reapply(api, registrantData()), 409, 'APPLICATION_NOT_REJECTED');
    expect(error.details).toMatchObject({ status: 'pending' });
    expect(await applicationsOf(userId)).toHaveLength(1);
  });

  it('checks the data like a first application and takes no login or password', async () => {
    const { api, userId } = await rejected();
    const bad = failed(await reapply(api, registrantData({ registrationNumber: '12345678' })), 400, 'VALIDATION_FAILED');
    expect(bad.details?.fields).toEqual([expect.objectContaining({ field: 'registrationNumber', code: 'businessNumber' })]);
    failed(await reapply(api, { ...registrantData(), loginName: 'someone.else', password: 'another-pass-1' }), 400, 'VALIDATION_FAILED');
    failed(await reapply(api, registrantData({ kind: 'individual' })), 400, 'VALIDATION_FAILED');
    expect(await applicationsOf(userId)).toHaveLength(1);
  });

  it('is for applicants only: staff and members who never applied have no application to renew', async () => {
    failed(await reapply(officer, registrantData()), 404, 'NOT_FOUND');
    const member = await memberSession(env);
    failed(await reapply(member.api, registrantData()), 404, 'NOT_FOUND');
    const anonymous = await env.app.inject({ method: 'POST', url: `${API}/applications/mine`, payload: registrantData() });
    failed(anonymous, 401, 'UNAUTHENTICATED');
  });

  it('files exactly one when the applicant sends it twice at once', async () => {
    const { api, userId } = await rejected();
    const results = await Promise.all([reapply(api, registrantData()), reapply(api, registrantData()), reapply(api, registrantData())]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const rows = await applicationsOf(userId);
    expect(rows.map((r) => r.status)).toEqual(['rejected', 'pending']);
  });
});
