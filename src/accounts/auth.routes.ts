import { Type } from 'typebox';
import { ErrorResponse } from '../shared/common.schemas.js';
import { clearSessionCookie, requireActor, requireSessionToken, requireUser, SESSION_COOKIE, setSessionCookie } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { ChangePasswordBody, LocaleBody, LoginBody, MeResponse } from './accounts.schemas.js';
import { changePassword, login, logout } from './auth.service.js';
import { getMe, setMyLocale } from './me.service.js';

const tags = ['auth'];

export function authRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.post(
    '/auth/login',
    {
      schema: { tags, summary: 'Log in; sets the session cookie', body: LoginBody, response: { 200: MeResponse, 401: ErrorResponse, 429: ErrorResponse } },
      config: { public: true },
    },
    async (request, reply) => {
      const previous = request.cookies[SESSION_COOKIE];
      const { token, user } = await login(ctx, request.body, { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' }, previous);
      setSessionCookie(request, reply, token, ctx.sessionIdleMinutes * 60 * 4);
      return getMe(ctx, user);
    },
  );

  // These three stay open while the password must be changed (see http/auth.ts).
  const beforePasswordChange = { beforePasswordChange: true };
  // Logging out and changing the password act on the browser session: an API token gets SESSION_REQUIRED.
  const sessionBeforePasswordChange = { beforePasswordChange: true, sessionOnly: true };

  app.post('/auth/logout', { schema: { tags, summary: 'Log out', response: { 204: Type.Null() } }, config: sessionBeforePasswordChange }, async (request, reply) => {
    await logout(ctx, requireActor(request), requireSessionToken(request));
    clearSessionCookie(reply);
    return reply.code(204).send(null);
  });

  app.get('/auth/me', { schema: { tags, summary: 'The signed-in user', response: { 200: MeResponse, 401: ErrorResponse } }, config: beforePasswordChange }, (request) =>
    getMe(ctx, requireUser(request)),
  );

  // The language of my e-mails: open to applicants and before a password change (the switch is on every page).
  app.put(
    '/auth/me/locale',
    {
      schema: { tags, summary: 'Set the language of my e-mails (zh-TW or en)', body: LocaleBody, response: { 204: Type.Null(), 400: ErrorResponse, 401: ErrorResponse } },
      config: { beforePasswordChange: true, applicant: true },
    },
    async (request, reply) => {
      await setMyLocale(ctx, requireActor(request), request.body.locale);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    { schema: { tags, summary: 'Change my password', body: ChangePasswordBody, response: { 204: Type.Null(), 400: ErrorResponse } }, config: sessionBeforePasswordChange },
    async (request, reply) => {
      requireSessionToken(request);
      const { token } = await changePassword(ctx, requireActor(request), request.body, request.headers['user-agent'] ?? '');
      setSessionCookie(request, reply, token, ctx.sessionIdleMinutes * 60 * 4);
      return reply.code(204).send(null);
    },
  );
}
