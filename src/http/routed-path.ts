import type { FastifyRequest } from 'fastify';

/**
 * The path a request was routed by, for hooks that pick requests by path: the matched route's
 * template. Not `request.url` alone: with an absolute-form request target
 * (`GET http://host/api/v1/auth/me HTTP/1.1`, legal in HTTP/1.1) it keeps the scheme and host, so a
 * prefix test on it would skip the session, CSRF and role checks of a route the router still found.
 */
export function routedPath(request: FastifyRequest): string {
  return request.routeOptions.url ?? request.url;
}
