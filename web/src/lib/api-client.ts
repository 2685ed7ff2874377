import { ApiError, NETWORK_ERROR, apiErrorFromBody } from './api-error';
import { currentLanguage, i18n } from './i18n';

export { ApiError, isApiError } from './api-error';

export const API_BASE = '/api/v1';

/** Calls that answer 401 as part of their normal flow, never a reason to leave the page. */
const NO_REDIRECT_ON_401 = ['/auth/me', '/auth/login'];

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler | undefined;

/** The app registers how to go to the login page when the session has ended. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | undefined): void {
  onUnauthorized = handler;
}

let onPasswordChangeRequired: (() => void) | undefined;

/** The app registers how to go to 修改密碼 when the server refuses until the password is changed (403 PASSWORD_CHANGE_REQUIRED). */
export function setPasswordChangeRequiredHandler(handler: (() => void) | undefined): void {
  onPasswordChangeRequired = handler;
}

export type QueryParams = Readonly<Record<string, string | number | boolean | undefined>>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
}

function buildUrl(path: string, query: QueryParams | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return `${API_BASE}${path}${search === '' ? '' : `?${search}`}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Sends a JSON request to `/api/v1{path}` with the session cookie and the UI language.
 * Resolves with the parsed body (undefined for 204); throws `ApiError` otherwise.
 * The type parameter states what the API schema promises for this route.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError(0, NETWORK_ERROR, i18n.t('errors.network'));
  }
  const parsed = await readJson(response);
  if (!response.ok) {
    const error = apiErrorFromBody(response.status, parsed, i18n.t('errors.http', { status: response.status }));
    if (response.status === 401 && !NO_REDIRECT_ON_401.includes(path) && error.code !== 'PASSWORD_INCORRECT') {
      onUnauthorized?.();
    }
    if (response.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
      onPasswordChangeRequired?.();
    }
    throw error;
  }
  // The server's response schemas are the contract for T.
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => apiRequest<T>(path, { query, ...(signal === undefined ? {} : { signal }) }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
};
