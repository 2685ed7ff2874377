import { Type, type Static } from 'typebox';
import { CalendarDay, Text } from '../shared/common.schemas.js';

/** Browser-safe: the API token routes' bodies and answers (validation, OpenAPI, web types). */

/** How many tokens one user may hold at a time (not revoked); each is a standing credential. */
export const API_TOKENS_MAX_PER_USER = 20;

export const CreateApiTokenBody = Type.Object(
  {
    name: Text(100, { description: 'What the token is for, e.g. "ERP 上架系統"' }),
    expiresOn: Type.Optional(CalendarDay("Last day the token works (YYYY-MM-DD, the agency's calendar); it stops at the end of that day. Omitted: it never expires.")),
  },
  { additionalProperties: false },
);
export type CreateApiTokenBody = Static<typeof CreateApiTokenBody>;

export const ApiTokenResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  /** The token's first characters, to tell tokens apart (never enough to use it). */
  prefix: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'Updated at most once a minute' }),
  expired: Type.Boolean(),
});
export type ApiTokenResponse = Static<typeof ApiTokenResponse>;

export const ApiTokenList = Type.Array(ApiTokenResponse);
export type ApiTokenList = Static<typeof ApiTokenList>;

export const CreatedApiTokenResponse = Type.Object({
  ...ApiTokenResponse.properties,
  token: Type.String({ description: 'The whole token (`isrc_…`): shown this once, then only its hash is kept' }),
});
export type CreatedApiTokenResponse = Static<typeof CreatedApiTokenResponse>;
