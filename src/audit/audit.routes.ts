import { Type } from 'typebox';
import { ErrorResponse } from '../shared/common.schemas.js';
import { localeFromAcceptLanguage } from '../shared/locale.js';
import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { exportAuditLogCsv, listAuditLog } from './audit-log.service.js';
import { AUDIT_EXPORT_MAX_ROWS, AuditExportQuery, AuditPage, AuditQuery } from './audit.schemas.js';
import { EXPORT_CONTENT_TYPES } from '../export/table.js';

const tags = ['audit'];
const errors = { 400: ErrorResponse, 403: ErrorResponse };

/** 稽核紀錄: the agency reads who changed what (staff only, refused to others at the edge). */
export function auditRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/audit',
    {
      config: { staff: true },
      schema: {
        tags,
        summary: 'Audit log entries, newest first, filtered by user, registrant, object, action and agency-calendar days (staff)',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errors },
      },
    },
    (request) => listAuditLog(ctx, requireActor(request), request.query),
  );

  app.get(
    '/audit.csv',
    {
      config: { staff: true },
      schema: {
        tags,
        summary: `The same filter as CSV (UTF-8, formula cells neutralised), at most ${AUDIT_EXPORT_MAX_ROWS} rows, newest first (staff)`,
        querystring: AuditExportQuery,
        produces: ['text/csv'],
        response: { 200: Type.Unsafe<string>({ type: 'string', description: 'CSV' }), ...errors },
      },
    },
    async (request, reply) => {
      const csv = await exportAuditLogCsv(ctx, requireActor(request), request.query, localeFromAcceptLanguage(request.headers['accept-language']));
      return reply.header('content-type', EXPORT_CONTENT_TYPES.csv).header('content-disposition', 'attachment; filename="audit-log.csv"').send(csv);
    },
  );
}
