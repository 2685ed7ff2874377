import { Type } from 'typebox';
import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { ApiTokenList, CreateApiTokenBody, CreatedApiTokenResponse } from './api-tokens.schemas.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.js';

const tags = ['api-tokens'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
/** Session only: a token never manages tokens (403 SESSION_REQUIRED); documented as session-only in OpenAPI. */
const config = { sessionOnly: true };

/** API 權杖: a registrant member's personal tokens for `Authorization: Bearer`. */
export function apiTokensRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get('/api-tokens', { schema: { tags, summary: 'My API tokens (not revoked), newest first', response: { 200: ApiTokenList, ...errors } }, config }, (request) =>
    listApiTokens(ctx, requireActor(request)),
  );

  app.post(
    '/api-tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token (registrant members); the whole token is in this answer only',
        body: CreateApiTokenBody,
        response: { 201: CreatedApiTokenResponse, ...errors },
      },
      config,
    },
    async (request, reply) => reply.code(201).send(await createApiToken(ctx, requireActor(request), request.body)),
  );

  app.delete(
    '/api-tokens/:id',
    { schema: { tags, summary: 'Revoke one of my API tokens: refused from the next request on', params: IdParams, response: { 204: Type.Null(), ...errors } }, config },
    async (request, reply) => {
      await revokeApiToken(ctx, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
