import type { AppInstance, RouteOptions } from '../http/types.js';
import { ErrorResponse } from '../shared/common.schemas.js';
import { PublicSearchQuery, PublicSearchResponse } from './public-search.schemas.js';
import { searchPublic } from './public-search.service.js';
import { countPublicRequest } from './rate-limit.service.js';

const tags = ['public'];

/** 公開 ISRC 查詢: anyone, without logging in; limited per client address (request.ip honours TRUST_PROXY). */
export function publicSearchRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/public/isrc-search',
    {
      config: { public: true },
      // Counted before validation, so malformed requests use up the allowance too.
      onRequest: async (request) => countPublicRequest(ctx, request.ip),
      schema: {
        tags,
        summary: 'Public ISRC search (no login): an ISRC in any spelling, or title / performer words; approved recordings only, public fields only',
        description:
          'The year of reference is the year the ISRC was assigned, not the recording year. An ISRC with another country prefix answers `foreign` with a link to IFPI’s ISRC Search. Rate-limited per client address across every server process: 429 RATE_LIMITED with Retry-After.',
        querystring: PublicSearchQuery,
        response: { 200: PublicSearchResponse, 400: ErrorResponse, 429: ErrorResponse },
      },
    },
    (request) => searchPublic(ctx, request.query),
  );
}
