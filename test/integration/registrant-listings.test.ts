import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ListingResponse } from '../../src/registrants/registrant-listings.schemas.js';
import type { RegistrantOverview } from '../../src/registrants/registrant-overview.schemas.js';
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
import { ensurePoolCode } from '../helpers/factories.js';
import { useTestApp } from '../helpers/setup.js';

const env = useTestApp();
let staff: Client;
let company: MemberSession;
let individual: MemberSession;

async function createRegistrant(name: string, kind: 'company' | 'individual' | 'government', codes: string[] = []): Promise<string> {
  const id = ok(await staff.call('POST', '/registrants', { kind, name, contactPerson: '聯絡人', phone: '02-1234' }), 201).json<{ id: string }>().id;
  for (const code of codes) {
    ok(await staff.call('POST', `/registrants/${id}/codes`, { code }), 201);
  }
  return id;
}

beforeAll(async () => {
  staff = await staffSession(env);
  await ensurePoolCode(env.ctx);
  company = await memberSession(env, 'company');
  individual = await memberSession(env, 'individual');
  // Names in a known stroke order: 一 (1) < 王 (4) < 林 (8) < 張 (11); Latin after Han.
  await createRegistrant('張記唱片', 'company', ['Z01']);
  await createRegistrant('一心音樂', 'company', ['Z03', 'Z02']);
  await createRegistrant('林小華', 'individual');
  await createRegistrant('+886 王', 'government', ['Z04']);
  await createRegistrant('=HYPERLINK("http://x","y")', 'company', ['Z05']);
});

