import { Type } from 'typebox';
import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { ErrorResponse } from '../shared/common.schemas.js';
import { localeFromAcceptLanguage } from '../shared/locale.js';
import { AnnualReportQuery, AnnualReportResponse, StatsQuery, StatsResponse } from './stats.schemas.js';
import { exportAnnualReport, exportYearStats, getAnnualReport, getYearStats } from './stats.service.js';

const tags = ['stats'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const File = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The file' });

/** 年度回報量統計表 (registrants: their own; officers: every registrant) and the agency's annual report. */
export function statsRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/stats',
    {
      schema: {
        tags,
        summary: '年度回報量統計表: albums and ISRCs reported, approved, returned and deposited per month of the agency calendar (members: own registrant; staff: all or one registrant)',
        querystring: StatsQuery,
        response: { 200: StatsResponse, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    (request) => getYearStats(ctx, requireActor(request), request.query),
  );

  app.get(
    '/stats.xlsx',
    {
      schema: {
        tags,
        summary: '年度回報量統計表 as an Excel workbook, headers by Accept-Language',
        querystring: StatsQuery,
        produces: [XLSX],
        response: { 200: File, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const file = await exportYearStats(ctx, requireActor(request), request.query, localeFromAcceptLanguage(request.headers['accept-language']));
      return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );

  app.get(
    '/stats/annual-report',
    {
      config: { staff: true },
      schema: {
        tags,
        summary: "The agency's annual report to the international ISRC agency: codes allocated, registrants by kind, ISRCs reported and approved by month (agency)",
        querystring: AnnualReportQuery,
        response: { 200: AnnualReportResponse, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    (request) => getAnnualReport(ctx, requireActor(request), request.query),
  );

  app.get(
    '/stats/annual-report.xlsx',
    {
      config: { staff: true },
      schema: {
        tags,
        summary: "The agency's annual report as an Excel workbook, headers by Accept-Language (agency)",
        querystring: AnnualReportQuery,
        produces: [XLSX],
        response: { 200: File, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => {
      const file = await exportAnnualReport(ctx, requireActor(request), request.query, localeFromAcceptLanguage(request.headers['accept-language']));
      return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );
}
