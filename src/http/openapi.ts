import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { IDEMPOTENCY_KEY_PARAMETER } from './idempotency.js';
import type { AppInstance } from './types.js';

export const API_INFO = {
  title: 'ISRC Registry API',
  version: '1',
  description:
    'JSON API of the ISRC registry. Sign in with POST /api/v1/auth/login (session cookie). Errors have the shape ' +
    '`{ error: { code, message, details? } }`; `message` follows Accept-Language (zh-TW default, en). A user whose password was ' +
    'generated or reset (`mustChangePassword`) gets 403 PASSWORD_CHANGE_REQUIRED from every route except GET /auth/me, ' +
    'POST /auth/password and POST /auth/logout (and the public ones) until the password is changed.',
};

interface DocumentedResponse {
  content?: Record<string, unknown>;
}

/**
 * Error responses are JSON whatever a route produces on success: @fastify/swagger documents every
 * status with the route's `produces` (a download route's 404 as text/csv), so non-2xx responses are
 * narrowed to application/json, their schema (ErrorResponse) kept. Changes `document` in place.
 */
export function jsonErrorResponses<T extends object>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, { responses?: Record<string, DocumentedResponse> } | undefined>> }).paths ?? {};
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        const media = response.content === undefined || status.startsWith('2') ? undefined : (response.content['application/json'] ?? Object.values(response.content)[0]);
        if (media !== undefined) {
          response.content = { 'application/json': media };
        }
      }
    }
  }
  return document;
}

/** OpenAPI document at /api/openapi.json and the interactive reference at /api/docs. */
export async function registerOpenApi(app: AppInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: API_INFO,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'isrc_session' },
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'isrc_…', description: 'A personal API token (POST /api/v1/api-tokens, registrant members)' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    // One source for who needs a session: routes marked `config: { public: true }` (the same flag
    // the authentication hook reads) are documented without the global session requirement.
    // Routes marked `config: { staff: true }` (refused to everyone but staff at the edge) carry
    // `x-audience: agency`, which the isolation test walks.
    transform: ({ schema, url, route }) => {
      if (schema === undefined) {
        return { schema, url };
      }
      // Every other route takes a session or an API token, except `sessionOnly` ones (managing tokens).
      const security: Record<string, string[]>[] = route.config?.public === true ? [] : route.config?.sessionOnly === true ? [{ session: [] }] : [{ session: [] }, { bearer: [] }];
      // `Idempotency-Key` is read by a hook (idempotency.ts), so it is documented here, not validated by the route.
      const withHeader = route.config?.idempotent === true ? { ...schema, headers: { type: 'object', properties: { 'idempotency-key': IDEMPOTENCY_KEY_PARAMETER.schema } } } : schema;
      const withSecurity = { ...withHeader, security };
      return { schema: route.config?.staff === true ? { ...withSecurity, 'x-audience': 'agency' } : withSecurity, url };
    },
    transformObject: (document) => ('openapiObject' in document ? jsonErrorResponses(document.openapiObject) : document.swaggerObject),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', validatorUrl: null } });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
