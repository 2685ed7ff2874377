import { beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { loginCookie } from '../helpers/app.js';
import { realClock, useTestApp } from '../helpers/setup.js';
import { newRegistrant, newStaff, TEST_PASSWORD, type TestMember } from '../helpers/factories.js';

/**
 * Hostile input against every operation of the OpenAPI document, anonymously, as a registrant
 * member and as an agency administrator: wrong types, huge and non-finite numbers, NUL, unpaired
 * surrogates, right-to-left marks, full-width digits, 100,000-character strings, arrays nested
 * 10,000 deep, prototype-pollution keys, unknown fields, malformed JSON and a 3 MB body in every
 * path parameter, query parameter and body field the operation's schema names.
 *
 * The answer must never be a 5xx, never show a stack trace or a file path, and every error must
 * have the shape `{ error: { code, message } }`. Values are sampled per field by a fixed
 * rotation (the same requests on every run), so a new route or field is covered automatically
 * without sending the whole product of fields and values.
 */

const env = useTestApp(realClock);

// ---------------------------------------------------------------------------------------------
// The OpenAPI document, as far as this test reads it

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  minItems?: number;
  $ref?: string;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: unknown[];
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface Op {
  method: Method;
  path: string;
  key: string;
  isPublic: boolean;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: Schema | undefined;
}

let doc: OpenApi;

function resolve(schema: Schema): Schema {
  if (schema.$ref === undefined) {
    return schema;
  }
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = doc.components?.schemas?.[name];
  if (target === undefined) {
    throw new Error(`hostile-input test: unresolved ${schema.$ref}`);
  }
  return resolve(target);
}

function operations(): Op[] {
  const ops: Op[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase() as Method,
        path,
        key: `${method.toUpperCase()} ${path}`,
        isPublic: op.security !== undefined && op.security.length === 0,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        body: op.requestBody?.content['application/json']?.schema,
      });
    }
  }
  // Destructive operations last, so the others still find the real objects.
  const rank = (op: Op) => (op.key === 'POST /api/v1/auth/logout' ? 2 : op.method === 'DELETE' ? 1 : 0);
  return ops.sort((a, b) => rank(a) - rank(b));
}

// ---------------------------------------------------------------------------------------------
// Hostile values

const LONG = 'x'.repeat(100_000);
const DEEP_ARRAY = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
const DEEP_OBJECT = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
const MANY_ITEMS = `[${Array.from({ length: 10_000 }, () => '"x"').join(',')}]`;
const THREE_MB = `{"x":"${'a'.repeat(3 * 1024 * 1024)}"}`;

/** Text for body fields (sent JSON-encoded, so unpaired surrogates travel as \ud800 escapes). */
const TEXT_VALUES: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\udc00\ud800',
  '\u202eevil\u202c',
  '\u200f\u200e\u200f',
  '１２３４５６７８９０',
  LONG,
  '',
  '   ',
  "'; drop table users; --",
  '\ufeff',
  '𠀀🎵',
  'e\u0301',
  '%00',
  'Infinity',
  'NaN',
  '__proto__',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\\u0000',
  '{{constructor.constructor("x")()}}',
  '\u2028\u2029',
  '９９９９９',
  '\u0663\u0664\u0665',
  '99999999999999999999',
  '99:59:60',
  '9999999999:59:59',
  '2999.12.32',
  '0000.00.00',
  'TW-ZZZ-99-99999',
  'ＴＷ－Ａ０１－２６－０００１',
  'tw a01 26 00001',
];

/** Raw JSON for body fields: wrong types, huge and non-finite numbers, deep nesting. */
const JSON_VALUES: readonly string[] = [
  '0',
  '-1',
  '1e308',
  '-1e308',
  '1e400',
  '-1e400',
  '1.5',
  '9007199254740993',
  'true',
  'null',
  '[]',
  '{}',
  DEEP_ARRAY,
  DEEP_OBJECT,
  MANY_ITEMS,
  '["\\u0000"]',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
];

/** Raw JSON members added to an object of the body. */
const KEY_VALUES: readonly string[] = [
  '"__proto__":{"polluted":true}',
  '"constructor":{"prototype":{"polluted":true}}',
  '"prototype":{"polluted":true}',
  '"unknownField":"x"',
  '"\\u0000":1',
  '"a\\ud800":1',
  '"__proto__":null',
  '"toString":1',
  '"hasOwnProperty":"x"',
];

