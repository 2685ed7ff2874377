import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, RouteOptions } from 'fastify';
import { AppError } from '../shared/errors.js';
import type { AppInstance } from './types.js';

/**
 * Numbers in the query and the path are written in plain decimal. The schema check coerces a
 * string the way `Number()` does, so `page=0x10`, `pageSize=1e1`, `page=+5`, `page=%205` or
 * `year=0b11111101010` would pass as numbers. Every route whose `querystring` or `params` schema
 * declares an `integer` or `number` property (or an array of them) gets a preValidation check,
 * added once where routes are registered so a new route needs nothing of its own. A refused value
 * gets the answer a non-number gets from the schema: VALIDATION_FAILED, `type` integer or number,
 * named as the schema check names it (`ids.1` for an array item). The schemas, and so the OpenAPI
 * document, are untouched.
 */

type NumberKind = 'integer' | 'number';
type Location = 'querystring' | 'params';

interface NumericField {
  name: string;
  kind: NumberKind;
  /** The property is an array of numbers (`?ids=1&ids=2`), each item checked and named by index. */
  array: boolean;
}

const PLAIN: Record<NumberKind, RegExp> = {
  integer: /^-?\d+$/,
  number: /^-?\d+(?:\.\d+)?$/,
};

type SchemaNode = Record<string, unknown>;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null;
}

/** The branches a schema may be satisfied by: itself, or those of its unions (`Optional`, `| null`). */
function branchesOf(schema: unknown): SchemaNode[] {
  if (!isNode(schema)) {
    return [];
  }
  const union = [schema.anyOf, schema.oneOf].find(Array.isArray) as unknown[] | undefined;
  return union === undefined ? [schema] : union.flatMap(branchesOf);
}

function typesOf(node: SchemaNode): string[] {
  return [node.type].flat().filter((t): t is string => typeof t === 'string');
}

/**
 * The number kind a property's schema takes, or undefined. A union that also takes plain text
 * (`integer | 'all'`) is left to the schema: there a non-decimal string is not a number at all.
 */
function numberKindOf(schema: unknown): NumberKind | undefined {
  const types = branchesOf(schema).flatMap(typesOf);
  if (types.includes('string')) {
    return undefined;
  }
  return types.includes('number') ? 'number' : types.includes('integer') ? 'integer' : undefined;
}

/** The integer- or number-typed properties of a querystring or params schema (through top-level unions). */
export function numericFields(schema: unknown): NumericField[] {
  const fields = new Map<string, NumericField>();
  for (const branch of branchesOf(schema)) {
    const properties = isNode(branch.properties) ? branch.properties : {};
    for (const [name, property] of Object.entries(properties)) {
      const scalar = numberKindOf(property);
      const arrays = branchesOf(property).filter((node) => typesOf(node).includes('array'));
      const item = arrays.length > 0 ? numberKindOf(arrays.map((node) => node.items)[0]) : undefined;
      if (scalar !== undefined) {
        fields.set(name, { name, kind: scalar, array: false });
      } else if (item !== undefined) {
        fields.set(name, { name, kind: item, array: true });
      }
    }
  }
  return [...fields.values()];
}

interface FieldProblem {
  field: string;
  code: 'type';
  params: { type: NumberKind };
}

/** The values of one field that are not plain decimal, each named as ajv would name it. */
function problemsOf(field: NumericField, value: unknown): FieldProblem[] {
  const problem = (name: string): FieldProblem => ({ field: name, code: 'type', params: { type: field.kind } });
  if (field.array) {
    // A single `?ids=0x1` arrives as a string; the schema check wraps it into an array of one.
    return [value].flat().flatMap((item: unknown, index) => (typeof item === 'string' && !PLAIN[field.kind].test(item) ? [problem(`${field.name}.${index}`)] : []));
  }
  // A repeated scalar (`?page=1&page=2`) is refused by the schema check itself.
  return typeof value === 'string' && !PLAIN[field.kind].test(value) ? [problem(field.name)] : [];
}

function findProblems(fields: readonly NumericField[], input: unknown): FieldProblem[] {
  const values = isNode(input) ? input : {};
  return fields.flatMap((field) => (Object.hasOwn(values, field.name) ? problemsOf(field, values[field.name]) : []));
}

type Hook = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void;

/** The check for one route, or undefined when its schemas declare no number in the path or the query. */
function decimalCheck(route: RouteOptions): Hook | undefined {
  const query = numericFields(route.schema?.querystring);
  const params = numericFields(route.schema?.params);
  if (query.length === 0 && params.length === 0) {
    return undefined;
  }
  return (request, _reply, done) => {
    const inPath = findProblems(params, request.params);
    const inQuery = inPath.length > 0 ? [] : findProblems(query, request.query);
    const location: Location = inPath.length > 0 ? 'params' : 'querystring';
    const fields = inPath.length > 0 ? inPath : inQuery;
    done(fields.length === 0 ? undefined : new AppError('VALIDATION_FAILED', { fields, location }));
  };
}

/** Adds the decimal check to every route registered from now on; call before the routes. */
export function registerDecimalNumbers(app: AppInstance): void {
  app.addHook('onRoute', (route) => {
    const check = decimalCheck(route);
    if (check !== undefined) {
      // Appended, so it runs after the app-wide preValidation hooks (authentication first, then the text guard).
      route.preValidation = [...[route.preValidation ?? []].flat(), check];
    }
  });
}
