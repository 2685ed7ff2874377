import type { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { TrackParams } from '../catalog/catalog.schemas.js';
import { contentDisposition } from '../change-requests/attachment-name.js';
import { requireActor } from '../http/auth.js';
import { singleFilePart } from '../http/multipart.js';
import { errorBody } from '../http/error-handler.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import { AppError } from '../shared/errors.js';
import { localeFromAcceptLanguage, type Locale } from '../shared/locale.js';
import type { AudioFile } from './audio-ingest.js';
import { localiseAudioWarnings, toAudioWarning } from './audio-warnings-locale.js';
import { parseRange } from './byte-range.js';
import { AudioBatchResponse, MAX_AUDIO_BYTES, MAX_BATCH_FILES, TrackAudio, type AudioUploadResult } from './track-audio.schemas.js';
import { openTrackAudio, putTrackAudio, removeTrackAudio, uploadAudioBatch, type AudioDownload, type AudioUploadOutcome } from './track-audio.service.js';

const tags = ['albums'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

function localeOf(request: FastifyRequest): Locale {
  return localeFromAcceptLanguage(request.headers['accept-language']);
}

/**
 * A multipart body that is not well-formed (or breaks the part limits) is the client's fault. More
 * files (or parts) than a batch may hold is said as such: the files before were handled.
 */
function multipartError(err: unknown): AppError {
  const code = err instanceof Error && 'code' in err ? err.code : undefined;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('AUDIO_TOO_LARGE', { limitMb: MAX_AUDIO_BYTES / (1024 * 1024) });
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppError('AUDIO_BATCH_TOO_MANY_FILES', { max: MAX_BATCH_FILES });
    default:
      return new AppError('MALFORMED_REQUEST');
  }
}

/** The one file part of a per-track upload; its stream is consumed (or drained) by the service. */
function audioFile(request: FastifyRequest): Promise<AudioFile> {
  return singleFilePart(request, { tooLarge: () => new AppError('AUDIO_TOO_LARGE', { limitMb: MAX_AUDIO_BYTES / (1024 * 1024) }), missing: 'AUDIO_FILE_MISSING' });
}

/** The file parts of a batch, one at a time as they stream in. */
async function* audioFiles(request: FastifyRequest): AsyncIterable<AudioFile> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  try {
    for await (const part of request.files()) {
      yield { fileName: part.filename, stream: part.file, truncated: () => part.file.truncated };
    }
  } catch (err) {
    throw err instanceof AppError ? err : multipartError(err);
  }
}

/** One batch entry (or finished resumable upload) as the API shows it, in the request's language. */
export function presentOutcome(outcome: AudioUploadOutcome, locale: Locale): AudioUploadResult {
  const where = { ...(outcome.trackId === undefined ? {} : { trackId: outcome.trackId }), ...(outcome.isrc === undefined || outcome.isrc === null ? {} : { isrc: outcome.isrc }) };
  if (outcome.status === 'stored') {
    return { fileName: outcome.fileName, status: 'stored', ...where, warnings: outcome.warnings.map((w) => toAudioWarning(w, locale)) };
  }
  const { error } = errorBody(outcome.error, locale);
  return { fileName: outcome.fileName, status: 'refused', ...where, code: error.code, message: error.message, warnings: [] };
}

