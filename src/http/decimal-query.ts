import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AppError } from '../shared/errors.js';

const DECIMAL = /^[0-9]+$/;

/**
 * A preValidation hook for integer query parameters that must be written in decimal digits. The
 * schema check coerces the way `Number()` does, so `year=0x7EA`, `2026e0` or ` 2026` would pass
 * as 2026; refused here with the answer a non-number gets from the schema (VALIDATION_FAILED,
 * `type` integer).
 */
export function decimalQuery(...names: readonly string[]): (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void {
  return (request, _reply, done) => {
    const query = request.query as Record<string, unknown>;
    const bad = names.filter((name) => [query[name] ?? []].flat().some((v) => typeof v !== 'string' || !DECIMAL.test(v)));
    done(bad.length === 0 ? undefined : new AppError('VALIDATION_FAILED', { fields: bad.map((field) => ({ field, code: 'type', params: { type: 'integer' } })), location: 'querystring' }));
  };
}