describe('GET /registrants/listing', () => {
  it('is for staff only', async () => {
    failed(await company.api.call('GET', '/registrants/listing'), 403, 'FORBIDDEN');
    failed(await company.api.call('GET', '/registrants/listing?format=csv'), 403, 'FORBIDDEN');
  });

  it('by code: one row per registrant code, ordered by code; individuals have none', async () => {
    const listing = ok(await staff.call('GET', '/registrants/listing?order=code')).json<ListingResponse>();
    const codes = listing.items.map((r) => r.codes[0]?.code ?? '');
    expect(listing.items.every((r) => r.codes.length === 1)).toBe(true);
    expect(codes).toEqual([...codes].sort());
    const ours = codes.filter((c) => /^TW-Z0[1-5]$/.test(c));
    expect(ours).toEqual(['TW-Z01', 'TW-Z02', 'TW-Z03', 'TW-Z04', 'TW-Z05']);
    expect(listing.items.filter((r) => r.name === '一心音樂')).toHaveLength(2);
    expect(listing.items.some((r) => r.kind === 'individual')).toBe(false);
    expect(listing.items.find((r) => r.codes[0]?.code === 'TW-Z01')).toEqual(
      expect.objectContaining({ name: '張記唱片', kind: 'company', status: 'active', contactPerson: '聯絡人', phone: '02-1234' }),
    );
    expect(listing.items.find((r) => r.codes[0]?.code === 'TW-Z01')?.codes[0]?.allocatedYear).toBe(2026);
  });

  it('by name: one row per registrant in zh-TW stroke order, individuals included', async () => {
    const listing = ok(await staff.call('GET', '/registrants/listing?order=name')).json<ListingResponse>();
    const names = listing.items.map((r) => r.name).filter((n) => ['張記唱片', '一心音樂', '林小華', '+886 王'].includes(n));
    expect(names).toEqual(['+886 王', '一心音樂', '林小華', '張記唱片']);
    expect(listing.items.find((r) => r.name === '一心音樂')?.codes.map((c) => c.code)).toEqual(['TW-Z03', 'TW-Z02']);
    expect(listing.items.find((r) => r.name === '林小華')?.codes).toEqual([]);
    expect(listing.items.filter((r) => r.registrantId === individual.member.registrantId)).toHaveLength(1);
  });

  it('exports CSV with neutralised cells, headers in the caller language, and a file name', async () => {
    const res = ok(await staff.call('GET', '/registrants/listing?order=name&format=csv'));
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="registrants-by-name.csv"');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]?.startsWith('登記者名稱,登記者代碼,配發年份,類別')).toBe(true);
    expect(lines).toContain(`'+886 王,TW-Z04,2026,政府機關,啟用,,聯絡人,,02-1234,`);
    expect(lines.some((l) => l.startsWith(`"'=HYPERLINK(""http://x"",""y"")",TW-Z05`))).toBe(true);
    expect(lines.some((l) => l.startsWith('林小華,個人（使用共用代碼）,'))).toBe(true);
    expect(res.body).not.toMatch(/(^|,)"?[=+@-]/m);
    const en = ok(await staff.call('GET', '/registrants/listing?order=code&format=csv', undefined, 'en'));
    expect(en.body.replace(/^\uFEFF/, '').startsWith('Registrant code,Year allocated,Registrant name')).toBe(true);
  });

  it('exports .xlsx that exceljs opens, with every row, ordered by code', async () => {
    const res = ok(await staff.call('GET', '/registrants/listing?order=code&format=xlsx'));
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe('attachment; filename="registrants-by-code.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('登記者（依代碼）');
    const json = ok(await staff.call('GET', '/registrants/listing?order=code')).json<ListingResponse>();
    expect(sheet?.rowCount).toBe(json.items.length + 1);
    expect(sheet?.getRow(1).getCell(1).value).toBe('登記者代碼');
    const column = Array.from(sheet?.getColumn(1).values ?? [])
      .slice(2)
      .map(String);
    expect(column).toEqual(json.items.map((r) => r.codes[0]?.code));
    const injected = Array.from(sheet?.getColumn(3).values ?? [])
      .map(String)
      .find((v) => v.includes('HYPERLINK'));
    expect(injected).toBe('=HYPERLINK("http://x","y")');
    // Stored as a text cell, never as a formula.
    const row = json.items.findIndex((r) => r.codes[0]?.code === 'TW-Z05') + 2;
    expect(typeof sheet?.getRow(row).getCell(3).value).toBe('string');
  });
});

describe('GET /registrants/:id/overview', () => {
  it('counts albums by status, deposit status of approved albums, and yearly totals', async () => {
    await approvedAlbum(company, staff, '通過一', ['a', 'b']);
    await approvedAlbum(company, staff, '通過二', ['c']);
    const submitted = await createAlbum(company.api, completeAlbumFields('審核中'));
    await addTrack(company.api, submitted.id, completeRecording('d'), { mode: 'next' });
    ok(await company.api.call('POST', `/albums/${submitted.id}/submit`));
    await createAlbum(company.api, { title: '草稿' });
    const overview = ok(await staff.call('GET', `/registrants/${company.member.registrantId}/overview`)).json<RegistrantOverview>();
    expect(overview.albumsByStatus).toEqual({ draft: 1, submitted: 1, approved: 2, returned: 0 });
    expect(overview.depositByStatus).toEqual({ not_deposited: 2, partial: 0, deposited: 0 });
    expect(overview.recordingsByYear).toEqual([{ year: 2026, recordings: 3 }]);
    expect(overview.isrcsByCodeYear).toEqual([{ code: `TW-${company.member.codes[0]}`, year: 2026, isrcs: 4 }]);
  });

  it('an individual counts its pool ISRCs; members see only their own (404 otherwise)', async () => {
    await approvedAlbum(individual, staff, '個人專輯', ['e']);
    const own = ok(await individual.api.call('GET', `/registrants/${individual.member.registrantId}/overview`)).json<RegistrantOverview>();
    expect(own.albumsByStatus.approved).toBe(1);
    expect(own.isrcsByCodeYear).toHaveLength(1);
    expect(own.isrcsByCodeYear[0]?.isrcs).toBe(1);
    failed(await individual.api.call('GET', `/registrants/${company.member.registrantId}/overview`), 404, 'NOT_FOUND');
  });
});
