import { Type, type Static } from 'typebox';
import { MAX_DESIGNATIONS_PER_REQUEST } from '../isrc/designation.js';
import { REGISTRANT_CODE_INPUT_PATTERN } from '../isrc/registrant-code.js';
import { Uuid } from '../shared/common.schemas.js';

export const AllocateBody = Type.Object(
  {
    count: Type.Integer({ minimum: 1, maximum: MAX_DESIGNATIONS_PER_REQUEST, description: 'How many consecutive codes' }),
    registrantCode: Type.Optional(Type.String({ pattern: REGISTRANT_CODE_INPUT_PATTERN, description: "Which of the registrant's codes (companies); default: the first" })),
    /** Agency staff allocate on behalf of a registrant. */
    registrantId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type AllocateBody = Static<typeof AllocateBody>;

export const ClaimBody = Type.Object(
  {
    isrc: Type.String({ minLength: 1, maxLength: 40 }),
    registrantId: Type.Optional(Uuid),
    confirmJump: Type.Optional(Type.Boolean({ description: 'Use the code even though it skips more than 100 unused designation codes past next available (after ISRC_JUMP_UNCONFIRMED)' })),
  },
  { additionalProperties: false },
);
export type ClaimBody = Static<typeof ClaimBody>;

export const AssignedIsrc = Type.Object({
  isrc: Type.String({ description: 'Compact form, e.g. TWA012600001' }),
  display: Type.String({ description: 'Display form, e.g. TW-A01-26-00001' }),
  designation: Type.Integer(),
});
export type AssignedIsrc = Static<typeof AssignedIsrc>;

export const AllocationResponse = Type.Object({ isrcs: Type.Array(AssignedIsrc) });
export type AllocationResponse = Static<typeof AllocationResponse>;

export const NextAvailableQuery = Type.Object(
  { registrantCode: Type.Optional(Type.String({ pattern: REGISTRANT_CODE_INPUT_PATTERN })), registrantId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export const NextAvailableResponse = Type.Object({
  isrc: Type.String(),
  display: Type.String(),
  registrantCode: Type.String(),
  yearOfReference: Type.Integer(),
});
export type NextAvailableResponse = Static<typeof NextAvailableResponse>;

export const ValidateQuery = Type.Object(
  {
    code: Type.String({ maxLength: 100 }),
    purpose: Type.Optional(Type.Union([Type.Literal('allocate'), Type.Literal('report-foreign')], { default: 'report-foreign' })),
  },
  { additionalProperties: false },
);
export type ValidateQuery = Static<typeof ValidateQuery>;

export const ValidateResponse = Type.Object({
  valid: Type.Boolean(),
  compact: Type.Optional(Type.String()),
  display: Type.Optional(Type.String()),
  error: Type.Optional(Type.Object({ kind: Type.String(), message: Type.String() })),
  warnings: Type.Optional(Type.Array(Type.Object({ kind: Type.String(), message: Type.String() }))),
});
export type ValidateResponse = Static<typeof ValidateResponse>;