/** Whole bodies: malformed, wrong top-level types, deep, huge, other media types. */
const BODIES: readonly { payload: string | Buffer; type: string }[] = [
  { payload: '{"a":', type: 'application/json' },
  { payload: '', type: 'application/json' },
  { payload: 'null', type: 'application/json' },
  { payload: '[]', type: 'application/json' },
  { payload: '"text"', type: 'application/json' },
  { payload: '1e400', type: 'application/json' },
  { payload: DEEP_ARRAY, type: 'application/json' },
  { payload: DEEP_OBJECT, type: 'application/json' },
  { payload: THREE_MB, type: 'application/json' },
  { payload: '{"__proto__":{"polluted":true}}', type: 'application/json' },
  { payload: '{"constructor":{"prototype":{"polluted":true}}}', type: 'application/json' },
  { payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0xff, 0x22, 0x7d]), type: 'application/json' },
  { payload: '\ufeff{}', type: 'application/json' },
  { payload: '{}', type: 'application/json; charset=utf-16' },
  { payload: 'hello', type: 'text/plain' },
  { payload: 'a=1&__proto__=2', type: 'application/x-www-form-urlencoded' },
  { payload: '{}', type: 'multipart/form-data; boundary=x' },
];

const enc = encodeURIComponent;

/** Raw (already percent-encoded) values for path and query parameters. */
const URL_VALUES: readonly string[] = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%ED%B0%80',
  '%C0%80',
  '%FF',
  '%',
  '%zz',
  '%E2%80%AE',
  enc('\u200fx\u200e'),
  enc('１２３'),
  LONG,
  '..',
  '%2e%2e',
  '%2F',
  '0',
  '-1',
  '1e308',
  'Infinity',
  '-Infinity',
  '%2BInfinity',
  'NaN',
  'true',
  'null',
  '',
  '%20',
  '__proto__',
  'constructor',
  enc("' OR 1=1 --"),
  enc('<script>'),
  '00000000-0000-4000-8000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
];

/** Session cookies an anonymous caller sends (each must simply mean: no session). */
const COOKIE_VALUES: readonly string[] = ['%00', 'abc%00def', '%ED%A0%80', '%', 'x'.repeat(5_000), '', '""', 'a b', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '__proto__'];

/** Extra query members. */
const QUERY_EXTRAS: readonly string[] = ['__proto__=1', '__proto__[polluted]=1', 'constructor=1', 'prototype=1', '%00=1', 'a%ED%A0%80=1', 'unknown=1', '=1', '&&&', 'a=1&a=2&a=3'];

/**
 * A fixed rotation through a list: the same values for the same field on every run. With
 * HOSTILE_FULL=1 every value is sent everywhere instead (minutes, not seconds: for hunting locally).
 */
const FULL = process.env.HOSTILE_FULL === '1';

class Rotation {
  private n = 0;
  next<T>(list: readonly T[]): T {
    const value = list[this.n % list.length] as T;
    this.n += 1;
    return value;
  }
  /** `count` values in turn, or all of them in full mode. */
  take<T>(list: readonly T[], count: number): readonly T[] {
    return FULL ? list : Array.from({ length: count }, () => this.next(list));
  }
}

// ---------------------------------------------------------------------------------------------
// Valid values, so a request with one hostile field reaches as far as it can

const MARK = 'HOSTILE-MARK-3b9f';
const KEY_MARK = 'HOSTILE-KEY-3b9f';

interface Ids {
  registrantId: string;
  otherRegistrantId: string;
  albumId: string;
  trackId: string;
  otherAlbumId: string;
  otherTrackId: string;
  userIds: string[];
  loginName: string;
  registrantCode: string;
}

