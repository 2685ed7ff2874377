import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { FieldError } from '../shared/common.schemas.js';
import type { Locale } from '../shared/locale.js';
import { fieldMessage } from './field-messages.js';
import { PROBLEM_CODES, problemMessage } from '../catalog/field-labels.js';

function pathOf(instancePath: string): string {
  return instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
}

function join(base: string, name: string): string {
  return base === '' ? name : `${base}.${name}`;
}

function paramString(params: Record<string, unknown>, key: string): string {
  const value = params[key];
  if (Array.isArray(value)) {
    return value.map(String).join(', ');
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * Fields named in one answer at most: a body of 90,000 unknown keys would otherwise get a 6 MB
 * answer, each entry translated. Enough to correct a form; the rest show on the next try.
 */
export const MAX_REPORTED_FIELDS = 20;

/** Turns ajv's errors into one translated entry per field (first problem per field wins), up to MAX_REPORTED_FIELDS. */
export function fieldErrorsFromAjv(errors: readonly FastifySchemaValidationError[], locale: Locale): FieldError[] {
  const out = new Map<string, FieldError>();
  for (const e of errors) {
    if (out.size >= MAX_REPORTED_FIELDS) {
      break;
    }
    const params = e.params;
    const base = pathOf(e.instancePath);
    let field = base;
    let code = e.keyword;
    const values: Record<string, unknown> = {};
    switch (e.keyword) {
      case 'required':
        field = join(base, paramString(params, 'missingProperty'));
        break;
      case 'additionalProperties':
        field = join(base, paramString(params, 'additionalProperty'));
        code = 'unknownField';
        values.name = paramString(params, 'additionalProperty');
        break;
      case 'enum':
        values.allowed = paramString(params, 'allowedValues');
        break;
      case 'format':
        values.format = paramString(params, 'format');
        // A day no calendar has (2026-02-30) deserves words, not "expected date".
        code = values.format === 'date' ? 'calendarDay' : code;
        break;
      default:
        values.limit = paramString(params, 'limit');
        values.format = paramString(params, 'format');
        values.type = paramString(params, 'type');
    }
    if (e.keyword === 'anyOf' && out.size > 0) {
      continue;
    }
    if (!out.has(field)) {
      out.set(field, { field: field === '' ? '(body)' : field, code, message: fieldMessage(code, locale, values) });
    }
  }
  return [...out.values()];
}

/** Adds translated messages to field errors raised by services (which carry only codes). */
export function translateFieldErrors(fields: unknown, locale: Locale): FieldError[] {
  if (!Array.isArray(fields)) {
    return [];
  }
  return fields.flatMap((f: unknown): FieldError[] => {
    if (typeof f !== 'object' || f === null || !('field' in f) || !('code' in f)) {
      return [];
    }
    const field = String(f.field);
    const code = String(f.code);
    if ('message' in f && typeof f.message === 'string') {
      return [{ field, code, message: f.message }];
    }
    const params = 'params' in f && typeof f.params === 'object' && f.params !== null ? (f.params as Record<string, unknown>) : {};
    return [{ field, code, message: fieldMessage(code, locale, params) }];
  });
}

/** Adds messages to the submission check's problems (album and per track, in track order). */
export function translateProblems(problems: unknown, locale: Locale): unknown[] {
  if (!Array.isArray(problems)) {
    return [];
  }
  return problems.map((p: unknown) => {
    if (typeof p !== 'object' || p === null || !('scope' in p) || !('field' in p) || !('code' in p)) {
      return p;
    }
    const scope = p.scope === 'track' ? 'track' : 'album';
    const code = PROBLEM_CODES.find((c) => c === p.code) ?? 'invalid';
    const position = 'position' in p && typeof p.position === 'number' ? p.position : undefined;
    return { ...p, message: problemMessage(scope, String(p.field), code, locale, position) };
  });
}
