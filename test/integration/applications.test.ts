import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ApplicationPage, ApplicationResponse } from '../../src/applications/applications.schemas.js';
import { SESSION_COOKIE } from '../../src/http/auth.js';
import type { MeResponse } from '../../src/accounts/accounts.schemas.js';
import { queryRows } from '../helpers/db.js';
import { addTrack, auditRows, client, createAlbum, failed, memberSession, ok, staffSession, type Client, type Reply } from '../helpers/catalog.js';
import { uniqueName } from '../helpers/factories.js';
import { loginCookie } from '../helpers/app.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { applicationBody } from './applications-fixtures.js';

const env = useTestApp(realClock);
let officer: Client;
let ipSeq = 0;

beforeAll(async () => {
  officer = await staffSession(env);
});

/** A fresh address per application, so the per-address limit only bites where a test wants it to. */
function nextIp(): string {
  ipSeq++;
  return `10.20.${Math.floor(ipSeq / 250)}.${(ipSeq % 250) + 1}`;
}

function postApplication(payload: Record<string, unknown>, ip = nextIp(), lang = 'zh-TW'): Promise<Reply> {
  return env.app.inject({ method: 'POST', url: '/api/v1/applications', payload, remoteAddress: ip, headers: { 'accept-language': lang } });
}

interface Applicant {
  application: ApplicationResponse;
  api: Client;
  loginName: string;
}

async function apply(overrides: Record<string, unknown> = {}): Promise<Applicant> {
  const body = applicationBody(overrides);
  const res = ok(await postApplication(body), 201);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  expect(cookie?.httpOnly).toBe(true);
  return { application: res.json<ApplicationResponse>(), api: client(env, `${SESSION_COOKIE}=${cookie?.value ?? ''}`), loginName: body.loginName };
}

async function countWhere(query: ReturnType<typeof sql>): Promise<number> {
  const rows = await queryRows(env.handle, query);
  return Number(rows[0]?.n ?? -1);
}

