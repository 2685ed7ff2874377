import { Type } from 'typebox';
import { requireActor } from '../../http/auth.js';
import type { AppInstance, RouteOptions } from '../../http/types.js';
import { ErrorResponse, IdParams } from '../../shared/common.schemas.js';
import { exportAlbumDdex } from './ddex.service.js';

const tags = ['integration'];

/** 匯出 DDEX: an approved album as a DDEX ERN 4.3 NewReleaseMessage (XML). */
export function ddexRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/albums/:id/ddex.xml',
    {
      schema: {
        tags,
        summary: '匯出 DDEX: an approved album as a DDEX ERN 4.3 NewReleaseMessage (its registrant, or staff); valid against the official ERN 4.3 XSD',
        params: IdParams,
        produces: ['application/xml'],
        response: {
          200: Type.String({ description: 'The NewReleaseMessage (UTF-8 XML), as an attachment' }),
          400: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const file = await exportAlbumDdex(ctx, requireActor(request), request.params.id);
      return reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.xml);
    },
  );
}
