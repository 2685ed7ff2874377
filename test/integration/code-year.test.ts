import { beforeAll, describe, expect, it } from 'vitest';
import type { RegistrantCodeResponse } from '../../src/registrants/registrants.schemas.js';
import { loginCookie } from '../helpers/app.js';
import {
  addTrack,
  addTrackReq,
  auditRows,
  client,
  compact,
  counterValue,
  createAlbum,
  display,
  failed,
  memberSession,
  ok,
  staffSession,
  type Client,
  type MemberSession,
} from '../helpers/catalog.js';
import { newStaff, TEST_PASSWORD } from '../helpers/factories.js';
import { useTestApp } from '../helpers/setup.js';

// The year of reference is the year of assignment: an ISRC under a registrant code cannot carry a
// year before the code was allocated, except on a 回溯編碼 (retroactive) album. Clock: 2026-06-15.

const env = useTestApp();

const ZH_1999 = 'ISRC 年份（1999）早於此登記者代碼的配發年份（2026）；錄製年代碼是編碼當年，除非本專輯為回溯編碼';
const EN_1999 =
  'The ISRC year (1999) is before its registrant code was allocated (2026); the year of reference is the year the ISRC is assigned, unless the album is a retroactive assignment.';

interface FieldErrorJson {
  field: string;
  code: string;
  message: string;
}

async function adminSession(): Promise<Client> {
  const admin = await newStaff(env.ctx, 'agency_admin');
  return client(env, await loginCookie(env.app, admin.loginName, TEST_PASSWORD));
}

describe('an own code typed on a track, under a code allocated in 2026', () => {
  let co: MemberSession;
  let code: string;

  beforeAll(async () => {
    co = await memberSession(env);
    code = co.member.codes[0]!;
  });

  it('refuses 1999 on an album that is not 回溯編碼, saying why in both languages, and records nothing', async () => {
    const album = await createAlbum(co.api, { title: '一般編碼' });
    const zh = failed(await addTrackReq(co.api, album.id, { title: '1999' }, { mode: 'own', isrc: display(code, 1, 99) }), 400, 'ISRC_YEAR_BEFORE_CODE');
    expect(zh.message).toBe(`${ZH_1999}。`);
    expect(zh.details).toMatchObject({ isrc: display(code, 1, 99), year: 1999, allocatedYear: 2026 });
    const en = await co.api.call('POST', `/albums/${album.id}/tracks`, { isrc: { mode: 'own', isrc: compact(code, 1, 99) }, recording: {} }, 'en');
    expect(failed(en, 400, 'ISRC_YEAR_BEFORE_CODE').message).toBe(EN_1999);
    // Last year too, and on an existing track (PUT …/isrc).
    const track = await addTrack(co.api, album.id, { title: '之後再給碼' });
    const put = await co.api.call('PUT', `/albums/${album.id}/tracks/${track.id}/isrc`, { isrc: { mode: 'own', isrc: compact(code, 1, 25) } });
    expect(failed(put, 400, 'ISRC_YEAR_BEFORE_CODE').details).toMatchObject({ year: 2025, allocatedYear: 2026 });
    expect(await counterValue(env, code, 99)).toBe(0);
    expect(await counterValue(env, code, 25)).toBe(0);
    // This year's code is fine.
    const now = await addTrack(co.api, album.id, { title: '今年' }, { mode: 'own', isrc: compact(code, 1) });
    expect(now.recording).toMatchObject({ isrc: compact(code, 1), isrcSource: 'own' });
  });

  it('accepts 1999 on a 回溯編碼 album', async () => {
    const album = await createAlbum(co.api, { title: '回溯', retroactive: true });
    expect(album.retroactive).toBe(true);
    const track = await addTrack(co.api, album.id, { title: '1999 年發行' }, { mode: 'own', isrc: display(code, 1, 99) });
    expect(track.recording).toMatchObject({ isrc: compact(code, 1, 99), isrcSource: 'own' });
    const put = await co.api.call('PUT', `/albums/${album.id}/tracks/${track.id}/isrc`, { isrc: { mode: 'own', isrc: compact(code, 1, 98) } });
    expect(ok(put).json<{ recording: { isrc: string } }>().recording.isrc).toBe(compact(code, 1, 98));
  });

  it('POST /allocations/claim (no album) treats the code as not retroactive', async () => {
    const zh = failed(await co.api.call('POST', '/allocations/claim', { isrc: compact(code, 2, 99) }), 400, 'ISRC_YEAR_BEFORE_CODE');
    expect(zh.message).toBe(`${ZH_1999}。`);
    expect(failed(await co.api.call('POST', '/allocations/claim', { isrc: compact(code, 1, 25) }, 'en'), 400, 'ISRC_YEAR_BEFORE_CODE').message).toContain('(2025)');
    ok(await co.api.call('POST', '/allocations/claim', { isrc: compact(code, 2) }), 201);
  });
});