describe('POST /applications (public)', () => {
  it('creates the applicant and the application, signs the applicant in, and shows only its status', async () => {
    const { application, api, loginName } = await apply({ name: '  星河唱片股份有限公司  ' });
    expect(application).toMatchObject({ kind: 'company', name: '星河唱片股份有限公司', registrationNumber: '04595257', status: 'pending', loginName, registrantCode: null });

    const me = ok(await api.call('GET', '/auth/me')).json<MeResponse>();
    expect(me.user).toMatchObject({ role: 'applicant', registrantId: null, loginName });
    expect(me.registrant).toBeNull();
    expect(ok(await api.call('GET', '/applications/mine')).json<ApplicationResponse>()).toMatchObject({ id: application.id, status: 'pending' });

    // Everything else is closed until approval; change password and logout stay open.
    failed(await api.call('GET', '/albums'), 403, 'APPLICATION_PENDING');
    failed(await api.call('GET', '/applications'), 403, 'APPLICATION_PENDING');
    failed(await api.call('POST', `/applications/${application.id}/approve`, {}), 403, 'APPLICATION_PENDING');
    const changed = ok(await api.call('POST', '/auth/password', { currentPassword: 'applicant-pass-1', newPassword: 'applicant-pass-2' }), 204);
    // The session goes on under a new id; the old one ends.
    const renewed = client(env, `${SESSION_COOKIE}=${changed.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? ''}`);
    failed(await api.call('GET', '/applications/mine'), 401, 'UNAUTHENTICATED');

    expect((await auditRows(env, application.id)).map((r) => r.action)).toEqual(['application.submit']);
    ok(await renewed.call('POST', '/auth/logout'), 204);
    failed(await renewed.call('GET', '/applications/mine'), 401, 'UNAUTHENTICATED');
  });

  it('lets an individual apply without a registration number or contact person', async () => {
    const { application } = await apply({ kind: 'individual', name: '林小華', registrationNumber: undefined, contactPerson: undefined });
    expect(application).toMatchObject({ kind: 'individual', registrationNumber: '', contactPerson: '林小華' });
  });

  it('checks every field and says which, in the asked language', async () => {
    const missing = failed(await postApplication({ ...applicationBody(), registrationNumber: '' }), 400, 'VALIDATION_FAILED');
    expect(missing.details?.fields).toEqual([expect.objectContaining({ field: 'registrationNumber', code: 'required', message: '此欄位為必填。' })]);

    const checksum = failed(await postApplication({ ...applicationBody(), registrationNumber: '12345678' }, nextIp(), 'en'), 400, 'VALIDATION_FAILED');
    expect(checksum.details?.fields).toEqual([expect.objectContaining({ field: 'registrationNumber', code: 'businessNumber' })]);
    expect(JSON.stringify(checksum.details?.fields)).toContain('8 digits');

    const individual = failed(await postApplication({ ...applicationBody({ kind: 'individual' }) }), 400, 'VALIDATION_FAILED');
    expect(individual.details?.fields).toEqual([expect.objectContaining({ field: 'registrationNumber', code: 'notAllowed' })]);

    const government = failed(await postApplication({ ...applicationBody({ kind: 'government', registrationNumber: 'A-1', contactPerson: ' ' }) }), 400, 'VALIDATION_FAILED');
    expect(government.details?.fields).toEqual([
      expect.objectContaining({ field: 'registrationNumber', code: 'governmentCode' }),
      expect.objectContaining({ field: 'contactPerson', code: 'required' }),
    ]);

    const email = failed(await postApplication({ ...applicationBody(), email: 'not-an-address' }), 400, 'VALIDATION_FAILED');
    expect(email.details?.fields).toEqual([expect.objectContaining({ field: 'email', code: 'format' })]);
    failed(await postApplication({ ...applicationBody(), loginName: 'a b' }), 400, 'VALIDATION_FAILED');
    failed(await postApplication({ ...applicationBody(), password: 'short' }), 400, 'VALIDATION_FAILED');
    failed(await postApplication({ ...applicationBody({ loginName: 'samesame-12', password: 'my SameSame-12 pass' }) }), 400, 'PASSWORD_CONTAINS_LOGIN_NAME');
    failed(await postApplication({ ...applicationBody(), password: 'Password1234' }), 400, 'PASSWORD_TOO_COMMON');
    failed(await postApplication({ ...applicationBody(), kind: 'label' }), 400, 'VALIDATION_FAILED');
    failed(await postApplication({ ...applicationBody(), role: 'agency_admin' }), 400, 'VALIDATION_FAILED');

    const government2 = await apply({ kind: 'government', registrationNumber: 'a09000000e' });
    expect(government2.application.registrationNumber).toBe('A09000000E');
  });

  it('refuses a taken login name and leaves nothing behind', async () => {
    const first = await apply();
    const name = uniqueName('重複帳號');
    failed(await postApplication(applicationBody({ loginName: first.loginName.toUpperCase(), name })), 409, 'LOGIN_NAME_TAKEN');
    expect(await countWhere(sql`select count(*)::int as n from registrant_applications where name = ${name}`)).toBe(0);
  });

  it('limits applications per address (5 an hour)', async () => {
    const ip = nextIp();
    for (let i = 0; i < 5; i++) {
      ok(await postApplication(applicationBody(), ip), 201);
    }
    const error = failed(await postApplication(applicationBody(), ip), 429, 'APPLICATION_THROTTLED');
    expect(error.details?.retryAfterMinutes).toBeGreaterThan(0);
    ok(await postApplication(applicationBody(), nextIp()), 201);
  });
});

