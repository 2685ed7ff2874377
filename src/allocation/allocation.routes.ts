import { ErrorResponse } from '../shared/common.schemas.js';
import { localeFromAcceptLanguage } from '../shared/locale.js';
import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { AllocateBody, AllocationResponse, ClaimBody, NextAvailableQuery, NextAvailableResponse, ValidateQuery, ValidateResponse } from './allocation.schemas.js';
import { allocateIsrcs, peekNextIsrc } from './allocation.service.js';
import { claimIsrc } from './claim.service.js';
import { validateIsrc } from './validate.service.js';

const tags = ['isrc'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function allocationRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/isrc/validate',
    {
      schema: {
        tags,
        summary: 'Check and normalise an ISRC (public)',
        description:
          "Warnings (`kind`, `message`) never make a code invalid. Besides prefix and future-year warnings, an ISRC under one of this agency's registrant codes whose year is before the year that code was allocated gets `year-before-code`: allowed only on an album reported as 回溯編碼 (retroactive).",
        querystring: ValidateQuery,
        response: { 200: ValidateResponse },
      },
      config: { public: true },
    },
    (request) => validateIsrc(ctx, request.query, localeFromAcceptLanguage(request.headers['accept-language'])),
  );

  app.post(
    '/allocations',
    { schema: { tags, summary: 'Hand out the next consecutive ISRCs', body: AllocateBody, response: { 201: AllocationResponse, ...errors } }, config: { idempotent: true } },
    async (request, reply) => reply.code(201).send({ isrcs: await allocateIsrcs(ctx, requireActor(request), request.body) }),
  );

  app.post(
    '/allocations/claim',
    { schema: { tags, summary: "Record a company's own ISRC under its registrant code", body: ClaimBody, response: { 201: AllocationResponse, ...errors } }, config: { idempotent: true } },
    async (request, reply) => reply.code(201).send({ isrcs: [await claimIsrc(ctx, requireActor(request), request.body)] }),
  );

  app.get(
    '/allocations/next',
    { schema: { tags, summary: 'The ISRC "next available" would give now (not reserved)', querystring: NextAvailableQuery, response: { 200: NextAvailableResponse, ...errors } } },
    (request) => peekNextIsrc(ctx, requireActor(request), request.query),
  );
}
