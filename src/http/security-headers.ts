import fastifyHelmet from '@fastify/helmet';
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