describe('the officers queue', () => {
  it('lists pending applications oldest first, filters by status, pages, and is staff only', async () => {
    const a = await apply({ name: uniqueName('佇列甲') });
    const b = await apply({ name: uniqueName('佇列乙') });
    const pending = ok(await officer.call('GET', '/applications?status=pending&pageSize=100')).json<ApplicationPage>();
    const ids = pending.items.map((i) => i.id);
    expect(ids.indexOf(a.application.id)).toBeLessThan(ids.indexOf(b.application.id));
    expect(pending.items.every((i) => i.status === 'pending')).toBe(true);
    const paged = ok(await officer.call('GET', '/applications?pageSize=1&page=2')).json<ApplicationPage>();
    expect(paged).toMatchObject({ page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    const found = ok(await officer.call('GET', `/applications?q=${encodeURIComponent(a.application.name)}`)).json<ApplicationPage>();
    expect(found.items.map((i) => i.id)).toEqual([a.application.id]);
    expect(ok(await officer.call('GET', `/applications/${a.application.id}`)).json<ApplicationResponse>()).toMatchObject({ id: a.application.id, loginName: a.loginName });

    const member = await memberSession(env);
    failed(await member.api.call('GET', '/applications'), 403, 'FORBIDDEN');
    // By id a member learns nothing, not even that the application exists.
    failed(await member.api.call('GET', `/applications/${a.application.id}`), 404, 'NOT_FOUND');
    failed(await member.api.call('GET', `/applications/${a.application.id}/suggested-code`), 404, 'NOT_FOUND');
    failed(await member.api.call('POST', `/applications/${a.application.id}/approve`, {}), 404, 'NOT_FOUND');
    failed(await member.api.call('POST', `/applications/${a.application.id}/reject`, { reason: '不行' }), 404, 'NOT_FOUND');
    expect(ok(await officer.call('GET', `/applications/${a.application.id}`)).json<ApplicationResponse>().status).toBe('pending');
    failed(await member.api.call('GET', '/applications/mine'), 404, 'NOT_FOUND');
    failed(await officer.call('GET', '/applications/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
  });
});

describe('approval', () => {
  it('approves a company with the suggested code: the applicant becomes its member and reports with the next ISRC', async () => {
    const { application, api: applicantApi, loginName } = await apply();
    const suggested = ok(await officer.call('GET', `/applications/${application.id}/suggested-code`)).json<{ code: string }>().code;
    expect(suggested).not.toMatch(/[IO]/);

    const approved = ok(await officer.call('POST', `/applications/${application.id}/approve`, {})).json<ApplicationResponse>();
    expect(approved).toMatchObject({ status: 'approved', registrantCode: suggested });
    const registrantId = approved.registrantId ?? '';
    const registrant = ok(await officer.call('GET', `/registrants/${registrantId}`)).json<{
      kind: string;
      name: string;
      registrationNumber: string;
      contactPerson: string;
      codes: string[];
    }>();
    expect(registrant).toMatchObject({ kind: 'company', name: application.name, registrationNumber: '04595257', contactPerson: '王小明', codes: [suggested] });

    // A change of role ends the applicant's session; signed in again, they are the registrant's member.
    failed(await applicantApi.call('GET', '/auth/me'), 401, 'UNAUTHENTICATED');
    const api = client(env, await loginCookie(env.app, loginName, 'applicant-pass-1'));
    const me = ok(await api.call('GET', '/auth/me')).json<MeResponse>();
    expect(me.user).toMatchObject({ role: 'registrant_member', registrantId });
    expect(me.registrant).toMatchObject({ id: registrantId, kind: 'company' });
    expect(ok(await api.call('GET', '/applications/mine')).json<ApplicationResponse>()).toMatchObject({ status: 'approved', registrantCode: suggested });
    const album = await createAlbum(api);
    const track = await addTrack(api, album.id, { title: '第一首' }, { mode: 'next' });
    expect(track.recording.isrcDisplay).toMatch(new RegExp(`^TW-${suggested}-\\d{2}-00001$`));

    expect((await auditRows(env, application.id)).map((r) => r.action)).toEqual(['application.submit', 'application.approve']);
    expect((await auditRows(env, me.user.id)).map((r) => r.action)).toContain('user.role.change');
    const news = ok(await api.call('GET', '/notifications')).json<{ items: { kind: string; entityId: string; params: Record<string, string> }[] }>().items;
    expect(news.find((n) => n.kind === 'application.decided')).toMatchObject({ entityId: application.id, params: { decision: 'approved' } });
    failed(await officer.call('POST', `/applications/${application.id}/approve`, {}), 409, 'APPLICATION_ALREADY_DECIDED');
    failed(await officer.call('POST', `/applications/${application.id}/reject`, { reason: '太晚了' }), 409, 'APPLICATION_ALREADY_DECIDED');
  });

  it('allocates a typed code with its year, and a taken code leaves the application pending and nothing created', async () => {
    const { application } = await apply({ kind: 'government', registrationNumber: 'A09000000E' });
    const holder = await memberSession(env);
    const taken = holder.member.codes[0] ?? '';
    failed(await officer.call('POST', `/applications/${application.id}/approve`, { registrantCode: taken.toLowerCase() }), 409, 'REGISTRANT_CODE_TAKEN');
    expect(ok(await officer.call('GET', `/applications/${application.id}`)).json<ApplicationResponse>().status).toBe('pending');
    expect(await countWhere(sql`select count(*)::int as n from registrants where name = ${application.name}`)).toBe(0);

    const year = new Date().getUTCFullYear() - 3;
    const approved = ok(await officer.call('POST', `/applications/${application.id}/approve`, { registrantCode: 'i0z', allocatedYear: year })).json<ApplicationResponse>();
    expect(approved.registrantCode).toBe('I0Z');
    const codes = ok(await officer.call('GET', `/registrants/${approved.registrantId ?? ''}/codes`)).json<{ code: string; allocatedYear: number }[]>();
    expect(codes).toEqual([expect.objectContaining({ code: 'I0Z', allocatedYear: year })]);
  });

  it('lets an individual join the pool without a code', async () => {
    const { application, loginName } = await apply({ kind: 'individual', registrationNumber: undefined });
    failed(await officer.call('POST', `/applications/${application.id}/approve`, { registrantCode: 'Z98' }), 409, 'REGISTRANT_CODE_NOT_ALLOWED');
    const approved = ok(await officer.call('POST', `/applications/${application.id}/approve`, {})).json<ApplicationResponse>();
    expect(approved).toMatchObject({ status: 'approved', registrantCode: null });
    const api = client(env, await loginCookie(env.app, loginName, 'applicant-pass-1'));
    const me = ok(await api.call('GET', '/auth/me')).json<MeResponse>();
    expect(me.registrant).toMatchObject({ kind: 'individual' });
    const codes = ok(await officer.call('GET', `/registrants/${approved.registrantId ?? ''}/codes`)).json<unknown[]>();
    expect(codes).toEqual([]);
  });

  it('decides once when two officers decide at the same time', async () => {
    const { application } = await apply();
    const other = await staffSession(env);
    const results = await Promise.all([
      officer.call('POST', `/applications/${application.id}/approve`, {}),
      other.call('POST', `/applications/${application.id}/reject`, { reason: '同時審核' }),
      other.call('POST', `/applications/${application.id}/approve`, {}),
    ]);
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json<{ error: { code: string } }>().error.code).toBe('APPLICATION_ALREADY_DECIDED');
    }
    expect(await countWhere(sql`select count(*)::int as n from registrants where name = ${application.name}`)).toBeLessThanOrEqual(1);
  });
});

describe('rejection', () => {
  it('needs a reason, which the applicant reads; the applicant stays closed out', async () => {
    const { application, api } = await apply();
    failed(await officer.call('POST', `/applications/${application.id}/reject`, { reason: '   ' }), 400, 'VALIDATION_FAILED');
    failed(await officer.call('POST', `/applications/${application.id}/reject`, {}), 400, 'VALIDATION_FAILED');
    const rejected = ok(await officer.call('POST', `/applications/${application.id}/reject`, { reason: '  統一編號與公司名稱不符。 ' })).json<ApplicationResponse>();
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: '統一編號與公司名稱不符。', registrantId: null });
    expect(ok(await api.call('GET', '/applications/mine')).json<ApplicationResponse>()).toMatchObject({ status: 'rejected', decisionReason: '統一編號與公司名稱不符。' });
    failed(await api.call('GET', '/albums'), 403, 'APPLICATION_PENDING');
    const news = ok(await api.call('GET', '/notifications')).json<{ items: { kind: string; message: string; params: Record<string, string> }[] }>().items;
    expect(news.find((n) => n.kind === 'application.decided')).toMatchObject({ params: { decision: 'rejected', reason: '統一編號與公司名稱不符。' } });
    const rejectedList = ok(await officer.call('GET', '/applications?status=rejected')).json<ApplicationPage>();
    expect(rejectedList.items.map((i) => i.id)).toContain(application.id);
  });
});