/** Range requests for playback that seeks (206, 416), the rest as the cover download does. */
async function sendAudio(request: FastifyRequest, reply: FastifyReply, file: AudioDownload) {
  void reply
    .header('accept-ranges', 'bytes')
    .header('etag', `"${file.sha256}"`)
    .header('cache-control', 'private, no-cache')
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition('attachment', file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cross-origin-resource-policy', 'same-origin');
  const ifRange = request.headers['if-range'];
  const range = ifRange === undefined || ifRange === `"${file.sha256}"` ? parseRange(request.headers.range, file.size) : { kind: 'whole' as const };
  switch (range.kind) {
    case 'unsatisfiable':
      return reply.code(416).header('content-range', `bytes */${file.size}`).type('text/plain').send('');
    case 'partial':
      void reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
        .header('content-length', String(range.end - range.start + 1));
      return request.method === 'HEAD' ? reply.send(null) : reply.send(await file.open(range));
    case 'whole':
      void reply.header('content-length', String(file.size));
      return request.method === 'HEAD' ? reply.send(null) : reply.send(await file.open());
  }
}

/** Playback, per-track upload and removal, and 數位媒體批次上傳 of track audio. */
export function trackAudioRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  const download = async (request: FastifyRequest<{ Params: TrackParams }>, reply: FastifyReply) =>
    sendAudio(request, reply, await openTrackAudio(ctx, requireActor(request), request.params.id, request.params.trackId));
  app.get(
    '/albums/:id/tracks/:trackId/audio',
    {
      // HEAD is declared below, not derived: it answers the headers without opening the file.
      exposeHeadRoute: false,
      schema: {
        tags,
        summary: "The track's audio (its registrant, or the agency): an attachment named <ISRC>.<ext>; HTTP Range for playback",
        params: TrackParams,
        produces: ['audio/mpeg', 'audio/wav', 'audio/mp4', 'video/mp4'],
        response: {
          200: Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'The whole file' }),
          206: Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'The range asked for (Content-Range)' }),
          403: ErrorResponse,
          404: ErrorResponse,
          416: Type.String({ description: 'The range is past the end (Content-Range: bytes */size)' }),
        },
      },
    },
    download,
  );
  app.head('/albums/:id/tracks/:trackId/audio', { schema: { hide: true, params: TrackParams } }, download);

  app.delete(
    '/albums/:id/tracks/:trackId/audio',
    {
      schema: {
        tags,
        summary: "Remove the track's audio (member; not once the album is approved or its audio deposited)",
        params: TrackParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeTrackAudio(ctx, requireActor(request), request.params.id, request.params.trackId);
      return reply.code(204).send(null);
    },
  );

  // Uploads get their own scope: the multipart parser exists only here, its limit one byte above
  // ours so that staging (which keeps nothing) is what refuses an oversize file.
  void app.register(async (uploads: AppInstance) => {
    const limits = { fileSize: MAX_AUDIO_BYTES + 1, fields: 5, fieldNameSize: 100, headerPairs: 20 };
    // A file cut at the parser's limit is refused by us (truncated), not by failing the whole batch.
    await uploads.register(fastifyMultipart, { throwFileSizeLimit: false, limits: { ...limits, files: MAX_BATCH_FILES, parts: MAX_BATCH_FILES + 5 } });
    uploads.put(
      '/albums/:id/tracks/:trackId/audio',
      {
        schema: {
          tags,
          summary: 'Upload the track’s audio (member): multipart, one file named *.mp3, *.wav or *.mp4, the content must agree; at most 500 MB; replaces the file',
          consumes: ['multipart/form-data'],
          params: TrackParams,
          response: { 200: TrackAudio, ...errors, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request) => putTrackAudio(ctx, requireActor(request), request.params.id, request.params.trackId, () => audioFile(request)),
    );
    uploads.post(
      '/albums/:id/audio/batch',
      {
        schema: {
          tags,
          summary: `數位媒體批次上傳 (member): multipart, up to ${MAX_BATCH_FILES} files each named <ISRC>.<ext>; each stored or refused by name`,
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 200: AudioBatchResponse, ...errors, 413: ErrorResponse, 415: ErrorResponse },
        },
      },
      async (request) => {
        const { outcomes, stopped } = await uploadAudioBatch(ctx, requireActor(request), request.params.id, () => audioFiles(request));
        const results = outcomes.map((o) => presentOutcome(o, localeOf(request)));
        return stopped === undefined ? { results } : { results, error: errorBody(stopped, localeOf(request)).error };
      },
    );
  });
}

/**
 * Album responses are built in services that know nothing of the request: the audio warnings in
 * them get the request's language here, once, before the answer is serialised.
 */
export function registerAudioWarningLocale(app: AppInstance): void {
  app.addHook('preSerialization', async (request, _reply, payload) => {
    localiseAudioWarnings(payload, localeOf(request));
    return payload;
  });
}
