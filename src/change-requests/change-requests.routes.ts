import type { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../http/auth.js';
import { singleFilePart } from '../http/multipart.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import { AppError } from '../shared/errors.js';
import { contentDisposition } from './attachment-name.js';
import { attachToChangeRequest, openChangeRequestAttachment } from './change-request-attachments.service.js';
import { approveChangeRequest, rejectChangeRequest } from './change-request-decisions.service.js';
import { MAX_ATTACHMENT_BYTES } from './change-request-fields.js';
import { ChangeRequestListQuery, ChangeRequestPage, ChangeRequestResponse, CreateChangeRequestBody, CurrentValuesResponse, RejectChangeRequestBody } from './change-requests.schemas.js';
import { createChangeRequest, getChangeRequest, getCurrentValues, listChangeRequestsFor, withdrawChangeRequest } from './change-requests.service.js';

const tags = ['change-requests'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** The one file part of an upload; its stream must be consumed (or drained) by the service. */
function uploadedFile(request: FastifyRequest) {
  return singleFilePart(request, { tooLarge: () => new AppError('BODY_TOO_LARGE', { limit: MAX_ATTACHMENT_BYTES }), missing: 'FILE_MISSING' });
}

/** 出版者資料異動申請單: registrants ask, the agency approves or rejects. */
export function changeRequestsRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/change-requests',
    {
      schema: {
        tags,
        summary: "Change requests: a member's own registrant's; staff all (pending oldest first), or one registrant's with registrantId",
        querystring: ChangeRequestListQuery,
        response: { 200: ChangeRequestPage, ...errors },
      },
    },
    (request) => listChangeRequestsFor(ctx, requireActor(request), request.query),
  );

  app.post(
    '/change-requests',
    {
      schema: {
        tags,
        summary: 'Ask to change registrant data (member): new values and a reason; the current values are taken as "before"',
        body: CreateChangeRequestBody,
        response: { 201: ChangeRequestResponse, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createChangeRequest(ctx, requireActor(request), request.body)),
  );

  app.get(
    '/change-requests/current',
    { schema: { tags, summary: "The member's registrant data a change request starts from (member)", response: { 200: CurrentValuesResponse, ...errors } } },
    (request) => getCurrentValues(ctx, requireActor(request)),
  );

  app.get(
    '/change-requests/:id',
    { schema: { tags, summary: 'One change request (staff, or its registrant)', params: IdParams, response: { 200: ChangeRequestResponse, ...errors } } },
    (request) => getChangeRequest(ctx, requireActor(request), request.params.id),
  );

  app.delete(
    '/change-requests/:id',
    { schema: { tags, summary: 'Withdraw a pending change request (member): it stays on record as withdrawn, with its scan', params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await withdrawChangeRequest(ctx, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/change-requests/:id/attachment',
    {
      schema: {
        tags,
        summary: 'Download the attached scan (staff, or its registrant)',
        params: IdParams,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: {
          200: Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'The file, with its original name in Content-Disposition' }),
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const file = await openChangeRequestAttachment(ctx, requireActor(request), request.params.id);
      return (
        reply
          .header('content-type', file.contentType)
          .header('content-length', String(file.size))
          .header('content-disposition', contentDisposition('attachment', file.fileName))
          .header('x-content-type-options', 'nosniff')
          // A scan opened by the browser's own viewer still runs nothing of ours, like covers and audio.
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, no-store')
          .send(file.stream)
      );
    },
  );

  app.post(
    '/change-requests/:id/approve',
    {
      schema: { tags, summary: "Approve (agency): the registrant's record takes the new values", params: IdParams, response: { 200: ChangeRequestResponse, ...errors } },
    },
    (request) => approveChangeRequest(ctx, requireActor(request), request.params.id),
  );

  app.post(
    '/change-requests/:id/reject',
    {
      schema: { tags, summary: 'Reject with a reason (agency)', params: IdParams, body: RejectChangeRequestBody, response: { 200: ChangeRequestResponse, ...errors } },
    },
    (request) => rejectChangeRequest(ctx, requireActor(request), request.params.id, request.body.reason),
  );

  // Uploads get their own scope: the multipart parser exists only here, its limit just above ours
  // so the storage's own limit (which keeps nothing) is what normally refuses an oversize file.
  void app.register(async (uploads: AppInstance) => {
    await uploads.register(fastifyMultipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1, fields: 5, parts: 6, fieldNameSize: 100, headerPairs: 20 } });
    uploads.post(
      '/change-requests/:id/attachment',
      {
        schema: {
          tags,
          summary:
            'Attach the stamped scan to a pending request (member): multipart, one file, PDF/JPG/PNG by content, at most 5 MB; a cut PDF or image, or a PDF that is encrypted or carries JavaScript, a launch action, files or media inside or an XFA form, is refused (422); HEIC, TIFF, WebP, BMP and other types are refused (415)',
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 200: ChangeRequestResponse, ...errors, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request) => attachToChangeRequest(ctx, requireActor(request), request.params.id, await uploadedFile(request)),
    );
  });
}
