import fastifyMultipart from '@fastify/multipart';
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireActor } from '../http/auth.js';
import { errorBody, statusOf } from '../http/error-handler.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { MAX_COVER_BYTES } from '../media/covers.schemas.js';
import { ErrorResponse } from '../shared/common.schemas.js';
import { AppError } from '../shared/errors.js';
import { localeFromAcceptLanguage, type Locale } from '../shared/locale.js';
import type { DescribeError } from './import-collector.js';
import { ImportPreviewParams, ImportPreviewQuery, ImportPreviewResponse, type ImportProgress, type ImportStreamLine } from './import.schemas.js';
import { confirmImportPreview, createImportPreview, getImportPreview, type ImportDeps, type UploadPart } from './import.service.js';
import { createWorkbookReader, XLSX_LIMITS, type WorkbookReader } from './spreadsheet/index.js';

const tags = ['import'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** The HTTP layer's own translation of a service's refusal, for the lines of a preview. */
export const describe: DescribeError = {
  message: (err) => ({ 'zh-TW': errorBody(err, 'zh-TW').error.message, en: errorBody(err, 'en').error.message }),
  fields: (err) => {
    const fieldsIn = (locale: Locale) => {
      const fields = errorBody(err, locale).error.details?.fields;
      return Array.isArray(fields) ? (fields as { field: string; message: string }[]) : [];
    };
    const en = fieldsIn('en');
    return fieldsIn('zh-TW').map((f, i) => ({ field: f.field, message: { 'zh-TW': f.message, en: en[i]?.message ?? f.message } }));
  },
};

const localeOf = (request: FastifyRequest): Locale => localeFromAcceptLanguage(request.headers['accept-language']);

/** The multipart parts as the service takes them: file streams and text fields, in order. */
async function* partsOf(request: FastifyRequest): AsyncGenerator<UploadPart> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const stream = part.file;
        yield { type: 'file', fieldname: part.fieldname, file: { fileName: part.filename, stream, truncated: () => stream.truncated } };
      } else {
        yield { type: 'field', fieldname: part.fieldname, value: typeof part.value === 'string' ? part.value : String(part.value) };
      }
    }
  } catch (err) {
    if (err instanceof AppError) {
      throw err;
    }
    throw new AppError('MALFORMED_REQUEST');
  }
}

/**
 * The streamed answer of a preview or a confirm (`Accept: application/x-ndjson`): one JSON line per
 * progress report while the work runs, then one result or error line. Bytes keep flowing while a
 * 5,000-track catalogue is checked or written, so no proxy or client times out, and the progress
 * needs no second request — which matters on the embedded database, where every other query waits
 * for the running transaction. A refusal before the first report (not found, not allowed) is an
 * ordinary error response with its status.
 */
const NDJSON = 'application/x-ndjson';

function wantsStream(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes(NDJSON);
}

async function streamImportWork(
  request: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
  status: number,
  work: (report: (progress: ImportProgress) => void) => Promise<ImportPreviewResponse>,
): Promise<FastifyReply> {
  const out = new PassThrough();
  let started = false;
  const write = (line: ImportStreamLine): void => {
    if (!started) {
      started = true;
      void reply.code(200).header('content-type', NDJSON).header('cache-control', 'no-store').header('x-accel-buffering', 'no').send(out);
    }
    out.write(`${JSON.stringify(line)}\n`);
  };
  try {
    const preview = await work((progress) => write({ type: 'progress', ...progress }));
    write({ type: 'result', status, preview });
  } catch (err) {
    if (!started) {
      throw err;
    }
    if (!(err instanceof AppError)) {
      request.log.error({ err }, 'unhandled error in a streamed import');
    }
    const appError = err instanceof AppError ? err : new AppError('INTERNAL', { requestId: request.id });
    write({ type: 'error', status: statusOf(appError.code), ...errorBody(appError, locale) });
  }
  out.end();
  return reply;
}

/** 專輯匯入: 預覽資料 (upload the .xlsx and the cover) → 確認匯入. */
export function importRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  // The server's reader, made once at start-up and closed by main.ts (ctx.workbookReader); without
  // one (tests, tools) a reader of our own starts with the first upload and closes with the app.
  let ownReader: WorkbookReader | undefined;
  const deps = (): ImportDeps => {
    const reader = ctx.workbookReader ?? (ownReader ??= createWorkbookReader());
    return { reader, describe };
  };
  app.addHook('onClose', (_instance, done) => {
    ownReader?.close();
    done();
  });

  app.get(
    '/import/previews/:id',
    {
      schema: {
        tags,
        summary: '預覽資料: a stored import preview again, a page of its albums at a time (its registrant only)',
        params: ImportPreviewParams,
        querystring: ImportPreviewQuery,
        response: { 200: ImportPreviewResponse, ...errors },
      },
    },
    async (request) => getImportPreview(ctx, requireActor(request), request.params.id, localeOf(request), request.query),
  );

  app.post(
    '/import/previews/:id/confirm',
    {
      schema: {
        tags,
        summary: `確認匯入: create every draft album of the file and all their tracks in one transaction (all or nothing); confirming again answers the same albums. With \`Accept: ${NDJSON}\` the answer streams progress lines, then the result`,
        params: ImportPreviewParams,
        produces: ['application/json', NDJSON],
        response: { 200: ImportPreviewResponse, ...errors, 409: ErrorResponse, 410: ErrorResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const locale = localeOf(request);
      if (wantsStream(request)) {
        return streamImportWork(request, reply, locale, 200, (report) => confirmImportPreview(ctx, actor, deps(), request.params.id, locale, report));
      }
      return confirmImportPreview(ctx, actor, deps(), request.params.id, locale);
    },
  );

  void app.register(async (uploads: AppInstance) => {
    // Limits one byte above ours, so that staging (which keeps nothing) refuses an oversize file.
    await uploads.register(fastifyMultipart, {
      limits: { fileSize: Math.max(XLSX_LIMITS.maxFileBytes, MAX_COVER_BYTES) + 1, files: 2, fields: 5, parts: 7, fieldNameSize: 100, headerPairs: 20 },
    });
    uploads.post(
      '/import/previews',
      {
        schema: {
          tags,
          summary: `預覽資料 (member): multipart \`file\` (.xlsx, ≤ 10 MB; one album, or a catalogue of up to 500 albums keyed by 專輯代號), \`cover\` (JPG/PNG/GIF ≤ 5 MB; one album only) and \`nextAvailable\` (true: empty ISRC cells take the next available code); nothing is written to the catalog. With \`Accept: ${NDJSON}\` the answer streams progress lines, then the result`,
          consumes: ['multipart/form-data'],
          produces: ['application/json', NDJSON],
          response: { 201: ImportPreviewResponse, ...errors, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const locale = localeOf(request);
        if (wantsStream(request)) {
          return streamImportWork(request, reply, locale, 201, (report) => createImportPreview(ctx, actor, deps(), partsOf(request), locale, report));
        }
        const preview = await createImportPreview(ctx, actor, deps(), partsOf(request), locale);
        return reply.code(201).send(preview);
      },
    );
  });
}
