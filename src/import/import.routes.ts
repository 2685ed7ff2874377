import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../http/auth.js';
import { errorBody } from '../http/error-handler.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { MAX_COVER_BYTES } from '../media/covers.schemas.js';
import { ErrorResponse } from '../shared/common.schemas.js';
import { AppError } from '../shared/errors.js';
import { localeFromAcceptLanguage, type Locale } from '../shared/locale.js';
import type { DescribeError } from './import-run.js';
import { ImportPreviewParams, ImportPreviewResponse } from './import.schemas.js';
import { confirmImportPreview, createImportPreview, getImportPreview, type ImportDeps, type UploadPart } from './import.service.js';
import { createWorkbookReader, XLSX_LIMITS, type WorkbookReader } from './spreadsheet/index.js';

const tags = ['import'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** The HTTP layer's own translation of a service's refusal, for the lines of a preview. */
const describe: DescribeError = {
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

/** 專輯匯入: 預覽資料 (upload the .xlsx and the cover) → 確認匯入. */
export function importRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  // The reader (a forked child per file) starts with the first upload, not with every app.
  let reader: WorkbookReader | undefined;
  const deps = (): ImportDeps => {
    reader ??= createWorkbookReader();
    return { reader, describe };
  };
  app.addHook('onClose', (_instance, done) => {
    reader?.close();
    done();
  });

  app.get(
    '/import/previews/:id',
    { schema: { tags, summary: '預覽資料: a stored import preview again (its registrant only)', params: ImportPreviewParams, response: { 200: ImportPreviewResponse, ...errors } } },
    async (request) => getImportPreview(ctx, requireActor(request), request.params.id, localeOf(request)),
  );

  app.post(
    '/import/previews/:id/confirm',
    {
      schema: {
        tags,
        summary: '確認匯入: create the draft album and all its tracks in one transaction; confirming again answers the same album',
        params: ImportPreviewParams,
        response: { 200: ImportPreviewResponse, ...errors, 409: ErrorResponse, 410: ErrorResponse },
      },
    },
    async (request) => confirmImportPreview(ctx, requireActor(request), deps(), request.params.id, localeOf(request)),
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
          summary:
            '預覽資料 (member): multipart `file` (.xlsx, ≤ 10 MB), `cover` (JPG/PNG/GIF ≤ 5 MB) and `nextAvailable` (true: empty ISRC cells take the next available code); nothing is written to the catalog',
          consumes: ['multipart/form-data'],
          response: { 201: ImportPreviewResponse, ...errors, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const preview = await createImportPreview(ctx, requireActor(request), deps(), partsOf(request), localeOf(request));
        return reply.code(201).send(preview);
      },
    );
  });
}
