import type { Actor } from '../accounts/actor.js';
import type { ServiceContext } from '../db/context.js';
import { toCsv } from '../export/csv.js';
import { EXPORT_CONTENT_TYPES, type Table } from '../export/table.js';
import { toXlsx } from '../export/xlsx.js';
import type { Locale } from '../shared/locale.js';
import { registrantsWithCodes } from './registrant-listings.repo.js';
import type { ListingOrder, ListingQuery, ListingResponse, ListingRow } from './registrant-listings.schemas.js';
import { assertCanManage } from './registrants.service.js';

/**
 * Names are ordered by ICU's zh-TW collation (Intl.Collator 'zh-TW': Han characters by stroke count,
 * 筆畫, the order Taiwanese registers use; Latin names after them), in the server, so PGlite and
 * PostgreSQL (whose collations differ by installation) give the same listing.
 */
const nameOrder = new Intl.Collator('zh-TW');

function listingRows(order: ListingOrder, data: Awaited<ReturnType<typeof registrantsWithCodes>>): ListingRow[] {
  const base = ({ registrant: r }: (typeof data)[number]) => ({
    registrantId: r.id,
    name: r.name,
    kind: r.kind,
    status: r.status,
    isDemo: r.isDemo,
    registrationNumber: r.registrationNumber,
    contactPerson: r.contactPerson,
    address: r.address,
    phone: r.phone,
    email: r.email,
  });
  const code = (c: (typeof data)[number]['codes'][number]) => ({ code: `${c.countryCode}-${c.code}`, allocatedYear: c.allocatedYear });
  if (order === 'code') {
    // One row per code, by its display form (country, then code): registrants without codes have no row here.
    return data.flatMap((entry) => entry.codes.map((c) => ({ ...base(entry), codes: [code(c)] }))).sort((a, b) => (a.codes[0]?.code ?? '').localeCompare(b.codes[0]?.code ?? '', 'en'));
  }
  return data.map((entry) => ({ ...base(entry), codes: entry.codes.map(code) })).sort((a, b) => nameOrder.compare(a.name, b.name) || a.registrantId.localeCompare(b.registrantId));
}

const TEXT = {
  'zh-TW': {
    code: '登記者代碼',
    allocatedYear: '配發年份',
    name: '登記者名稱',
    kind: '類別',
    status: '狀態',
    registrationNumber: '統一編號／機關代碼',
    contactPerson: '聯絡人',
    address: '地址',
    phone: '電話',
    email: '電子郵件',
    pool: '個人（使用共用代碼）',
    none: '（尚無代碼）',
    kinds: { company: '公司', individual: '個人', government: '政府機關' },
    statuses: { active: '啟用', suspended: '停用' },
    sheet: { code: '登記者（依代碼）', name: '登記者（依名稱）' },
  },
  en: {
    code: 'Registrant code',
    allocatedYear: 'Year allocated',
    name: 'Registrant name',
    kind: 'Kind',
    status: 'Status',
    registrationNumber: 'Registration number',
    contactPerson: 'Contact person',
    address: 'Address',
    phone: 'Phone',
    email: 'E-mail',
    pool: "Individual (agency's pool codes)",
    none: '(no code yet)',
    kinds: { company: 'Company', individual: 'Individual', government: 'Government body' },
    statuses: { active: 'Active', suspended: 'Suspended' },
    sheet: { code: 'Registrants by code', name: 'Registrants by name' },
  },
} as const;

function listingTable(order: ListingOrder, rows: ListingRow[], locale: Locale): Table<ListingRow> {
  const t = TEXT[locale];
  const codes = (r: ListingRow) => (r.codes.length > 0 ? r.codes.map((c) => c.code).join('、') : r.kind === 'individual' ? t.pool : t.none);
  const years = (r: ListingRow) => r.codes.map((c) => String(c.allocatedYear)).join('、');
  const rest = [
    { header: t.kind, value: (r: ListingRow) => t.kinds[r.kind] },
    { header: t.status, value: (r: ListingRow) => t.statuses[r.status] },
    { header: t.registrationNumber, value: (r: ListingRow) => r.registrationNumber, width: 16 },
    { header: t.contactPerson, value: (r: ListingRow) => r.contactPerson, width: 14 },
    { header: t.address, value: (r: ListingRow) => r.address, width: 40 },
    { header: t.phone, value: (r: ListingRow) => r.phone, width: 18 },
    { header: t.email, value: (r: ListingRow) => r.email, width: 28 },
  ];
  const columns =
    order === 'code'
      ? [
          { header: t.code, value: codes, width: 14 },
          { header: t.allocatedYear, value: (r: ListingRow) => r.codes[0]?.allocatedYear ?? null },
          { header: t.name, value: (r: ListingRow) => r.name, width: 40 },
          ...rest,
        ]
      : [{ header: t.name, value: (r: ListingRow) => r.name, width: 40 }, { header: t.code, value: codes, width: 24 }, { header: t.allocatedYear, value: years, width: 14 }, ...rest];
  return { sheet: t.sheet[order], columns, rows };
}

export type ListingAnswer = { kind: 'json'; body: ListingResponse } | { kind: 'file'; contentType: string; fileName: string; body: string | Buffer };

/**
 * 登記者清冊: every registrant by registrant code (one row per code) or by name (one row per
 * registrant, individuals marked as using the pool codes), as JSON for the screen or as a CSV /
 * .xlsx file with headers in the caller's language (staff only).
 */
export async function getRegistrantListing(ctx: ServiceContext, actor: Actor, query: ListingQuery, locale: Locale): Promise<ListingAnswer> {
  assertCanManage(actor);
  const order = query.order ?? 'code';
  const rows = listingRows(order, await registrantsWithCodes(ctx.db));
  const format = query.format ?? 'json';
  if (format === 'json') {
    return { kind: 'json', body: { order, items: rows } };
  }
  const table = listingTable(order, rows, locale);
  const fileName = `registrants-by-${order}.${format}`;
  return format === 'csv'
    ? { kind: 'file', contentType: EXPORT_CONTENT_TYPES.csv, fileName, body: toCsv(table) }
    : { kind: 'file', contentType: EXPORT_CONTENT_TYPES.xlsx, fileName, body: await toXlsx(table) };
}
