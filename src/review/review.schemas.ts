import { Type, type Static } from 'typebox';

/** Browser-safe: the agency's decisions on a submitted album. */

/** 退回: the reason is shown to the registrant at the top of the album, so it must say something. */
export const ReturnBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export type ReturnBody = Static<typeof ReturnBody>;
