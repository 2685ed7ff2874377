import type { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../http/auth.js';
import { singleFilePart } from '../http/multipart.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import { AppError } from '../shared/errors.js';
import { AlbumCover, CoverQuery, MAX_COVER_BYTES } from './covers.schemas.js';
import { openAlbumCover, putAlbumCover, removeAlbumCover, type CoverDownload, type CoverUpload } from './covers.service.js';
import { isCurrentVersion } from './covers.view.js';

const tags = ['albums'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** A versioned URL (`?v=` naming these bytes) never changes: cache it for a day; otherwise ask again each time. */
const CACHE_VERSIONED = 'private, max-age=86400';
const CACHE_REVALIDATE = 'private, no-cache';

/** The one file part of the upload; its stream is consumed (or drained) by the service. */
function coverFile(request: FastifyRequest): Promise<CoverUpload> {
  return singleFilePart(request, { tooLarge: () => new AppError('COVER_TOO_LARGE'), missing: 'COVER_FILE_MISSING' });
}

/** True when the client's If-None-Match names this entity tag (or `*`). */
function notModified(header: string | undefined, etag: string): boolean {
  if (header === undefined) {
    return false;
  }
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/** Image bytes, never rendered as a document, revalidated by their SHA-256. */
async function sendImage(request: { version: string | undefined; ifNoneMatch: string | undefined }, reply: FastifyReply, file: CoverDownload) {
  const etag = `"${file.sha256}"`;
  void reply
    .header('etag', etag)
    .header('cache-control', isCurrentVersion(request.version, file.sha256) ? CACHE_VERSIONED : CACHE_REVALIDATE)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cross-origin-resource-policy', 'same-origin');
  if (notModified(request.ifNoneMatch, etag)) {
    return reply.code(304).send();
  }
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.size))
    .send(await file.open());
}

const imageResponse = (description: string) => ({
  200: Type.Unsafe<Readable>({ type: 'string', format: 'binary', description }),
  304: Type.Null({ description: 'Not modified: If-None-Match names the current ETag (the SHA-256)' }),
  403: ErrorResponse,
  404: ErrorResponse,
});

/** 專輯封面: upload, replace, remove and view an album's cover and its thumbnail. */
export function coversRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/albums/:id/cover',
    {
      schema: {
        tags,
        summary: "The album's cover image (its registrant, or the agency); ETag = SHA-256",
        params: IdParams,
        querystring: CoverQuery,
        produces: ['image/jpeg', 'image/png', 'image/gif'],
        response: imageResponse('The image with its content type, as uploaded'),
      },
    },
    async (request, reply) =>
      sendImage({ version: request.query.v, ifNoneMatch: request.headers['if-none-match'] }, reply, await openAlbumCover(ctx, requireActor(request), request.params.id, 'cover')),
  );

  app.get(
    '/albums/:id/cover/thumbnail',
    {
      schema: {
        tags,
        summary: "The cover's thumbnail for lists and the album header (WebP, at most 320 px wide)",
        params: IdParams,
        querystring: CoverQuery,
        produces: ['image/webp'],
        response: imageResponse('The thumbnail'),
      },
    },
    async (request, reply) =>
      sendImage({ version: request.query.v, ifNoneMatch: request.headers['if-none-match'] }, reply, await openAlbumCover(ctx, requireActor(request), request.params.id, 'thumbnail')),
  );

  app.delete(
    '/albums/:id/cover',
    { schema: { tags, summary: "移除專輯封面: remove the album's cover (member; not once approved)", params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await removeAlbumCover(ctx, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  // The upload gets its own scope: the multipart parser exists only here, its limit one byte above
  // ours so that staging (which keeps nothing) is what refuses an oversize file.
  void app.register(async (uploads: AppInstance) => {
    await uploads.register(fastifyMultipart, { limits: { fileSize: MAX_COVER_BYTES + 1, files: 1, fields: 5, parts: 6, fieldNameSize: 100, headerPairs: 20 } });
    uploads.put(
      '/albums/:id/cover',
      {
        schema: {
          tags,
          summary: '上傳專輯封面 (member): multipart, one file, JPG/PNG/GIF by content, at most 5 MB; replaces the cover',
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 200: AlbumCover, ...errors, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request) => putAlbumCover(ctx, requireActor(request), request.params.id, () => coverFile(request)),
    );
  });
}
