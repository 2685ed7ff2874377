import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { ErrorResponse } from '../shared/common.schemas.js';
import { SearchQuery, SearchResponse } from './search.schemas.js';
import { searchAgency } from './search.service.js';

const tags = ['search'];

/** 查詢: the agency's one search box over every registrant (staff). */
export function searchRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/search',
    {
      config: { staff: true },
      schema: {
        tags,
        summary: '查詢 (staff): ISRC in any spelling, album number, registrant code, or title / performer / registrant name words; grouped, each group counted up to 100',
        querystring: SearchQuery,
        response: { 200: SearchResponse, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    (request) => searchAgency(ctx, requireActor(request), request.query),
  );
}
