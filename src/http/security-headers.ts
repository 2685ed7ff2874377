import fastifyHelmet from '@fastify/helmet';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { routedPath } from './routed-path.js';
import type { AppInstance } from './types.js';

/**
 * The Content-Security-Policy of every response (web app, API, API reference at /api/docs).
 *
 * - Scripts only from this origin, never inline or `eval` (`script-src 'self'`, `script-src-attr
 *   'none'`): the built web app and swagger-ui load their scripts as files.
 * - Styles may be inline: antd (CSS-in-JS) writes its styles into `<style>` elements at run time,
 *   and swagger-ui sets a few too. A nonce would need index.html rendered per response; inline
 *   styles cannot run code, so `'unsafe-inline'` is allowed for styles only.
 * - Images from this origin, `data:` (antd and swagger-ui icons) and `blob:` (a cover's preview
 *   before it is uploaded).
 * - No framing by anyone (`frame-ancestors 'none'`, also X-Frame-Options: DENY): no click-jacking.
 * - No `upgrade-insecure-requests`: the quick start serves plain http on a LAN address, where
 *   upgraded requests would fail; behind an HTTPS proxy every address is https already.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * Security headers with @fastify/helmet: the CSP above, `X-Content-Type-Options: nosniff` (a stored
 * file is never sniffed into HTML), `Referrer-Policy: same-origin` (addresses inside the registry
 * never leak to other sites; same-origin requests keep their Origin header, which the CSRF check
 * reads — `no-referrer` would make browsers send `Origin: null`), HSTS (ignored on plain http).
 */
export async function registerSecurityHeaders(app: AppInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // The web app is one origin; a cross-origin embedder policy would only block nothing we use.
    crossOriginEmbedderPolicy: false,
  });
}

/** Whether an answer to this request is kept out of every cache unless its route said otherwise. */
function isApiAnswer(request: FastifyRequest): boolean {
  return routedPath(request).startsWith('/api/') || request.url.startsWith('/api/');
}

/**
 * `Cache-Control: no-store` on every /api/ answer whose route did not choose its own: the API's
 * answers are a user's own data (their account, tokens, audit log, catalogue exports), which no
 * shared cache (a proxy) and no browser disk cache may keep. Routes that set their own keep it:
 * covers and audio (`private, no-cache` with an ETag), the API reference's static files.
 */
export function registerNoStore(app: AppInstance): void {
  app.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload: unknown) => void) => {
    if (isApiAnswer(request) && !reply.hasHeader('cache-control') && !reply.raw.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
}
