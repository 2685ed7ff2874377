import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isrcErrorMessage } from '../isrc/messages.js';
import type { IsrcError } from '../isrc/isrc.js';
import { audioExtensionHint, audioRefusalMessage, isAudioRefusal } from '../media/audio-messages.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { AppError, type ErrorCode } from '../shared/errors.js';
import { interpolate, localeFromAcceptLanguage, type Locale } from '../shared/locale.js';
import { ERROR_MESSAGES } from '../shared/messages.js';
import { fieldErrorsFromAjv, translateFieldErrors, translateProblems } from './validation.js';

const STATUS: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BODY_TOO_LARGE: 413,
  REQUEST_TIMEOUT: 408,
  HEADERS_TOO_LARGE: 431,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  LOGIN_FAILED: 401,
  LOGIN_THROTTLED: 429,
  ACCOUNT_SUSPENDED: 403,
  API_TOKEN_INVALID: 401,
  API_TOKEN_REVOKED: 401,
  API_TOKEN_EXPIRED: 401,
  API_TOKEN_LIMIT: 409,
  SESSION_REQUIRED: 403,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_IN_PROGRESS: 409,
  PASSWORD_INCORRECT: 400,
  PASSWORD_TOO_WEAK: 400,
  PASSWORD_TOO_COMMON: 400,
  PASSWORD_CONTAINS_LOGIN_NAME: 400,
  CROSS_SITE_REQUEST: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  APPLICATION_PENDING: 403,
  APPLICATION_ALREADY_DECIDED: 409,
  APPLICATION_THROTTLED: 429,
  RATE_LIMITED: 429,
  APPLICATION_NOT_REJECTED: 409,
  LOGIN_NAME_TAKEN: 409,
  REGISTRANT_CODE_TAKEN: 409,
  REGISTRANT_CODE_NOT_ALLOWED: 409,
  NO_REGISTRANT_CODE: 409,
  REGISTRANT_CODES_EXHAUSTED: 409,
  ISRC_INVALID: 400,
  ISRC_TAKEN: 409,
  ISRC_NOT_OWN_CODE: 400,
  ISRC_YEAR_IN_FUTURE: 400,
  ISRC_YEAR_BEFORE_CODE: 400,
  ISRC_JUMP_UNCONFIRMED: 409,
  DESIGNATION_EXHAUSTED: 409,
  ALBUM_NOT_EDITABLE: 409,
  ALBUM_NOT_DELETABLE: 409,
  ALBUM_NOT_APPROVED: 409,
  DDEX_TRACKS_INCOMPLETE: 422,
  MARC_RANGE_TOO_LARGE: 422,
  USED_CODES_EXPORT_TOO_LARGE: 422,
  ALBUM_HAS_TRACKS: 409,
  ALBUM_RETROACTIVE_REQUIRED: 409,
  ALBUM_INCOMPLETE: 422,
  INVALID_TRANSITION: 409,
  REVIEW_ALREADY_DECIDED: 409,
  RECORDING_CITED_READONLY: 409,
  RECORDING_ALREADY_ON_ALBUM: 409,
  RECORDING_NOT_CITABLE: 404,
  ISRC_ASSIGNED_ON_SUBMISSION: 400,
  ALLOCATION_NOT_ALLOWED: 403,
  ISRC_NOT_FOREIGN: 400,
  ISRC_FOREIGN_NOT_ABROAD: 400,
  VERSION_SAME_ISRC: 400,
  SETTING_INVALID: 400,
  DEPOSIT_NOT_DUE: 409,
  DEPOSIT_NOT_PHYSICAL: 409,
  DEPOSIT_DATE_OUT_OF_RANGE: 400,
  AUDIO_DEPOSIT_NOT_DIGITAL: 409,
  AUDIO_DEPOSIT_MISSING_AUDIO: 409,
  AUDIO_DEPOSIT_EXISTS: 409,
  AUDIO_DEPOSIT_OBJECT_MISSING: 409,
  FIXITY_RUN_RUNNING: 409,
  CHANGE_REQUEST_PENDING: 409,
  CHANGE_REQUEST_DECIDED: 409,
  CHANGE_REQUEST_WITHDRAWN: 409,
  CHANGE_REQUEST_UNCHANGED: 400,
  CHANGE_REQUEST_STALE: 409,
  FILE_MISSING: 400,
  FILE_TYPE_NOT_ALLOWED: 415,
  ATTACHMENT_UNREADABLE: 422,
  ATTACHMENT_HAS_SCRIPT: 422,
  ATTACHMENT_HAS_EMBEDDED_CONTENT: 422,
  ATTACHMENT_DYNAMIC_FORM: 422,
  ATTACHMENT_ENCRYPTED: 422,
  ATTACHMENT_FORMAT_NOT_ALLOWED: 415,
  COVER_FILE_MISSING: 400,
  IMPORT_FILE_MISSING: 400,
  IMPORT_FILE_REFUSED: 422,
  IMPORT_HAS_ERRORS: 409,
  IMPORT_PREVIEW_EXPIRED: 410,
  IMPORT_BUSY: 503,
  IMPORT_IN_PROGRESS: 409,
  COVER_TOO_LARGE: 413,
  COVER_TYPE_NOT_ALLOWED: 415,
  COVER_FORMAT_NOT_ALLOWED: 415,
  COVER_IMAGE_UNREADABLE: 422,
  COVER_IMAGE_TOO_LARGE: 422,
  COVER_LOCKED: 409,
  AUDIO_FILE_MISSING: 400,
  AUDIO_FILE_NAME_INVALID: 400,
  AUDIO_FILE_NAME_NOT_ISRC: 400,
  AUDIO_NO_MATCHING_TRACK: 422,
  AUDIO_DUPLICATE_IN_BATCH: 422,
  AUDIO_REFUSED: 422,
  AUDIO_TOO_LARGE: 413,
  AUDIO_BATCH_TOO_MANY_FILES: 413,
  AUDIO_LOCKED: 409,
  AUDIO_DEPOSITED: 409,
  UPLOAD_LENGTH_REQUIRED: 400,
  UPLOAD_LENGTH_EXCEEDED: 413,
  UPLOAD_PROTOCOL_ERROR: 400,
  UPLOAD_CONFLICT: 409,
  UPLOAD_TOO_MANY: 429,
  FILE_EMPTY: 422,
  UPLOADS_BUSY: 503,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

