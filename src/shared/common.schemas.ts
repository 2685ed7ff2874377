import { Type, type Static, type TSchema } from 'typebox';

/** Browser-safe: shared by the API (validation, OpenAPI) and the web app (types). */

export const Uuid = Type.String({ format: 'uuid' });

/**
 * YYYY-MM-DD, a day that exists: the pattern gives the shape, `format: 'date'` (ajv-formats) refuses
 * days no calendar has (2026-02-30, month 13), which would otherwise reach the database and fail
 * there; year 0000 does not exist in PostgreSQL either. Refused as VALIDATION_FAILED `calendarDay`.
 */
export function CalendarDay(description: string) {
  return Type.String({ pattern: '^(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}$', format: 'date', description });
}

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

export const FieldError = Type.Object({
  field: Type.String({ description: 'Path of the field, e.g. `email` or `tracks.2.title`' }),
  code: Type.String({ description: 'Machine code of the rule, e.g. `required`, `maxLength`' }),
  message: Type.String(),
});
export type FieldError = Static<typeof FieldError>;

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine code, e.g. `ISRC_TAKEN`' }),
      message: Type.String({ description: 'Human message in the language asked for by Accept-Language' }),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      requestId: Type.Optional(Type.String({ description: 'Id of the request, also in the `X-Request-Id` header and every log line about it' })),
    }),
  },
  { $id: 'ErrorResponse' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

/** The highest page number a list accepts (100,000 pages of up to 100 rows). */
export const MAX_PAGE = 100_000;
/** The most rows per page. */
export const MAX_PAGE_SIZE = 100;

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1, description: `Page number, 1 to ${MAX_PAGE}` })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 10, description: `Rows per page, 1 to ${MAX_PAGE_SIZE}` })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
};

export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Trimmed, non-empty display text of bounded length. */
export function Text(maxLength: number, options: { minLength?: number; description?: string } = {}) {
  return Type.String({ minLength: options.minLength ?? 1, maxLength, ...(options.description ? { description: options.description } : {}) });
}
