import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../http/auth.js';
import { answerBody, statusOf } from '../http/error-handler.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { ErrorResponse } from '../shared/common.schemas.js';
import { AppError } from '../shared/errors.js';
import { localeFromAcceptLanguage } from '../shared/locale.js';
import { presentOutcome } from './track-audio.routes.js';
import { AudioUploadResult, UploadParams } from './track-audio.schemas.js';
import { createAudioTus, type AudioTus } from './tus-uploads.js';
import { tusDirectory } from './tus-store-files.js';
import { uploadsSending } from './uploads-sending.js';

const tags = ['uploads'];

/** How often unfinished uploads past their expiry are removed. */
const EXPIRY_SWEEP_MS = 6 * 60 * 60 * 1000;
/**
 * Uploads one user may be sending at once to this process. Each one sending holds its upload's lock
 * and, on PostgreSQL, one connection of the locks' small pool (upload-locks.ts): without a cap one
 * user could take them all and leave everyone else "busy". Counted per process because the pool is.
 */
export const MAX_SENDING_UPLOADS_PER_USER = 3;
/** A request that sends no byte for this long is ended: a stalled client must not keep its lock. */
export const UPLOAD_IDLE_MS = 60_000;

/** Ends the request once it has sent nothing for UPLOAD_IDLE_MS (injected test requests have no socket timer). */
function idleLimit(raw: IncomingMessage): void {
  const timed: Partial<Pick<IncomingMessage, 'setTimeout'>> = raw;
  timed.setTimeout?.call(raw, UPLOAD_IDLE_MS, () => raw.destroy());
}

const tusHeaders = Type.Object({ 'tus-resumable': Type.Optional(Type.String({ description: 'Always 1.0.0' })) });
const empty = (description: string) => Type.Null({ description });

/**
 * The tus protocol's routes for resumable audio uploads (see tus-uploads.ts). Fastify checks the
 * session as for any route; then the raw request goes to @tus/server. The body is left unread for it.
 */
export function tusUploadsRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  let tus: AudioTus | undefined;
  let sweep: NodeJS.Timeout | undefined;
  const startSending = uploadsSending(MAX_SENDING_UPLOADS_PER_USER);

  const tusFor = (stagingDir: string): AudioTus => {
    if (tus === undefined) {
      tus = createAudioTus(tusDirectory(stagingDir), {
        ctx,
        presentOutcome: (outcome, locale) => JSON.stringify(presentOutcome(outcome, locale)),
        presentError: (error, locale, requestId) => ({ status_code: statusOf(error.code), body: JSON.stringify(answerBody(error, locale, requestId)) }),
        logError: (err) => app.log.error({ err }, 'resumable upload failed'),
        locker: ctx.uploadLocks?.locker,
      });
      const current = tus;
      const removeExpired = () => void current.removeExpired().catch((err: unknown) => app.log.error({ err }, 'removing expired uploads failed'));
      removeExpired();
      sweep = setInterval(removeExpired, EXPIRY_SWEEP_MS).unref();
    }
    return tus;
  };

  async function handle(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const actor = requireActor(request);
    // A server without staging (tools, some tests) still speaks the protocol, from an empty folder:
    // there is nothing to resume, and creating an upload fails once the request is found valid.
    const server = tusFor(ctx.stagingDir ?? path.join(tmpdir(), 'isrc-staging-unconfigured'));
    const params: unknown = request.params;
    const id = typeof params === 'object' && params !== null && 'id' in params && typeof params.id === 'string' ? params.id : undefined;
    if (id !== undefined && !(await server.isOwnUpload(actor, id))) {
      throw new AppError('NOT_FOUND');
    }
    // Hijacked, the reply's own headers (request id, security headers) would not be sent: hand them over.
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) {
        reply.raw.setHeader(name, value);
      }
    }
    // Creation-with-upload and PATCH carry the file's bytes; HEAD and DELETE are over at once.
    const carriesBytes = request.method === 'PATCH' || (request.method === 'POST' && request.headers['content-type'] === 'application/offset+octet-stream');
    // A creation-with-upload has no upload id yet: a key of its own (never the client's X-Request-Id,
    // which a client could repeat to pass as one upload resumed again and again).
    const release = carriesBytes ? startSending(actor.userId, id ?? `new:${randomUUID()}`) : undefined;
    if (release !== undefined) {
      idleLimit(request.raw);
      // Over when its answer is sent or its connection is gone, whichever comes first.
      reply.raw.once('close', release);
    }
    void reply.hijack();
    try {
      await server.handle(actor, request.raw, reply.raw, request.id);
    } catch (err) {
      request.log.error({ err }, 'tus request failed');
      if (!reply.raw.headersSent) {
        const body = JSON.stringify(answerBody(new AppError('INTERNAL', { requestId: request.id }), localeFromAcceptLanguage(request.headers['accept-language']), request.id));
        reply.raw.writeHead(500, { 'content-type': 'application/json; charset=utf-8' }).end(body);
      }
    } finally {
      release?.();
    }
  }

  app.addHook('onClose', (_instance, done) => {
    clearInterval(sweep);
    done();
  });

  void app.register((scope: AppInstance, _options, done) => {
    // The upload's bytes stay unread: @tus/server streams them to its store itself.
    scope.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => {
      done(null);
    });
    const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 413: ErrorResponse };
    scope.post(
      '/uploads',
      {
        schema: {
          tags,
          summary:
            'Create a resumable (tus 1.0.0) audio upload (member): Upload-Length ≤ 500 MB required; Upload-Metadata albumId, filename, optional trackId (else the ISRC in filename picks the track)',
          headers: tusHeaders,
          response: { 201: empty('Created: Location is the upload’s URL'), 200: AudioUploadResult, 422: AudioUploadResult, ...errors },
        },
      },
      handle,
    );
    scope.options('/uploads', { schema: { tags, summary: 'tus capabilities (Tus-Version, Tus-Extension, Tus-Max-Size)', response: { 204: empty('The capabilities, in headers') } } }, handle);
    const params = UploadParams;
    scope.head(
      '/uploads/:id',
      {
        schema: {
          tags,
          summary: 'How much of the upload is in (Upload-Offset): where to resume',
          params,
          headers: tusHeaders,
          response: { 200: empty('Upload-Offset, Upload-Length'), ...errors },
        },
      },
      handle,
    );
    scope.patch(
      '/uploads/:id',
      {
        schema: {
          tags,
          summary: 'Send the next bytes (application/offset+octet-stream from Upload-Offset); the last ones answer with the result: 200 stored, 422 refused (and removed)',
          params,
          headers: tusHeaders,
          response: { 204: empty('More to come: Upload-Offset'), 200: AudioUploadResult, 422: AudioUploadResult, 409: ErrorResponse, ...errors },
        },
      },
      handle,
    );
    scope.delete(
      '/uploads/:id',
      { schema: { tags, summary: 'Cancel the upload and remove what was sent', params, headers: tusHeaders, response: { 204: empty('Removed'), ...errors } } },
      handle,
    );
    done();
  });
}
