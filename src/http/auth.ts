import { routedPath } from './routed-path.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { actorFor, type ActingToken, type Actor } from '../accounts/actor.js';
import { authenticate, type UserRow } from '../accounts/auth.service.js';
import { authenticateApiToken, type TokenAuthentication } from '../api-tokens/api-tokens.service.js';
import type { ServiceContext } from '../db/context.js';
import { AppError, type ErrorCode } from '../shared/errors.js';
import type { AppInstance } from './types.js';

export const SESSION_COOKIE = 'isrc_session';
const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
/** `Authorization: Bearer <API token>` (src/api-tokens); any other scheme is not ours and ignored. */
const BEARER_PATTERN = /^Bearer[ \t]+(\S+)[ \t]*$/i;

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_URL is https://: the session cookie is Secure whatever protocol the request seems to use. */
    secureSessionCookie: boolean;
  }
  interface FastifyContextConfig {
    /** The route answers without a session (login, the ISRC check). */
    public?: boolean;
    /** The route stays open to a user who must change the password first (me, change password, logout). */
    beforePasswordChange?: boolean;
    /** The route is open to an applicant whose registrant-code application is pending (me, logout, their application). */
    applicant?: boolean;
    /**
     * The agency's own work (review desk, applications, deposit desk, search, audit): anyone but
     * staff gets 403 before the request is even validated. Documented as `x-audience: agency`.
     */
    staff?: boolean;
    /** Only a signed-in session, never an API token (managing the tokens themselves): SESSION_REQUIRED. */
    sessionOnly?: boolean;
  }
  interface FastifyRequest {
    user: UserRow | null;
    sessionToken: string | null;
    /** The API token this request was authenticated with, when it came with `Authorization: Bearer`. */
    apiToken: ActingToken | null;
    /** Why a bearer token was refused, answered instead of UNAUTHENTICATED on routes that need a user. */
    apiTokenRefusal: Extract<TokenAuthentication, { ok: false }>['code'] | null;
  }
}

export interface AuthOptions {
  /** PUBLIC_URL: when it is https://, users reach the registry over TLS, so the cookie is always Secure. */
  publicUrl?: string | undefined;
}

/**
 * Resolves the bearer token or session cookie on every API request and refuses, at onRequest (before
 * any body is read), a caller the route does not take: anonymous, token on a session-only route,
 * password to change, pending applicant, non-staff on a staff route. Routes then ask for an actor.
 */
export function registerAuth(app: AppInstance, ctx: ServiceContext, options: AuthOptions = {}): void {
  app.decorate('secureSessionCookie', /^https:\/\//i.test(options.publicUrl ?? ''));
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('apiToken', null);
  app.decorateRequest('apiTokenRefusal', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!routedPath(request).startsWith('/api/')) {
      return;
    }
    await resolveCredentials(ctx, request);
    // Here, before the body is read: an anonymous caller of a private route is refused at once, never
    // waited for (a body trickled a byte at a time), parsed, told 100 Continue (body-deadline.ts) or
    // told the route's body rules. A generated or reset password must be changed before anything
    // else: enforced here, not only by the web app.
    const refusal = refusalOf(request);
    if (refusal !== undefined) {
      if (hasBody(request)) {
        // The body announced is not read: the connection ends with the answer instead of waiting for it.
        void reply.header('connection', 'close');
      }
      throw new AppError(refusal);
    }
  });
}

/** Reads the bearer token or the session cookie (never both) into `request.user` and friends. */
async function resolveCredentials(ctx: ServiceContext, request: FastifyRequest): Promise<void> {
  // A bearer token, when sent, is the only credential looked at (a cookie beside it is ignored), and
  // it needs no cookie: integrations call without a browser.
  const bearer = BEARER_PATTERN.exec(request.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) {
    const result = await authenticateApiToken(ctx, bearer);
    if (result.ok) {
      request.user = result.user;
      request.apiToken = result.token;
    } else {
      request.apiTokenRefusal = result.code;
    }
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  // Tokens are base64url; anything else (NUL, unpaired surrogates, …) is simply no session.
  if (token === undefined || !SESSION_TOKEN_PATTERN.test(token)) {
    return;
  }
  const user = await authenticate(ctx, token);
  if (user !== undefined) {
    request.user = user;
    request.sessionToken = token;
  }
}

/** Whether the request announces a body (Content-Length above 0, or chunked). */
export function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Why the route refuses this caller, or undefined when it may go on. */
function refusalOf(request: FastifyRequest): ErrorCode | undefined {
  const { config } = request.routeOptions;
  if (request.is404 || !routedPath(request).startsWith('/api/v1/') || config.public === true) {
    return undefined;
  }
  if (request.user === null) {
    return request.apiTokenRefusal ?? 'UNAUTHENTICATED';
  }
  if (config.sessionOnly === true && request.apiToken !== null) {
    return 'SESSION_REQUIRED';
  }
  if (request.user.mustChangePassword && config.beforePasswordChange !== true) {
    return 'PASSWORD_CHANGE_REQUIRED';
  }
  if (request.user.role === 'applicant' && config.applicant !== true && config.beforePasswordChange !== true) {
    // An applicant is neither staff nor a registrant's member: one rule here, so no service's
    // "not a member, so staff" branch can ever see one.
    return 'APPLICATION_PENDING';
  }
  if (config.staff === true && request.user.role !== 'agency_admin' && request.user.role !== 'agency_officer') {
    return 'FORBIDDEN';
  }
  return undefined;
}

/** The acting user, or UNAUTHENTICATED. */
export function requireActor(request: FastifyRequest): Actor {
  if (request.user === null) {
    throw new AppError('UNAUTHENTICATED');
  }
  const actor = actorFor(request.user, request.ip);
  return request.apiToken === null ? actor : { ...actor, apiToken: request.apiToken };
}

export function requireUser(request: FastifyRequest): UserRow {
  if (request.user === null) {
    throw new AppError('UNAUTHENTICATED');
  }
  return request.user;
}

export function requireSessionToken(request: FastifyRequest): string {
  if (request.sessionToken === null) {
    throw new AppError('UNAUTHENTICATED');
  }
  return request.sessionToken;
}

/**
 * Secure when the request came over https — which a TLS proxy is believed about only with
 * TRUST_PROXY — or, whatever the request says, when PUBLIC_URL is https:// (a proxy not named in
 * TRUST_PROXY must not leave the cookie sendable over plain http).
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.server.secureSessionCookie || request.protocol === 'https',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
