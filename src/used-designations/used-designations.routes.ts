import { Type } from 'typebox';
import type { ExportFormat } from '../export/table.js';
import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { ErrorResponse } from '../shared/common.schemas.js';
import { localeFromAcceptLanguage } from '../shared/locale.js';
import { exportUsedCodes } from './used-designations-export.js';
import { UsageQuery, UsageResponse, UsedCodesExportQuery, UsedCodesPage, UsedCodesQuery } from './used-designations.schemas.js';
import { listUsedCodes, usedDesignationSummary } from './used-designations.service.js';

const tags = ['isrc'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** 年度使用編號查詢: a member reads its own registrant's codes; staff read any registrant's, or all. */
export function usedDesignationsRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/used-designations',
    {
      schema: {
        tags,
        summary: '年度使用編號查詢: per registrant code, the used designation codes of a year as ranges, gaps, reserved codes and next available',
        querystring: UsageQuery,
        response: { 200: UsageResponse, ...errors },
      },
    },
    (request) => usedDesignationSummary(ctx, requireActor(request), request.query),
  );

  app.get(
    '/used-designations/codes',
    {
      schema: {
        tags,
        summary: "年度使用編號查詢: the year's codes one page at a time, each with its recording and album",
        querystring: UsedCodesQuery,
        response: { 200: UsedCodesPage, ...errors },
      },
    },
    (request) => listUsedCodes(ctx, requireActor(request), request.query),
  );

  for (const format of ['csv', 'xlsx'] as const satisfies readonly ExportFormat[]) {
    app.get(
      `/used-designations.${format}`,
      {
        schema: {
          tags,
          summary: `年度使用編號查詢 as ${format === 'csv' ? 'CSV (UTF-8)' : 'an Excel workbook'}, headers by Accept-Language`,
          querystring: UsedCodesExportQuery,
          produces: [format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
          response: { 200: Type.Unsafe<string | Buffer>({ type: 'string', format: 'binary', description: 'The file' }), ...errors, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const file = await exportUsedCodes(ctx, requireActor(request), request.query, format, localeFromAcceptLanguage(request.headers['accept-language']));
        return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
      },
    );
  }
}
