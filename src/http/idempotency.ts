import type { FastifyReply, FastifyRequest } from 'fastify';
import { claimIdempotencyKey, releaseIdempotencyKey, requestHashOf, storeIdempotentResponse, type IdempotencyRef } from '../api-tokens/idempotency.service.js';
import type { ServiceContext } from '../db/context.js';
import { AppError } from '../shared/errors.js';
import type { AppInstance } from './types.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A creating route that honours `Idempotency-Key`: a retry with the same key returns the first
     * answer and creates (allocates) nothing new. Documented per operation in OpenAPI.
     */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyClaim: IdempotencyRef | null;
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Visible ASCII, up to 255 characters: a UUID is the usual choice. */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The header's description in OpenAPI, on every route marked `idempotent`. */
export const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any unique string (a UUID) up to 255 visible ASCII characters. A retry with the same key and the same request returns the first ' +
    'successful answer (header `Idempotent-Replayed: true`) and creates nothing new; the same key with another request is 422 ' +
    'IDEMPOTENCY_KEY_REUSED; while the first request is still running, 409 IDEMPOTENCY_KEY_IN_PROGRESS. A failed request frees its key. ' +
    'Keys are kept for 24 hours, per user.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

function parsedPayload(payload: unknown): unknown {
  if (typeof payload !== 'string') {
    return null;
  }
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return null;
  }
}

/**
 * The claim-run-store cycle around routes marked `config: { idempotent: true }`. The answer is
 * stored after the route's own transaction committed, not inside it (that would reach into every
 * service): if the process dies in between, the key stays "in progress" (409) until it expires,
 * which errs on the side of never creating twice.
 */
export function registerIdempotency(app: AppInstance, ctx: ServiceContext): void {
  app.decorateRequest('idempotencyClaim', null);
  // After authentication and validation: an invalid request never claims a key.
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (request.routeOptions.config.idempotent !== true || header === undefined || request.user === null) {
      return;
    }
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'Idempotency-Key', code: 'pattern' }] });
    }
    const ref = { userId: request.user.id, key: header };
    const operation = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const requestHash = requestHashOf({ params: request.params, query: request.query, body: request.body });
    const claim = await claimIdempotencyKey(ctx, ref, operation, requestHash);
    if (claim.kind === 'replay') {
      return reply.code(claim.status).header('idempotent-replayed', 'true').send(claim.body);
    }
    request.idempotencyClaim = ref;
    return undefined;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const ref = request.idempotencyClaim;
    // Null by default; undefined in a plugin context made before the decoration (app.ts orders them, this does not rely on it).
    if (ref === null || ref === undefined) {
      return payload;
    }
    request.idempotencyClaim = null;
    try {
      if (reply.statusCode >= 200 && reply.statusCode < 300) {
        await storeIdempotentResponse(ctx, ref, reply.statusCode, parsedPayload(payload));
      } else {
        await releaseIdempotencyKey(ctx, ref);
      }
    } catch (err) {
      // The work is done and answered; a retry then meets "in progress" rather than a second run.
      request.log.error({ err }, 'could not record the idempotent answer');
    }
    return payload;
  });
}
