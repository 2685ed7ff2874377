import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { numericFields, registerDecimalNumbers } from './decimal-query.js';
import { errorHandler } from './error-handler.js';

describe('numericFields', () => {
  it('finds integers and numbers through Optional and null unions, and arrays of them', () => {
    const query = Type.Object({
      page: Type.Optional(Type.Integer({ minimum: 1 })),
      ratio: Type.Union([Type.Number(), Type.Null()]),
      ids: Type.Optional(Type.Array(Type.Integer())),
      q: Type.Optional(Type.String()),
      either: Type.Union([Type.Integer(), Type.Literal('all')]),
    });
    expect(numericFields(query)).toEqual([
      { name: 'page', kind: 'integer', array: false },
      { name: 'ratio', kind: 'number', array: false },
      { name: 'ids', kind: 'integer', array: true },
    ]);
    expect(numericFields(undefined)).toEqual([]);
  });
});

describe('registerDecimalNumbers', () => {
  async function app() {
    const server = Fastify({ ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true } } }).withTypeProvider<TypeBoxTypeProvider>();
    server.setErrorHandler(errorHandler);
    registerDecimalNumbers(server);
    const querystring = Type.Object({ ids: Type.Optional(Type.Array(Type.Integer())), share: Type.Optional(Type.Number()) });
    server.get('/n/:n', { schema: { params: Type.Object({ n: Type.Integer() }), querystring } }, (request) => ({ ...request.params, ...request.query }));
    await server.ready();
    return server;
  }
  const fieldsOf = (body: string) => (JSON.parse(body) as { error: { details: { fields: { field: string }[]; location: string } } }).error.details;

  it('takes plain decimal in the path, array items and numbers', async () => {
    const server = await app();
    const good = await server.inject('/n/7?ids=1&ids=-2&share=0.25');
    expect(good.json()).toEqual({ n: 7, ids: [1, -2], share: 0.25 });
    const path = await server.inject('/n/0x7');
    expect(path.statusCode).toBe(400);
    expect(fieldsOf(path.body)).toMatchObject({ fields: [{ field: 'n', code: 'type' }], location: 'params' });
    const items = await server.inject('/n/7?ids=1&ids=1e1');
    expect(fieldsOf(items.body)).toMatchObject({ fields: [{ field: 'ids.1', code: 'type' }], location: 'querystring' });
    // The schema check names an array item the same way.
    expect(fieldsOf((await server.inject('/n/7?ids=abc')).body).fields).toEqual(fieldsOf((await server.inject('/n/7?ids=0x1')).body).fields);
    for (const share of ['.5', '1.', '1e-1', '0x1', '%2B1']) {
      expect((await server.inject(`/n/7?share=${share}`)).statusCode, share).toBe(400);
    }
    await server.close();
  });
});
