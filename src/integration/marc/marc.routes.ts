import { Type } from 'typebox';
import { requireActor } from '../../http/auth.js';
import type { AppInstance, RouteOptions } from '../../http/types.js';
import { ErrorResponse, IdParams } from '../../shared/common.schemas.js';
import { MARC_RANGE_MAX_ALBUMS, MarcAlbumQuery, MarcRangeQuery } from './marc.schemas.js';
import { exportAlbumMarc, exportMarcRange, type MarcFile } from './marc.service.js';
import type { FastifyReply } from 'fastify';

const tags = ['marc'];
const produces = ['application/marcxml+xml', 'application/marc'];
const MarcBody = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'MARCXML or ISO 2709 (UTF-8), as a download' });

function sendFile(reply: FastifyReply, file: MarcFile): FastifyReply {
  return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.body);
}

/** 匯出 MARC: approved albums as MARC 21 bibliographic records for the national library's cataloguers. */
export function marcRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/albums/:id/marc',
    {
      schema: {
        tags,
        summary: '匯出 MARC: an approved album as a MARC 21 record (MARCXML or ISO 2709 .mrc)',
        params: IdParams,
        querystring: MarcAlbumQuery,
        produces,
        response: { 200: MarcBody, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => sendFile(reply, await exportAlbumMarc(ctx, requireActor(request), request.params.id, request.query)),
  );

  app.get(
    '/marc',
    {
      config: { staff: true },
      schema: {
        tags,
        summary: `匯出 MARC (staff): albums approved on the agency-calendar days from–to, at most ${MARC_RANGE_MAX_ALBUMS}, as one MARCXML collection or ISO 2709 file`,
        querystring: MarcRangeQuery,
        produces,
        response: { 200: MarcBody, 400: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse },
      },
    },
    async (request, reply) => sendFile(reply, await exportMarcRange(ctx, requireActor(request), request.query)),
  );
}
