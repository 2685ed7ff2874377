import { routedPath } from './routed-path.js';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.js';
import { SESSION_COOKIE } from './auth.js';
import type { AppInstance } from './types.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The same pattern as auth.ts: only a request whose bearer token is what authenticates it is exempt. */
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

export interface CsrfOptions {
  /** PUBLIC_URL: the address users reach the registry at (behind a proxy); its origin is ours too. */
  publicUrl?: string | undefined;
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * The origins this server answers as: PUBLIC_URL's, and the one the request was sent to. The latter
 * uses Fastify's `protocol` and `host`, which follow X-Forwarded-Proto / X-Forwarded-Host only from
 * the trusted proxy (TRUST_PROXY); a forged cross-site request cannot choose its Host.
 */
function ownOrigins(request: FastifyRequest, publicOrigin: string | undefined): string[] {
  const requested = originOf(`${request.protocol}://${request.host}`);
  return [publicOrigin, requested].filter((o): o is string => o !== undefined);
}

/** Why a request must be refused, or undefined when it may go on. */
export function crossSiteReason(request: FastifyRequest, publicOrigin: string | undefined): string | undefined {
  const site = request.headers['sec-fetch-site'];
  // Set by the browser, never by a page's script: `same-origin`, or `none` (typed by the user).
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `sec-fetch-site ${site}`;
  }
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const sent = originOf(origin);
    if (sent === undefined || !ownOrigins(request, publicOrigin).includes(sent)) {
      return 'origin';
    }
  }
  return undefined;
}

/**
 * CSRF defence (ASVS 4.2.2, OWASP "verifying origin with standard headers"): every state-changing
 * API request that carries the session cookie must come from this origin — `Sec-Fetch-Site` other
 * than `same-origin`/`none` is refused, and an `Origin` header must be ours. A request without
 * either header is not from a modern browser (curl, scripts) and is let through. A request with a
 * Bearer token is exempt: the token is never sent by a browser on its own (the cookie beside it
 * is ignored, see auth.ts). Runs at onRequest, before any body (multipart, tus) is read.
 * The session cookie is also SameSite=Lax: this check covers what Lax does not (same-site
 * sub-domains, old browsers, top-level POST navigations within two minutes of login in Chrome).
 */
export function registerCsrfCheck(app: AppInstance, options: CsrfOptions = {}): void {
  const publicOrigin = options.publicUrl === undefined ? undefined : originOf(options.publicUrl);
  app.addHook('onRequest', (request, _reply, done) => {
    if (
      !STATE_CHANGING.has(request.method) ||
      !routedPath(request).startsWith('/api/') ||
      request.cookies[SESSION_COOKIE] === undefined ||
      BEARER.test(request.headers.authorization ?? '')
    ) {
      done();
      return;
    }
    const reason = crossSiteReason(request, publicOrigin);
    if (reason === undefined) {
      done();
      return;
    }
    request.log.warn({ reason, origin: request.headers.origin, secFetchSite: request.headers['sec-fetch-site'] }, 'cross-site request refused');
    done(new AppError('CROSS_SITE_REQUEST'));
  });
}