function validString(schema: Schema, name: string, ids: Ids): string {
  if (schema.format === 'uuid') {
    return name === 'registrantId' ? ids.registrantId : '00000000-0000-4000-8000-000000000000';
  }
  if (schema.format === 'email') {
    return 'fuzz@example.org';
  }
  if (name === 'loginName') {
    return ids.loginName;
  }
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 1_000;
  const candidates = ['fuzz value', 'fuzz-value-long', ids.registrantCode, '0912345678', 'TW-A01-26-00001', 'x'.repeat(Math.max(min, 1))];
  const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern, 'u');
  return candidates.find((c) => c.length >= min && c.length <= max && (pattern === undefined || pattern.test(c))) ?? 'x'.repeat(Math.max(min, 1));
}

function typeOf(schema: Schema): string | undefined {
  return Array.isArray(schema.type) ? schema.type[0] : schema.type;
}

function validValue(raw: Schema, name: string, ids: Ids): unknown {
  const schema = resolve(raw);
  const options = schema.anyOf ?? schema.oneOf;
  if (options !== undefined && options[0] !== undefined) {
    return validValue(options[0], name, ids);
  }
  if (schema.const !== undefined) {
    return schema.const;
  }
  if (schema.enum !== undefined) {
    return schema.enum[0];
  }
  switch (typeOf(schema) ?? (schema.properties !== undefined ? 'object' : undefined)) {
    case 'string':
      return validString(schema, name, ids);
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case undefined:
      return 'fuzz value';
    case 'array':
      return schema.items !== undefined && (schema.minItems ?? 0) > 0 ? [validValue(schema.items, name, ids)] : [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        const property = schema.properties?.[key];
        if (property !== undefined) {
          out[key] = validValue(property, key, ids);
        }
      }
      return out;
    }
    default:
      return 'fuzz value';
  }
}

/** The object-shaped alternatives of a schema (anyOf of objects, or itself). */
function objectOptions(raw: Schema): Schema[] {
  const schema = resolve(raw);
  const options = (schema.anyOf ?? schema.oneOf ?? [schema]).map(resolve);
  return options.filter((o) => o.properties !== undefined);
}

function arrayItems(raw: Schema): Schema | undefined {
  const schema = resolve(raw);
  if (schema.items !== undefined) {
    return schema.items;
  }
  return (schema.anyOf ?? schema.oneOf ?? []).map(resolve).find((o) => o.items !== undefined)?.items;
}

/** A valid value with MARK at `segments` (creating what is on the way). */
function buildWith(raw: Schema, segments: readonly string[], name: string, ids: Ids): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) {
    return MARK;
  }
  const items = arrayItems(raw);
  if (items !== undefined && /^\d+$/.test(head)) {
    const index = Number(head);
    const out: unknown[] = [];
    for (let i = 0; i < index; i++) {
      out.push(validValue(items, name, ids));
    }
    out.push(buildWith(items, rest, name, ids));
    return out;
  }
  const option = objectOptions(raw).find((o) => o.properties?.[head] !== undefined) ?? objectOptions(raw)[0] ?? resolve(raw);
  const base = validValue(option, name, ids);
  const out: Record<string, unknown> = typeof base === 'object' && base !== null && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  const property = option.properties?.[head];
  out[head] = property === undefined ? (rest.length === 0 ? MARK : {}) : buildWith(property, rest, head, ids);
  return out;
}

/** Every field path of a body schema (objects' properties, arrays' first items), and every object's path. */
function fieldPaths(raw: Schema, prefix: string[], fields: Map<string, string[]>, objects: Map<string, string[]>): void {
  const options = objectOptions(raw);
  if (options.length > 0) {
    objects.set(prefix.join('.'), prefix);
  }
  for (const option of options) {
    for (const [name, property] of Object.entries(option.properties ?? {})) {
      const path = [...prefix, name];
      fields.set(path.join('.'), path);
      fieldPaths(property, path, fields, objects);
    }
  }
  const items = arrayItems(raw);
  if (items !== undefined) {
    const path = [...prefix, '0'];
    fields.set(path.join('.'), path);
    fieldPaths(items, path, fields, objects);
  }
}

// ---------------------------------------------------------------------------------------------
// Requests

interface Case {
  label: string;
  method: Method;
  url: string;
  payload?: string | Buffer;
  type?: string;
}

