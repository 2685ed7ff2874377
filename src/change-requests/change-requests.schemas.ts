import { Type, type Static } from 'typebox';
import { PageOf, PageQuery, Uuid } from '../shared/common.schemas.js';
import { CHANGE_REQUEST_STATUSES } from '../shared/enums.js';
import { ATTACHMENT_TYPES, CHANGEABLE_FIELDS } from './change-request-fields.js';

export const ChangeableFieldSchema = Type.Enum(CHANGEABLE_FIELDS, { description: 'A registrant field a registrant may ask to change' });
export const ChangeRequestStatusSchema = Type.Enum(CHANGE_REQUEST_STATUSES, {
  description: 'pending until the agency approves or rejects it, or the registrant withdraws it (kept on record)',
});

/** What the registrant asks: the new values (the server takes the current ones as `before`), and why. */
export const CreateChangeRequestBody = Type.Object(
  {
    changes: Type.Array(Type.Object({ field: ChangeableFieldSchema, after: Type.String({ maxLength: 300 }) }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: CHANGEABLE_FIELDS.length,
    }),
    reason: Type.String({ minLength: 1, maxLength: 1000, description: '異動原因' }),
  },
  { additionalProperties: false },
);
export type CreateChangeRequestBody = Static<typeof CreateChangeRequestBody>;

export const RejectChangeRequestBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });
export type RejectChangeRequestBody = Static<typeof RejectChangeRequestBody>;

export const FieldChangeResponse = Type.Object({ field: ChangeableFieldSchema, before: Type.String(), after: Type.String() });

export const AttachmentResponse = Type.Object({
  fileName: Type.String({ description: 'The name the file was uploaded with (sanitised)' }),
  contentType: Type.Enum(ATTACHMENT_TYPES, { description: 'Decided by the content, not the name' }),
  size: Type.Integer(),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});

export const ChangeRequestResponse = Type.Object({
  id: Uuid,
  registrantId: Uuid,
  registrantName: Type.String(),
  status: ChangeRequestStatusSchema,
  changes: Type.Array(FieldChangeResponse),
  reason: Type.String(),
  attachment: Type.Union([AttachmentResponse, Type.Null()]),
  decisionReason: Type.Union([Type.String(), Type.Null()]),
  requestedByName: Type.Union([Type.String(), Type.Null()]),
  decidedByName: Type.Union([Type.String(), Type.Null()], { description: 'The officer who decided, or the member who withdrew' }),
  createdAt: Type.String({ format: 'date-time' }),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When it was decided or withdrawn' }),
});
export type ChangeRequestResponse = Static<typeof ChangeRequestResponse>;

export const ChangeRequestListQuery = Type.Object(
  {
    page: PageQuery.page,
    pageSize: PageQuery.pageSize,
    status: Type.Optional(ChangeRequestStatusSchema),
    registrantId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ChangeRequestListQuery = Static<typeof ChangeRequestListQuery>;

export const ChangeRequestPage = PageOf(ChangeRequestResponse);
export type ChangeRequestPage = Static<typeof ChangeRequestPage>;

/** The registrant's record as a change request starts from: the value of each field a member may change. */
export const CurrentValuesResponse = Type.Object({
  registrantId: Uuid,
  values: Type.Object({
    name: Type.String(),
    registrationNumber: Type.String(),
    contactPerson: Type.String(),
    address: Type.String(),
    phone: Type.String(),
    email: Type.String(),
  }),
});
export type CurrentValuesResponse = Static<typeof CurrentValuesResponse>;
