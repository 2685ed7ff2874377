import type { FieldError } from '../../../src/shared/common.schemas.js';

/** An error answered by the API (`{ error: { code, message, details } }`) or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Per-field problems of a VALIDATION_FAILED answer (empty otherwise). */
  get fieldErrors(): FieldError[] {
    const fields = this.details['fields'];
    return Array.isArray(fields) ? fields.filter(isFieldError) : [];
  }
}

/** Status 0: the request did not reach the server or no answer came back. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldError(value: unknown): value is FieldError {
  return isRecord(value) && typeof value['field'] === 'string' && typeof value['code'] === 'string' && typeof value['message'] === 'string';
}

/** Reads an error body; anything not shaped like ours becomes a generic error with the HTTP status. */
export function apiErrorFromBody(status: number, body: unknown, fallbackMessage: string): ApiError {
  if (isRecord(body) && isRecord(body['error'])) {
    const { code, message, details } = body['error'];
    return new ApiError(
      status,
      typeof code === 'string' ? code : `HTTP_${status}`,
      typeof message === 'string' && message !== '' ? message : fallbackMessage,
      isRecord(details) ? details : {},
    );
  }
  return new ApiError(status, `HTTP_${status}`, fallbackMessage);
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
