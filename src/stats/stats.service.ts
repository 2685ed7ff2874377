import type { Actor } from '../accounts/actor.js';
import type { ServiceContext } from '../db/context.js';
import { EXPORT_CONTENT_TYPES } from '../export/table.js';
import { toXlsx } from '../export/xlsx.js';
import { loadAgencySettings } from '../settings/agency-settings.service.js';
import { REGISTRANT_KINDS } from '../shared/enums.js';
import { AppError } from '../shared/errors.js';
import type { Locale } from '../shared/locale.js';
import { statsViews } from './stat-totals.js';
import { allocatedCodes, registrantExists, registrantsByKind, statRows } from './stats.repo.js';
import type { AnnualReportQuery, AnnualReportResponse, StatsQuery, StatsResponse } from './stats.schemas.js';
import { annualReportTable, statsTable } from './stats-table.js';
import { canReadAnnualReport, statsScopeOf } from './stats.policy.js';

export interface StatsFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/**
 * 年度回報量統計表: the year's albums and ISRCs reported, approved, returned and deposited, by month of
 * the agency's calendar, release type and registrant kind. A member always sees its own
 * registrant's figures; an officer sees the agency's, one registrant's (filter), and the list per
 * registrant.
 */
export async function getYearStats(ctx: ServiceContext, actor: Actor, query: StatsQuery): Promise<StatsResponse> {
  const scope = statsScopeOf(actor, query.registrantId);
  if (scope === null) {
    throw new AppError('FORBIDDEN');
  }
  if (actor.kind === 'staff' && scope.registrantId !== undefined && !(await registrantExists(ctx.db, scope.registrantId))) {
    throw new AppError('NOT_FOUND');
  }
  const { depositCopies } = await loadAgencySettings(ctx);
  const rows = await statRows(ctx.db, { year: query.year, timeZone: ctx.timeZone, registrantId: scope.registrantId }, depositCopies);
  const agencyWide = actor.kind === 'staff' && scope.registrantId === undefined;
  return { year: query.year, timeZone: ctx.timeZone, registrantId: scope.registrantId ?? null, ...statsViews(rows, agencyWide) };
}

/** 年度回報量統計表 as an Excel workbook, headers in the reader's language. */
export async function exportYearStats(ctx: ServiceContext, actor: Actor, query: StatsQuery, locale: Locale): Promise<StatsFile> {
  const stats = await getYearStats(ctx, actor, query);
  return { fileName: `isrc-statistics-${query.year}.xlsx`, contentType: EXPORT_CONTENT_TYPES.xlsx, body: await toXlsx(statsTable(stats, locale)) };
}

/**
 * The yearly report the agency sends to the international ISRC agency: registrant codes allocated
 * in the year, registrants by kind (admitted per month, and how many at the year's end), and ISRCs
 * reported and approved per month (the same counting as 年度回報量統計表). Staff only.
 */
export async function getAnnualReport(ctx: ServiceContext, actor: Actor, query: AnnualReportQuery): Promise<AnnualReportResponse> {
  if (!canReadAnnualReport(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const scope = { year: query.year, timeZone: ctx.timeZone };
  const { depositCopies } = await loadAgencySettings(ctx);
  const [codes, kinds, rows] = await Promise.all([allocatedCodes(ctx.db, scope), registrantsByKind(ctx.db, scope), statRows(ctx.db, scope, depositCopies)]);
  const codesByMonth = Array.from({ length: 12 }, () => 0);
  for (const code of codes) {
    if (code.allocatedOn !== null) {
      const m = Number(code.allocatedOn.slice(5, 7));
      codesByMonth[m - 1] = (codesByMonth[m - 1] ?? 0) + 1;
    }
  }
  const views = statsViews(rows, false);
  return {
    year: query.year,
    timeZone: ctx.timeZone,
    codes,
    codesByMonth,
    codesTotal: codes.length,
    registrantsByKind: REGISTRANT_KINDS.map((kind) => {
      const mine = kinds.filter((k) => k.kind === kind);
      const newByMonth = Array.from({ length: 12 }, (_, i) => mine.find((k) => k.month === i + 1)?.n ?? 0);
      const newTotal = newByMonth.reduce((a, b) => a + b, 0);
      return { kind, newByMonth, newTotal, atYearEnd: mine.reduce((a, k) => a + k.n, 0) };
    }),
    isrcsReportedByMonth: views.months.map((m) => m.recordingsReported),
    isrcsApprovedByMonth: views.months.map((m) => m.recordingsApproved),
    isrcsReported: views.total.recordingsReported,
    isrcsApproved: views.total.recordingsApproved,
  };
}

/** The annual report as an Excel workbook, headers in the reader's language. */
export async function exportAnnualReport(ctx: ServiceContext, actor: Actor, query: AnnualReportQuery, locale: Locale): Promise<StatsFile> {
  const report = await getAnnualReport(ctx, actor, query);
  return { fileName: `isrc-annual-report-${query.year}.xlsx`, contentType: EXPORT_CONTENT_TYPES.xlsx, body: await toXlsx(annualReportTable(report, locale)) };
}
