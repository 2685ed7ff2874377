import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import { requireActor, setSessionCookie } from '../http/auth.js';
import { decisionRoute } from '../http/decision-route.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import {
  ApplicationListQuery,
  ApplicationPage,
  ApplicationResponse,
  ApplyBody,
  ApproveApplicationBody,
  ReapplyBody,
  RejectApplicationBody,
  SuggestedCodeResponse,
} from './applications.schemas.js';
import { submitApplication } from './apply.service.js';
import { getApplication, getMyApplication, searchApplications, suggestCodeForApplication } from './applications.service.js';
import { approveApplication, rejectApplication } from './decide.service.js';
import { reapply } from './reapply.service.js';

const tags = ['applications'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** 登記者代碼申請: the public application, the applicant's status, the officers' queue and decision. */
export function applicationsRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.post(
    '/applications',
    {
      schema: {
        tags,
        summary: '登記者代碼申請 (public): creates the applicant account and the application, and signs the applicant in',
        body: ApplyBody,
        response: { 201: ApplicationResponse, 400: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const { application, token } = await submitApplication(ctx, request.body, { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' });
      setSessionCookie(request, reply, token, ctx.sessionIdleMinutes * 60 * 4);
      return reply.code(201).send(application);
    },
  );

  app.get(
    '/applications/mine',
    {
      schema: { tags, summary: "The signed-in applicant's (or approved member's) application and its status", response: { 200: ApplicationResponse, 404: ErrorResponse } },
      config: { applicant: true },
    },
    (request) => getMyApplication(ctx, requireActor(request)),
  );

  app.post(
    '/applications/mine',
    {
      schema: {
        tags,
        summary: '重新申請: after a rejection, the same account files a new application (the rejected one is kept as it was)',
        body: ReapplyBody,
        response: { 201: ApplicationResponse, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse },
      },
      config: { applicant: true },
    },
    async (request, reply) => {
      const application = await reapply(ctx, requireActor(request), request.body, { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' });
      return reply.code(201).send(application);
    },
  );

  app.get(
    '/applications',
    { config: { staff: true }, schema: { tags, summary: 'Applications, pending oldest first (agency)', querystring: ApplicationListQuery, response: { 200: ApplicationPage, ...errors } } },
    (request) => searchApplications(ctx, requireActor(request), request.query),
  );

  app.get('/applications/:id', { schema: { tags, summary: 'One application (agency)', params: IdParams, response: { 200: ApplicationResponse, ...errors } } }, (request) =>
    getApplication(ctx, requireActor(request), request.params.id),
  );

  app.get(
    '/applications/:id/suggested-code',
    { schema: { tags, summary: 'The next free registrant code an approval would allocate (agency)', params: IdParams, response: { 200: SuggestedCodeResponse, ...errors } } },
    (request) => suggestCodeForApplication(ctx, requireActor(request), request.params.id),
  );

  decisionRoute(
    app,
    {
      path: '/applications/:id/approve',
      tags,
      summary: 'Approve: create the registrant (and its code for a company or government body); the applicant becomes its member (agency)',
      body: ApproveApplicationBody,
      response: ApplicationResponse,
      errors,
    },
    (actor, id, body) => approveApplication(ctx, actor, id, body),
  );

  decisionRoute(
    app,
    { path: '/applications/:id/reject', tags, summary: 'Reject with a reason (agency)', body: RejectApplicationBody, response: ApplicationResponse, errors },
    (actor, id, body) => rejectApplication(ctx, actor, id, body.reason),
  );
}