function isIsrcError(value: unknown): value is IsrcError {
  return typeof value === 'object' && value !== null && 'kind' in value && typeof value.kind === 'string';
}

/** 「（專輯《…》，專輯編號 …）」 for the registrant's own album; another registrant's stays unnamed. */
function whereTaken(details: Readonly<Record<string, unknown>>, locale: Locale): string {
  const { album, ownedByYou } = details;
  if (ownedByYou === true && typeof album === 'object' && album !== null && 'number' in album && typeof album.number === 'number') {
    const albumTitle = 'title' in album && typeof album.title === 'string' ? album.title : '';
    const title = albumTitle !== '' ? albumTitle : locale === 'zh-TW' ? '未命名' : 'untitled';
    return locale === 'zh-TW' ? `（專輯《${title}》，專輯編號 ${album.number}）` : ` (album "${title}", number ${album.number})`;
  }
  if (ownedByYou === false) {
    return locale === 'zh-TW' ? '（其他登記者的曲目）' : ' (by another registrant)';
  }
  return '';
}

/** Message values: the details, plus translations of nested domain errors. */
function messageValues(err: AppError, locale: Locale): Record<string, unknown> {
  const values: Record<string, unknown> = { ...err.details };
  const isrcError = err.details?.isrcError;
  if (isIsrcError(isrcError)) {
    values.reason = isrcErrorMessage(isrcError, locale === 'zh-TW' ? 'zh-TW' : 'en');
  }
  if (err.code === 'ISRC_TAKEN') {
    values.where = whereTaken(err.details ?? {}, locale);
  }
  if (err.code === 'ISRC_NOT_OWN_CODE') {
    // A code asked for to allocate under names no ISRC (allocation.service.ts): then the message names none.
    const isrc = typeof values.isrc === 'string' ? values.isrc : '';
    values.ofIsrc = isrc === '' ? '' : locale === 'zh-TW' ? `ISRC ${isrc} 的` : ` of ISRC ${isrc}`;
  }
  if (err.code === 'AUDIO_FILE_NAME_INVALID') {
    values.hint = audioExtensionHint(values.fileName, locale);
  }
  if (err.code === 'AUDIO_REFUSED' && isAudioRefusal(values.reason)) {
    values.reason = audioRefusalMessage(values.reason, locale, values);
  }
  if (err.code === 'ISRC_JUMP_UNCONFIRMED' && typeof values.skipped === 'number') {
    values.skipped = values.skipped.toLocaleString('en-US');
  }
  if (err.code === 'BODY_TOO_LARGE' && typeof values.limit === 'number') {
    values.limit = values.limit >= 1024 * 1024 ? `${Math.round((values.limit / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(values.limit / 1024)} KB`;
  }
  return values;
}

