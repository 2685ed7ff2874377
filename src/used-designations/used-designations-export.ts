import type { Actor } from '../accounts/actor.js';
import type { ServiceContext } from '../db/context.js';
import { toCsv } from '../export/csv.js';
import { EXPORT_CONTENT_TYPES, type ExportFormat, type Table } from '../export/table.js';
import { toXlsx } from '../export/xlsx.js';
import { AppError } from '../shared/errors.js';
import type { Locale } from '../shared/locale.js';
import { usedCodePage } from './used-designations.repo.js';
import type { UsedCode, UsedCodeStatus, UsedCodesExportQuery } from './used-designations.schemas.js';
import { resolveUsageScope, toUsedCode } from './used-designations.service.js';

/** The most rows one export holds: every designation of one code in one year fits (99,999). */
export const USED_CODES_EXPORT_LIMIT = 100_000;

const HEADERS = {
  isrc: { 'zh-TW': 'ISRC 編號', en: 'ISRC' },
  registrantCode: { 'zh-TW': '登記者代碼', en: 'Registrant code' },
  designation: { 'zh-TW': '流水號', en: 'Designation code' },
  status: { 'zh-TW': '狀態', en: 'Status' },
  recording: { 'zh-TW': '曲目名稱', en: 'Recording title' },
  albumNumber: { 'zh-TW': '專輯編號', en: 'Album number' },
  album: { 'zh-TW': '專輯名稱', en: 'Album title' },
  registrant: { 'zh-TW': '登記者', en: 'Registrant' },
} as const satisfies Record<string, Record<Locale, string>>;

const STATUS_LABELS = {
  onRecording: { 'zh-TW': '已使用', en: 'On a recording' },
  reserved: { 'zh-TW': '已保留未使用', en: 'Reserved, not on a recording' },
} as const satisfies Record<UsedCodeStatus, Record<Locale, string>>;

/** The year's codes as a table for CSV / .xlsx, in the reader's language. */
export function usedCodesTable(rows: readonly UsedCode[], year: number, locale: Locale): Table<UsedCode> {
  const h = (key: keyof typeof HEADERS) => HEADERS[key][locale];
  return {
    sheet: locale === 'zh-TW' ? `${year} 年度使用編號` : `Used codes ${year}`,
    rows,
    columns: [
      { header: h('isrc'), value: (r) => r.display, width: 18 },
      { header: h('registrantCode'), value: (r) => r.registrantCode },
      { header: h('designation'), value: (r) => String(r.designation).padStart(5, '0') },
      { header: h('status'), value: (r) => STATUS_LABELS[r.status][locale], width: 16 },
      { header: h('recording'), value: (r) => r.recording?.title ?? '', width: 30 },
      { header: h('albumNumber'), value: (r) => r.album?.albumNumber ?? null },
      { header: h('album'), value: (r) => r.album?.title ?? '', width: 30 },
      { header: h('registrant'), value: (r) => r.registrant.name, width: 30 },
    ],
  };
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

/**
 * 年度使用編號查詢 as CSV or .xlsx: the scope's codes of the year. More than `limit` (the agency's
 * whole year, a registrant with several codes) is refused, never cut short: one registrant code of
 * one year always fits.
 */
export async function exportUsedCodes(
  ctx: ServiceContext,
  actor: Actor,
  query: UsedCodesExportQuery,
  format: ExportFormat,
  locale: Locale,
  limit: number = USED_CODES_EXPORT_LIMIT,
): Promise<ExportFile> {
  const resolved = await resolveUsageScope(ctx, actor, query);
  const { rows, total } = await usedCodePage(ctx.db, resolved.scope, { offset: 0, limit });
  if (total > limit) {
    throw new AppError('USED_CODES_EXPORT_TOO_LARGE', { max: limit, total });
  }
  const items = rows.map((r) => toUsedCode(r, ctx.countryCode, resolved.scope.yearOfReference));
  const table = usedCodesTable(items, resolved.year, locale);
  const code = resolved.scope.registrantCode === undefined ? '' : `-${resolved.scope.registrantCode}`;
  const fileName = `used-designations-${resolved.year}${code}.${format}`;
  return { fileName, contentType: EXPORT_CONTENT_TYPES[format], body: format === 'csv' ? toCsv(table) : await toXlsx(table) };
}
