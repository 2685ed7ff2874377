import { Type } from 'typebox';
import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import { AlbumExportQuery, RecordingsExportQuery, TemplateQuery } from './template/template.schemas.js';
import { downloadTemplate, exportAlbum, exportRecordings, type FileDownload } from './template/template.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const File = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The file' });
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

const disposition = (file: FileDownload): string => `attachment; filename="${file.fileName}"`;

/** 批次上傳範本 and the exports in its format (the importer's routes are in import.routes.ts). */
export function templateRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/import/template',
    {
      schema: {
        tags: ['import'],
        summary: '批次上傳範本: the .xlsx import template (album or back catalogue; zh-TW or English headings)',
        querystring: TemplateQuery,
        produces: [XLSX],
        response: { 200: File, ...errors },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const file = await downloadTemplate(request.query);
      return reply.header('content-type', file.contentType).header('content-disposition', disposition(file)).send(file.body);
    },
  );

  app.get(
    '/albums/:id/export.xlsx',
    {
      schema: {
        tags: ['albums'],
        summary: 'An album and its tracks in the import template (registrants: their own; agency: any)',
        params: IdParams,
        querystring: AlbumExportQuery,
        produces: [XLSX],
        response: { 200: File, ...errors },
      },
    },
    async (request, reply) => {
      const file = await exportAlbum(ctx, requireActor(request), request.params.id, request.query);
      return reply.header('content-type', file.contentType).header('content-disposition', disposition(file)).send(file.body);
    },
  );

  app.get(
    '/recordings/export',
    {
      schema: {
        tags: ['albums'],
        summary: "All the registrant's recordings as .xlsx or CSV (registrant members)",
        querystring: RecordingsExportQuery,
        produces: [XLSX, 'text/csv'],
        response: { 200: File, ...errors },
      },
    },
    async (request, reply) => {
      const file = await exportRecordings(ctx, requireActor(request), request.query);
      return reply.header('content-type', file.contentType).header('content-disposition', disposition(file)).send(file.body);
    },
  );
}