function realPathValue(op: Op, name: string, ids: Ids): string {
  if (op.path.startsWith('/api/v1/albums/{id}')) {
    return name === 'trackId' ? ids.trackId : ids.albumId;
  }
  if (op.path.startsWith('/api/v1/registrants/{id}')) {
    return ids.registrantId;
  }
  if (op.path.startsWith('/api/v1/users/{id}')) {
    return ids.userIds[0] ?? '00000000-0000-4000-8000-000000000000';
  }
  return '00000000-0000-4000-8000-000000000000';
}

/** Other ids worth trying in a path: another registrant's objects, other users, a real id with a trailing mark. */
function otherPathValues(op: Op, name: string, ids: Ids): string[] {
  const real = realPathValue(op, name, ids);
  const others = op.path.startsWith('/api/v1/albums/{id}')
    ? [name === 'trackId' ? ids.otherTrackId : ids.otherAlbumId]
    : op.path.startsWith('/api/v1/registrants/{id}')
      ? [ids.otherRegistrantId]
      : ids.userIds.slice(1);
  return [...others, real.toUpperCase(), `${real}${enc('\u200f')}`, `${real}%00`, `${enc('\u202e')}${real}`];
}

function urlFor(op: Op, pathValues: Readonly<Record<string, string>>, query: readonly string[]): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_whole, name: string) => pathValues[name] ?? '');
  return query.length === 0 ? path : `${path}?${query.join('&')}`;
}

function queryValue(param: Parameter, ids: Ids): string {
  const value = validValue(param.schema, param.name, ids);
  return `${enc(param.name)}=${enc(String(value))}`;
}

