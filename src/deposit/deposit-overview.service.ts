import type { Actor } from '../accounts/actor.js';
import type { ServiceContext } from '../db/context.js';
import { toCsv } from '../export/csv.js';
import { EXPORT_CONTENT_TYPES, type ExportFormat, type Table } from '../export/table.js';
import { toXlsx } from '../export/xlsx.js';
import { calendarDateAt, dateDaysBefore, daysBetween, depositBasisOf, isDepositOverdue } from '../review/deposit-state.js';
import { requiredCopiesFor } from '../settings/agency-settings.js';
import { loadAgencySettings } from '../settings/agency-settings.service.js';
import { AppError } from '../shared/errors.js';
import type { Locale } from '../shared/locale.js';
import { pageWindow } from '../shared/text.js';
import { mayRecordReceived } from './deposit.policy.js';
import { listOverview, type OverviewFilter } from './deposit.repo.js';
import type { OverviewExportQuery, OverviewPage, OverviewQuery, OverviewRow } from './deposit.schemas.js';
import { overviewTable } from './overview-table.js';

/** The most rows one export holds; the desk pages through more. */
export const EXPORT_ROW_LIMIT = 10_000;

async function overviewRows(ctx: ServiceContext, query: OverviewExportQuery, page: { offset: number; limit: number }) {
  const settings = await loadAgencySettings(ctx);
  const today = calendarDateAt(ctx.clock.now(), ctx.timeZone);
  const filter: OverviewFilter = {
    timeZone: ctx.timeZone,
    ...(query.kind === undefined ? {} : { kind: query.kind }),
    // Overdue ⇔ more than N days since approval ⇔ approved before today − N.
    ...(query.overdue === true ? { approvedBefore: dateDaysBefore(today, settings.depositOverdueDays) } : {}),
  };
  const { rows, total } = await listOverview(ctx.db, filter, page);
  const items: OverviewRow[] = rows.map(({ releaseType, ...r }) => {
    const daysWaiting = daysBetween(r.approvedOn, today);
    const basis = depositBasisOf(releaseType);
    const requiredCopies = basis === 'copies' ? requiredCopiesFor(settings, r.registrantKind) : 0;
    return { ...r, basis, daysWaiting, requiredCopies, overdue: isDepositOverdue(r.status, daysWaiting, settings.depositOverdueDays) };
  });
  return { items, total, overdueDays: settings.depositOverdueDays };
}

function assertStaff(actor: Actor): void {
  if (!mayRecordReceived(actor)) {
    throw new AppError('FORBIDDEN');
  }
}

/** 送存總覽: approved albums not yet deposited (copies or audio), oldest approval first, overdue flagged. */
export async function depositOverview(ctx: ServiceContext, actor: Actor, query: OverviewQuery): Promise<OverviewPage> {
  assertStaff(actor);
  const { page, pageSize, offset } = pageWindow(query.page, query.pageSize);
  const { items, total, overdueDays } = await overviewRows(ctx, query, { offset, limit: pageSize });
  return { items, total, page, pageSize, overdueDays };
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

/** The overview as CSV or .xlsx, headers in the reader's language (at most EXPORT_ROW_LIMIT rows). */
export async function exportDepositOverview(ctx: ServiceContext, actor: Actor, query: OverviewExportQuery, format: ExportFormat, locale: Locale): Promise<ExportFile> {
  assertStaff(actor);
  const { items } = await overviewRows(ctx, query, { offset: 0, limit: EXPORT_ROW_LIMIT });
  const table: Table<OverviewRow> = overviewTable(items, locale);
  const fileName = `deposit-overview-${calendarDateAt(ctx.clock.now(), ctx.timeZone)}.${format}`;
  return { fileName, contentType: EXPORT_CONTENT_TYPES[format], body: format === 'csv' ? toCsv(table) : await toXlsx(table) };
}