describe('the year a registrant code was allocated', () => {
  let officer: Client;
  let admin: Client;

  beforeAll(async () => {
    officer = await staffSession(env);
    admin = await adminSession();
  });

  it('defaults to the current year and is shown with the codes', async () => {
    const co = await memberSession(env);
    const codes = ok(await co.api.call('GET', `/registrants/${co.member.registrantId}/codes`)).json<RegistrantCodeResponse[]>();
    expect(codes).toEqual([expect.objectContaining({ code: co.member.codes[0], allocatedYear: 2026 })]);
    const added = ok(await officer.call('POST', `/registrants/${co.member.registrantId}/codes`, {}), 201).json<RegistrantCodeResponse>();
    expect(added.allocatedYear).toBe(2026);
  });

  it('is entered for a code carried over from an earlier system, and own codes from that year on are accepted', async () => {
    const co = await memberSession(env, 'company', { codes: 0 });
    const carried = ok(await officer.call('POST', `/registrants/${co.member.registrantId}/codes`, { allocatedYear: 2010 }), 201).json<RegistrantCodeResponse>();
    expect(carried.allocatedYear).toBe(2010);
    const codes = ok(await officer.call('GET', `/registrants/${co.member.registrantId}/codes`)).json<RegistrantCodeResponse[]>();
    expect(codes.map((c) => [c.code, c.allocatedYear])).toEqual([[carried.code, 2010]]);
    ok(await co.api.call('POST', '/allocations/claim', { isrc: compact(carried.code, 1, 10) }), 201);
    const before = failed(await co.api.call('POST', '/allocations/claim', { isrc: compact(carried.code, 1, 9) }), 400, 'ISRC_YEAR_BEFORE_CODE');
    expect(before.message).toBe('ISRC 年份（2009）早於此登記者代碼的配發年份（2010）；錄製年代碼是編碼當年，除非本專輯為回溯編碼。');
  });

  it('may not be after the current year nor before 1986, naming the field', async () => {
    const co = await memberSession(env, 'company', { codes: 0 });
    const late = failed(await officer.call('POST', `/registrants/${co.member.registrantId}/codes`, { allocatedYear: 2027 }), 400, 'VALIDATION_FAILED');
    expect(late.details?.fields).toEqual([{ field: 'allocatedYear', code: 'maximum', message: '不可大於 2026。' }]);
    const early = failed(await officer.call('POST', `/registrants/${co.member.registrantId}/codes`, { allocatedYear: 1985 }), 400, 'VALIDATION_FAILED');
    expect((early.details?.fields as FieldErrorJson[])[0]?.field).toBe('allocatedYear');
    expect(ok(await officer.call('GET', `/registrants/${co.member.registrantId}/codes`)).json<unknown[]>()).toEqual([]);
  });

  it('is taken for pool codes too', async () => {
    const pool = ok(await admin.call('POST', '/settings/pool-codes', { allocatedYear: 2001 }), 201).json<RegistrantCodeResponse>();
    expect(pool).toMatchObject({ isPool: true, allocatedYear: 2001 });
  });

  it('is corrected by an administrator only (PATCH /registrant-codes/:id), audited', async () => {
    const co = await memberSession(env);
    const code = co.member.codes[0]!;
    const [row] = ok(await co.api.call('GET', `/registrants/${co.member.registrantId}/codes`)).json<RegistrantCodeResponse[]>();
    const path = `/registrant-codes/${row!.id}`;
    failed(await co.api.call('PATCH', path, { allocatedYear: 2005 }), 403, 'FORBIDDEN'); // its own code: may see it, not change it
    failed(await officer.call('PATCH', path, { allocatedYear: 2005 }), 403, 'FORBIDDEN');
    failed(await admin.call('PATCH', path, { allocatedYear: 2027 }), 400, 'VALIDATION_FAILED');
    failed(await admin.call('PATCH', path, {}), 400, 'VALIDATION_FAILED');
    failed(await admin.call('PATCH', '/registrant-codes/00000000-0000-4000-8000-000000000000', { allocatedYear: 2005 }), 404, 'NOT_FOUND');
    failed(await co.api.call('POST', '/allocations/claim', { isrc: compact(code, 1, 5) }), 400, 'ISRC_YEAR_BEFORE_CODE');

    const corrected = ok(await admin.call('PATCH', path, { allocatedYear: 2005 })).json<RegistrantCodeResponse>();
    expect(corrected).toMatchObject({ id: row!.id, code, allocatedYear: 2005 });
    const audit = (await auditRows(env, row!.id)).filter((a) => a.action === 'registrant-code.update');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ id: row!.id, code, allocatedYear: 2026 });
    expect(audit[0]?.after).toMatchObject({ id: row!.id, code, allocatedYear: 2005 });
    ok(await co.api.call('POST', '/allocations/claim', { isrc: compact(code, 1, 5) }), 201);
  });
});

describe('the public validator', () => {
  it('warns about a year before the code was allocated, in both languages', async () => {
    const co = await memberSession(env);
    const code = co.member.codes[0]!;
    const check = (isrc: string, lang = 'zh-TW') => env.app.inject({ method: 'GET', url: `/api/v1/isrc/validate?code=${encodeURIComponent(isrc)}`, headers: { 'accept-language': lang } });
    const zh = ok(await check(display(code, 1, 99))).json<{ valid: boolean; warnings: { kind: string; message: string }[] }>();
    expect(zh).toEqual({ valid: true, compact: compact(code, 1, 99), display: display(code, 1, 99), warnings: [{ kind: 'year-before-code', message: ZH_1999 }] });
    const en = ok(await check(compact(code, 1, 99), 'en')).json<{ warnings: { kind: string; message: string }[] }>();
    expect(en.warnings).toEqual([{ kind: 'year-before-code', message: EN_1999 }]);
    const allocate = ok(await env.app.inject({ method: 'GET', url: `/api/v1/isrc/validate?code=${compact(code, 1, 99)}&purpose=allocate` })).json<{
      valid: boolean;
      warnings: { kind: string }[];
    }>();
    expect(allocate).toMatchObject({ valid: true, warnings: [{ kind: 'year-before-code' }] });
    // This year, a code the agency does not know, and a foreign code: nothing to say.
    expect(ok(await check(compact(code, 1))).json<{ warnings: unknown[] }>().warnings).toEqual([]);
    expect(ok(await check('TW-ZZ9-99-00001')).json<{ warnings: unknown[] }>().warnings).toEqual([]);
    expect(ok(await check(`US-${code}-99-00001`)).json<{ warnings: unknown[] }>().warnings).toEqual([]);
  });
});
