import type { TSchema } from 'typebox';
import { AppError } from './errors.js';

/**
 * The `maxLength` a string field's schema declares, through `Optional` and `| null` unions: the
 * one number both the request validation and the check on the stored text use.
 */
export function declaredMaxLength(schema: TSchema): number | undefined {
  const node = schema as { maxLength?: unknown; anyOf?: readonly TSchema[] };
  if (typeof node.maxLength === 'number') {
    return node.maxLength;
  }
  for (const branch of node.anyOf ?? []) {
    const limit = declaredMaxLength(branch);
    if (limit !== undefined) {
      return limit;
    }
  }
  return undefined;
}

/** Length in code points, as ajv's `maxLength` counts it (not UTF-16 units). */
export function codePointLength(value: string): number {
  return Array.from(value).length;
}

/** A field whose text as stored is longer than its schema allows: the problem request validation reports. */
export interface StoredLengthProblem {
  field: string;
  code: 'maxLength';
  params: { limit: number };
}

/**
 * The text fields of `stored` (cleaned as they will be stored) that are longer than the `maxLength`
 * their property in the object schema declares, named `prefix` + key. The request was checked
 * before NFC, which can lengthen text (U+1D160 becomes three code points): this holds the same
 * limit, read from the same schema, on the text as stored.
 */
export function storedLengthProblems(schema: { properties: Record<string, TSchema> }, stored: object, prefix = ''): StoredLengthProblem[] {
  return Object.entries(stored).flatMap(([key, value]: [string, unknown]) => {
    const property = Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
    const limit = property === undefined || typeof value !== 'string' ? undefined : declaredMaxLength(property);
    return limit !== undefined && typeof value === 'string' && codePointLength(value) > limit ? [{ field: `${prefix}${key}`, code: 'maxLength' as const, params: { limit } }] : [];
  });
}

/** `stored`, after refusing (VALIDATION_FAILED, as request validation would) any text longer than its schema allows. */
export function withinStoredLengths<T extends object>(schema: { properties: Record<string, TSchema> }, stored: T, prefix = ''): T {
  const fields = storedLengthProblems(schema, stored, prefix);
  if (fields.length > 0) {
    throw new AppError('VALIDATION_FAILED', { fields });
  }
  return stored;
}
