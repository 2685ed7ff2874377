import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import { localeFromAcceptLanguage } from '../shared/locale.js';
import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { Type } from 'typebox';
import { ListingQuery, ListingResponse } from './registrant-listings.schemas.js';
import { getRegistrantListing } from './registrant-listings.service.js';
import { RegistrantOverview } from './registrant-overview.schemas.js';
import { getRegistrantOverview } from './registrant-overview.service.js';

const tags = ['registrants'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** The ISO 3901 listings (by code, by name) and a registrant's overview. */
export function registrantListingRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/registrants/listing',
    {
      config: { staff: true },
      schema: {
        tags,
        summary: 'Every registrant by registrant code or by name (zh-TW stroke order), as JSON, CSV or .xlsx (staff)',
        querystring: ListingQuery,
        produces: ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        // The schema documents (and serialises) the JSON answer; a CSV text or an .xlsx buffer is sent as is.
        response: { 200: Type.Unsafe<ListingResponse | string | Buffer>({ ...ListingResponse, description: 'JSON; with format=csv or xlsx the file itself' }), ...errors },
      },
    },
    async (request, reply) => {
      const answer = await getRegistrantListing(ctx, requireActor(request), request.query, localeFromAcceptLanguage(request.headers['accept-language']));
      if (answer.kind === 'json') {
        return answer.body;
      }
      return reply.header('content-type', answer.contentType).header('content-disposition', `attachment; filename="${answer.fileName}"`).send(answer.body);
    },
  );

  app.get(
    '/registrants/:id/overview',
    {
      schema: {
        tags,
        summary: 'Albums by status, deposit status and yearly reporting totals of a registrant (staff, or its own members)',
        params: IdParams,
        response: { 200: RegistrantOverview, ...errors },
      },
    },
    (request) => getRegistrantOverview(ctx, requireActor(request), request.params.id),
  );
}
