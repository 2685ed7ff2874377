import type { FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../shared/errors.js';
import type { UploadedFile } from '../storage/staging.js';

/** The route's own answers to a file over its limit and to a body without a file. */
export interface FilePartErrors {
  tooLarge: () => AppError;
  missing: ErrorCode;
}

/**
 * Only the file's own size: too many parts, files or fields are 413 in @fastify/multipart too, but
 * "the cover is over 5 MB" would be a false answer to them (they are MALFORMED_REQUEST).
 */
function isTooLarge(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === 'FST_REQ_FILE_TOO_LARGE';
}

/**
 * The one file part of a multipart upload (covers, per-track audio, change-request scans). A body
 * that is not well-formed multipart, or breaks the part limits, is the client's fault.
 */
export async function singleFilePart(request: FastifyRequest, errors: FilePartErrors): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  let part;
  try {
    part = await request.file();
  } catch (err) {
    throw isTooLarge(err) ? errors.tooLarge() : new AppError('MALFORMED_REQUEST');
  }
  if (part === undefined) {
    throw new AppError(errors.missing);
  }
  const file = part.file;
  return { fileName: part.filename, stream: file, truncated: () => file.truncated };
}
