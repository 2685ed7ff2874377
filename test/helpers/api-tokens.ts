/** Helpers for the API token and Idempotency-Key tests: a client that authenticates with a bearer token. */
import type { ApiTokenResponse, CreatedApiTokenResponse } from '../../src/api-tokens/api-tokens.schemas.js';
import { API, ok, type Client, type Reply } from './catalog.js';
import type { TestEnv } from './setup.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Calls with `Authorization: Bearer <token>` and no cookie, as an integration would; extra headers beside. */
export interface TokenClient {
  readonly token: string;
  call(method: Method, path: string, payload?: unknown, headers?: Record<string, string>): Promise<Reply>;
}

export function tokenClient(env: TestEnv, token: string): TokenClient {
  return {
    token,
    call(method, path, payload, headers = {}) {
      return env.app.inject({
        method,
        url: `${API}${path}`,
        headers: { authorization: `Bearer ${token}`, ...headers },
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });
    },
  };
}

export async function createToken(api: Client, name = '上架系統', expiresOn?: string): Promise<CreatedApiTokenResponse> {
  return ok(await api.call('POST', '/api-tokens', { name, ...(expiresOn === undefined ? {} : { expiresOn }) }), 201).json<CreatedApiTokenResponse>();
}

export async function listTokens(api: Client): Promise<ApiTokenResponse[]> {
  return ok(await api.call('GET', '/api-tokens')).json<ApiTokenResponse[]>();
}