function casesFor(op: Op, ids: Ids, rotation: Rotation): Case[] {
  const cases: Case[] = [];
  const realPath = Object.fromEntries(op.pathParams.map((p) => [p.name, realPathValue(op, p.name, ids)]));
  const baseQuery = op.queryParams.filter((p) => p.required === true).map((p) => queryValue(p, ids));
  const hasBodyMethod = op.method !== 'GET';
  const baseBody = op.body === undefined ? undefined : JSON.stringify(validValue(op.body, '', ids));
  const add = (label: string, url: string, payload?: string | Buffer, type = 'application/json') => {
    cases.push({ label, method: op.method, url, ...(payload === undefined ? {} : { payload, type }) });
  };

  // The valid request, on real objects.
  add('valid', urlFor(op, realPath, baseQuery), baseBody);

  // Path parameters: other real ids, and hostile values.
  for (const param of op.pathParams) {
    for (const value of [...rotation.take(otherPathValues(op, param.name, ids), 1), ...rotation.take(URL_VALUES, 4)]) {
      add(`path ${param.name}=${value.slice(0, 40)}`, urlFor(op, { ...realPath, [param.name]: value }, baseQuery), baseBody);
    }
  }

  // Query parameters: hostile values one at a time, then every parameter at once, then extra members.
  for (const param of op.queryParams) {
    const others = baseQuery.filter((q) => !q.startsWith(`${enc(param.name)}=`));
    for (const value of rotation.take(URL_VALUES, 3)) {
      add(`query ${param.name}=${value.slice(0, 40)}`, urlFor(op, realPath, [...others, `${enc(param.name)}=${value}`]), baseBody);
    }
  }
  if (op.queryParams.length > 0) {
    const all = op.queryParams.map((p) => `${enc(p.name)}=${rotation.next(URL_VALUES)}`);
    add('query all hostile', urlFor(op, realPath, all), baseBody);
  }
  for (const extra of rotation.take(QUERY_EXTRAS, 1)) {
    add(`query extra ${extra}`, urlFor(op, realPath, [...baseQuery, extra]), baseBody);
  }

  // Body fields: one hostile text and one hostile JSON value per field; a hostile member per object.
  if (op.body !== undefined) {
    const fields = new Map<string, string[]>();
    const objects = new Map<string, string[]>();
    fieldPaths(op.body, [], fields, objects);
    const url = urlFor(op, realPath, baseQuery);
    for (const [name, segments] of fields) {
      const body = JSON.stringify(buildWith(op.body, segments, '', ids));
      for (const fragment of [...rotation.take(TEXT_VALUES, 2).map((t) => JSON.stringify(t)), ...rotation.take(JSON_VALUES, 2)]) {
        add(`body ${name}=${fragment.slice(0, 40)}`, url, body.replace(JSON.stringify(MARK), fragment));
      }
    }
    for (const [name, segments] of objects) {
      const body = JSON.stringify(buildWith(op.body, [...segments, KEY_MARK], '', ids));
      for (const member of rotation.take(KEY_VALUES, 2)) {
        add(`body member ${name || '(root)'} ${member.slice(0, 40)}`, url, body.replace(`${JSON.stringify(KEY_MARK)}:${JSON.stringify(MARK)}`, member));
      }
    }
  }

  // Whole bodies: all of them where the operation takes a body, a few elsewhere.
  if (hasBodyMethod) {
    const url = urlFor(op, realPath, baseQuery);
    const bodies = op.body === undefined ? rotation.take(BODIES, 3) : BODIES;
    for (const { payload, type } of bodies) {
      add(`whole body ${type} ${String(payload).slice(0, 30)}`, url, payload, type);
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Checking the answers

const LEAKS: readonly { name: string; test: (body: string) => boolean }[] = [
  { name: 'file path /work/', test: (b) => b.includes('/work/') },
  { name: 'node_modules', test: (b) => b.includes('node_modules') },
  { name: '.ts: position', test: (b) => b.includes('.ts:') },
  // `at fn (/path/file.js:12:5)`, `at /path/file.js:12:5`, `at node:internal/…:3:9`
  { name: 'stack frame', test: (b) => /\bat [^\n"]*?(?:\.[cm]?[jt]sx?|node:[\w/]+):\d+:\d+/.test(b) || /\n\s+at /.test(b) },
];

function problemsOf(res: LightMyRequestResponse): string[] {
  const problems: string[] = [];
  if (res.statusCode >= 500) {
    problems.push(`status ${res.statusCode}`);
  }
  for (const leak of LEAKS) {
    if (leak.test(res.body)) {
      problems.push(`leaks ${leak.name}`);
    }
  }
  if (res.statusCode >= 400) {
    let json: unknown;
    try {
      json = JSON.parse(res.body);
    } catch {
      problems.push('error body is not JSON');
    }
    const error = typeof json === 'object' && json !== null && 'error' in json ? json.error : undefined;
    const shaped = typeof error === 'object' && error !== null && 'code' in error && 'message' in error && typeof error.code === 'string' && typeof error.message === 'string';
    if (json !== undefined && !shaped) {
      problems.push('error body is not { error: { code, message } }');
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The run

type RoleName = 'anonymous' | 'member' | 'staff';

interface Role {
  name: RoleName;
  address: string;
  login?: { loginName: string; password: string };
  cookie?: string;
  ids: Ids;
}

let member: TestMember;
let other: TestMember;
const roles: Role[] = [];

async function createAlbumWithTrack(cookie: string): Promise<{ albumId: string; trackId: string }> {
  const album = await env.app.inject({ method: 'POST', url: '/api/v1/albums', headers: { cookie }, payload: { releaseType: 'digital' } });
  expect(album.statusCode, album.body).toBe(201);
  const albumId = album.json<{ id: string }>().id;
  const track = await env.app.inject({ method: 'POST', url: `/api/v1/albums/${albumId}/tracks`, headers: { cookie }, payload: { isrc: { mode: 'none' }, recording: { title: '真的歌' } } });
  expect(track.statusCode, track.body).toBe(201);
  return { albumId, trackId: track.json<{ id: string }>().id };
}

beforeAll(async () => {
  doc = env.app.swagger() as unknown as OpenApi;
  member = await newRegistrant(env.ctx, 'company');
  other = await newRegistrant(env.ctx, 'company');
  const admin = await newStaff(env.ctx, 'agency_admin');
  // Users only the fuzzing may change (reset, suspend): never the ones it signs in as.
  const victims = [await newStaff(env.ctx, 'agency_officer'), await newRegistrant(env.ctx, 'company'), await newStaff(env.ctx, 'agency_admin')];
  // The account logins are tried against (it gets throttled, nobody else does).
  const loginTarget = await newStaff(env.ctx, 'agency_officer');

  const memberCookie = await loginCookie(env.app, member.loginName, TEST_PASSWORD);
  const otherCookie = await loginCookie(env.app, other.loginName, TEST_PASSWORD);
  const adminCookie = await loginCookie(env.app, admin.loginName, TEST_PASSWORD);
  const otherObjects = await createAlbumWithTrack(otherCookie);
  const idsFor = async (): Promise<Ids> => {
    const own = await createAlbumWithTrack(memberCookie);
    return {
      registrantId: member.registrantId,
      otherRegistrantId: other.registrantId,
      albumId: own.albumId,
      trackId: own.trackId,
      otherAlbumId: otherObjects.albumId,
      otherTrackId: otherObjects.trackId,
      userIds: victims.map((v) => v.userId),
      loginName: loginTarget.loginName,
      registrantCode: member.codes[0] ?? 'AAA',
    };
  };
  roles.push({ name: 'anonymous', address: '10.66.0.1', ids: await idsFor() });
  roles.push({ name: 'member', address: '10.66.0.2', login: { loginName: member.loginName, password: TEST_PASSWORD }, cookie: memberCookie, ids: await idsFor() });
  roles.push({ name: 'staff', address: '10.66.0.3', login: { loginName: admin.loginName, password: TEST_PASSWORD }, cookie: adminCookie, ids: await idsFor() });
});

/** Signs in again when the fuzzing ended the session (logout, or a change that revokes it). */
async function keepSignedIn(role: Role): Promise<void> {
  if (role.login === undefined || role.cookie === undefined) {
    return;
  }
  const me = await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: role.cookie } });
  if (me.statusCode === 401) {
    role.cookie = await loginCookie(env.app, role.login.loginName, role.login.password);
  } else {
    expect(me.statusCode, me.body).toBe(200);
  }
}

describe('hostile input on every operation', () => {
  it('never answers 5xx, never leaks internals, always answers errors as { error: { code, message } }', { timeout: 240_000 }, async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(30);
    const failures: string[] = [];
    const statuses = new Map<string, number>();
    const reached = new Map<RoleName, Set<string>>();
    let sent = 0;
    const started = performance.now();
    for (const role of roles) {
      const rotation = new Rotation();
      reached.set(role.name, new Set());
      for (const op of ops) {
        for (const c of casesFor(op, role.ids, rotation)) {
          const lang = sent % 2 === 0 ? 'zh-TW' : 'en';
          const res = await env.app.inject({
            method: c.method,
            url: c.url,
            remoteAddress: role.address,
            headers: {
              'accept-language': lang,
              cookie: role.cookie ?? `isrc_session=${rotation.next(COOKIE_VALUES)}`,
              ...(c.type === undefined ? {} : { 'content-type': c.type }),
            },
            ...(c.payload === undefined ? {} : { payload: c.payload }),
          });
          sent += 1;
          const bucket = `${role.name} ${res.statusCode}`;
          statuses.set(bucket, (statuses.get(bucket) ?? 0) + 1);
          if (res.statusCode < 300) {
            reached.get(role.name)?.add(op.key);
          }
          const problems = problemsOf(res);
          if (problems.length > 0) {
            failures.push(`${role.name} ${op.key} [${c.label}] ${c.method} ${c.url.slice(0, 160)} → ${res.statusCode} ${problems.join(', ')}: ${res.body.slice(0, 300)}`);
          }
        }
        await keepSignedIn(role);
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(`hostile input: ${sent} requests in ${seconds} s; ${[...statuses].map(([k, v]) => `${k}×${v}`).join(', ')}`);

    expect(failures.slice(0, 40)).toEqual([]);
    // Prototype pollution would show on every object of the server's process (the test's own).
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The valid requests really reached the handlers (else the fuzzing proves little).
    const publicOps = new Set(ops.filter((op) => op.isPublic).map((op) => op.key));
    expect([...(reached.get('anonymous') ?? [])].filter((key) => !publicOps.has(key))).toEqual([]);
    expect(reached.get('anonymous')).toContain('GET /api/v1/vocabularies');
    expect(reached.get('member')?.size ?? 0).toBeGreaterThan(10);
    expect(reached.get('staff')?.size ?? 0).toBeGreaterThan(15);
  });

  it('is still healthy afterwards', async () => {
    const health = await env.app.inject({ method: 'GET', url: '/readyz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ready', database: 'ok' });
    const login = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { loginName: member.loginName, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(200);
  });
});
