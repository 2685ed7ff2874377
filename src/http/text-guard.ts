import { MAX_REPORTED_FIELDS } from './validation.js';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.js';
import type { AppInstance } from './types.js';

/**
 * One rule at the edge for every route's input, instead of a check per route:
 *
 * - Text: PostgreSQL stores neither U+0000 (text and jsonb refuse it) nor unpaired UTF-16
 *   surrogates (not encodable as UTF-8); the other C0 controls (but tab and line breaks) and the
 *   noncharacters U+FFFE/U+FFFF cannot be carried by XML 1.0 (DDEX, MARCXML, .xlsx) and break
 *   ISO 2709 MARC (U+001D–U+001F are its delimiters). So every string in the path parameters, the query and
 *   the body — nested objects and arrays, and object keys too — is checked before schema
 *   validation and the handler. It runs after the authentication hook (registered earlier), so
 *   an anonymous caller of a non-public route still gets 401 first.
 * - Numbers: ajv's type coercion turns the query string "Infinity" into a number and then skips
 *   `minimum`/`maximum` for it, so after validation every number must be finite.
 *
 * Both answer VALIDATION_FAILED naming the field (`recording.credits.0.names.1`).
 */

type Location = 'params' | 'querystring' | 'body';

interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/** C0 controls other than tab, line feed and carriage return; no registrant text needs them. */
const isRefusedControl = (unit: number) => (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || unit === 0xfffe || unit === 0xffff;

/** Index of the first UTF-16 unit refused as text (a control, a noncharacter, an unpaired surrogate) from `from`, or -1. */
function badUnitIndex(text: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isRefusedControl(unit)) {
      return i;
    }
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      return i;
    }
  }
  return -1;
}

/** `U+0000` (or `U+001B`, `U+D800`, …) for the first character refused as text; undefined when all is acceptable. */
export function forbiddenCharacter(text: string): string | undefined {
  const index = badUnitIndex(text);
  return index < 0 ? undefined : `U+${text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A key as it can be shown in a field path: each bad unit becomes U+FFFD, so the error itself stays storable. */
function showKey(key: string): string {
  let out = '';
  let from = 0;
  for (let index = badUnitIndex(key); index >= 0; index = badUnitIndex(key, from)) {
    out += `${key.slice(from, index)}\ufffd`;
    from = index + 1;
  }
  return out + key.slice(from);
}

/** A node met while walking; its dotted path is built only when a problem is reported. */
interface Step {
  value: unknown;
  parent: Step | undefined;
  key: string;
}

function pathOf(step: Step | undefined): string {
  const keys: string[] = [];
  for (let s = step; s?.parent !== undefined; s = s.parent) {
    keys.push(s.key);
  }
  return keys.reverse().join('.');
}

/**
 * Walks a value without recursion (a body may nest arrays thousands deep) and calls `visit` for
 * every leaf; object keys are checked on the way. Stops once enough problems are found.
 */
function walk(root: unknown, visit: (value: unknown, path: () => string, problems: FieldProblem[]) => void, problems: FieldProblem[]): void {
  const stack: Step[] = [{ value: root, parent: undefined, key: '' }];
  for (let step = stack.pop(); step !== undefined && problems.length < MAX_REPORTED_FIELDS; step = stack.pop()) {
    const { value } = step;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i] as unknown, parent: step, key: String(i) });
      }
    } else if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const child: Step = { value: (value as Record<string, unknown>)[key], parent: step, key: showKey(key) };
        const bad = forbiddenCharacter(key);
        if (bad !== undefined) {
          problems.push({ field: pathOf(child), code: 'invalidCharacter', params: { character: bad } });
        }
        stack.push(child);
      }
    } else {
      const current = step;
      visit(value, () => pathOf(current), problems);
    }
  }
}

function textProblem(value: unknown, path: () => string, problems: FieldProblem[]): void {
  if (typeof value === 'string') {
    const bad = forbiddenCharacter(value);
    if (bad !== undefined) {
      problems.push({ field: path() === '' ? '(body)' : path(), code: 'invalidCharacter', params: { character: bad } });
    }
  }
}

/** The JSON schema of the field at a dotted path, where it can be followed (properties and items). */
function schemaAt(schema: unknown, path: string): Record<string, unknown> | undefined {
  let current: unknown = schema;
  for (const segment of path === '' ? [] : path.split('.')) {
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    const node = current as Record<string, unknown>;
    const properties = node.properties as Record<string, unknown> | undefined;
    current = properties !== undefined && Object.hasOwn(properties, segment) ? properties[segment] : node.items;
  }
  return typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : undefined;
}

function numberProblems(request: FastifyRequest, location: Location, value: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const schemas: Partial<Record<Location, unknown>> | undefined = request.routeOptions.schema;
  walk(
    value,
    (leaf, pathOfLeaf, found) => {
      if (typeof leaf !== 'number' || Number.isFinite(leaf)) {
        return;
      }
      const path = pathOfLeaf();
      const field = schemaAt(schemas?.[location], path);
      const bound = leaf > 0 ? field?.maximum : field?.minimum;
      const name = path === '' ? '(body)' : path;
      if (typeof bound === 'number') {
        found.push({ field: name, code: leaf > 0 ? 'maximum' : 'minimum', params: { limit: bound } });
      } else {
        found.push({ field: name, code: 'finiteNumber' });
      }
    },
    problems,
  );
  return problems;
}

function inputsOf(request: FastifyRequest): [Location, unknown][] {
  return [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ];
}

function check(request: FastifyRequest, find: (location: Location, value: unknown) => FieldProblem[]): AppError | undefined {
  if (request.is404) {
    return undefined;
  }
  for (const [location, value] of inputsOf(request)) {
    const problems = find(location, value);
    if (problems.length > 0) {
      return new AppError('VALIDATION_FAILED', { fields: problems, location });
    }
  }
  return undefined;
}

/** Registers the text rule (before validation) and the number rule (after it); call after registerAuth. */
export function registerInputGuards(app: AppInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    done(
      check(request, (_location, value) => {
        const problems: FieldProblem[] = [];
        walk(value, textProblem, problems);
        return problems;
      }),
    );
  });
  app.addHook('preHandler', (request, _reply, done) => {
    done(check(request, (location, value) => numberProblems(request, location, value)));
  });
}
