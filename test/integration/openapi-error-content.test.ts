/**
 * The OpenAPI document describes error responses as what the server sends: JSON (ErrorResponse),
 * also on download routes whose success is a file (`produces` applies to every status in
 * @fastify/swagger, so src/http/openapi.ts narrows the errors).
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/setup.js';

const env = useTestApp();

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

async function document(): Promise<Record<string, Record<string, Operation>>> {
  const res = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  return res.json<{ paths: Record<string, Record<string, Operation>> }>().paths;
}

describe('OpenAPI error responses', () => {
  it('documents every non-2xx response as application/json only', async () => {
    const paths = await document();
    const wrong = Object.entries(paths).flatMap(([url, operations]) =>
      Object.entries(operations).flatMap(([method, op]) =>
        Object.entries(op.responses ?? {})
          .filter(([status, r]) => !status.startsWith('2') && r.content !== undefined && Object.keys(r.content).join() !== 'application/json')
          .map(([status, r]) => `${method.toUpperCase()} ${url} ${status}: ${Object.keys(r.content ?? {}).join(', ')}`),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('keeps the file types of a download route on its success response, and the error schema on its errors', async () => {
    const marc = (await document())['/api/v1/albums/{id}/marc']?.get?.responses ?? {};
    expect(Object.keys(marc['200']?.content ?? {})).toEqual(['application/marcxml+xml', 'application/marc']);
    expect(Object.keys(marc['404']?.content ?? {})).toEqual(['application/json']);
    expect(JSON.stringify(marc['404']?.content?.['application/json']?.schema)).toContain('error');
  });
});
