import type { TSchema } from 'typebox';

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