export function errorBody(err: AppError, locale: Locale) {
  const message = interpolate(ERROR_MESSAGES[err.code][locale], messageValues(err, locale));
  const details: Record<string, unknown> = { ...err.details };
  if (details.fields !== undefined) {
    details.fields = translateFieldErrors(details.fields, locale);
  }
  if (details.problems !== undefined) {
    details.problems = translateProblems(details.problems, locale);
  }
  return { error: { code: err.code, message, ...(Object.keys(details).length > 0 ? { details } : {}) } };
}

/** The body of an error answer: `errorBody` with the request id beside the code and message, so a user's report can be matched with the log lines. */
export function answerBody(err: AppError, locale: Locale, requestId: string | undefined) {
  const body = errorBody(err, locale);
  return requestId === undefined ? body : { error: { ...body.error, requestId } };
}

/** Maps Fastify's own errors (validation, body parsing, limits) to our codes. */
function fromFastifyError(err: FastifyError, locale: Locale, bodyLimit: number | undefined): AppError | undefined {
  if (err.validation !== undefined) {
    return new AppError('VALIDATION_FAILED', { fields: fieldErrorsFromAjv(err.validation, locale), location: err.validationContext });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('BODY_TOO_LARGE', bodyLimit === undefined ? {} : { limit: bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    default:
      break;
  }
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError('MALFORMED_REQUEST');
  }
  return undefined;
}

export function sendError(reply: FastifyReply, err: AppError, locale: Locale): FastifyReply {
  if ((err.code === 'LOGIN_THROTTLED' || err.code === 'RATE_LIMITED' || err.code === 'UPLOADS_BUSY' || err.code === 'IMPORT_BUSY') && typeof err.details?.retryAfterSeconds === 'number') {
    void reply.header('retry-after', String(err.details.retryAfterSeconds));
  }
  return reply.code(statusOf(err.code)).send(answerBody(err, locale, reply.request.id));
}

export function errorHandler(this: unknown, err: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = localeFromAcceptLanguage(request.headers['accept-language']);
  if (err instanceof AppError) {
    return sendError(reply, err, locale);
  }
  const mapped = fromFastifyError(err, locale, request.routeOptions.bodyLimit);
  if (mapped !== undefined) {
    return sendError(reply, mapped, locale);
  }
  if (isDatabaseUnavailable(err)) {
    // Not a bug: the pool reconnects by itself once the database is back.
    request.log.warn({ err: { message: err.message, code: err.code } }, 'database unavailable');
    void reply.header('retry-after', '5');
    return sendError(reply, new AppError('DATABASE_UNAVAILABLE'), locale);
  }
  // Unexpected: log everything, tell the client nothing but the request id.
  request.log.error({ err }, 'unhandled error');
  return sendError(reply, new AppError('INTERNAL', { requestId: request.id }), locale);
}
