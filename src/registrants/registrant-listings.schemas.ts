import { Type, type Static } from 'typebox';
import { ActiveStatus } from '../accounts/accounts.schemas.js';
import { Uuid } from '../shared/common.schemas.js';
import { RegistrantKind } from './registrants.schemas.js';

/** Browser-safe: the two listings ISO 3901 asks of an agency (registrants by code, and by name). */

export const LISTING_ORDERS = ['code', 'name'] as const;
export type ListingOrder = (typeof LISTING_ORDERS)[number];
export const LISTING_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ListingFormat = (typeof LISTING_FORMATS)[number];

export const ListingQuery = Type.Object(
  {
    order: Type.Optional(
      Type.Enum(LISTING_ORDERS, { default: 'code', description: '`code`: one row per registrant code, by code; `name`: one row per registrant, by name (zh-TW stroke order)' }),
    ),
    format: Type.Optional(Type.Enum(LISTING_FORMATS, { default: 'json' })),
  },
  { additionalProperties: false },
);
export type ListingQuery = Static<typeof ListingQuery>;

export const ListingCode = Type.Object({
  /** Display form with the country prefix: TW-A01. */
  code: Type.String(),
  allocatedYear: Type.Integer(),
});
export type ListingCode = Static<typeof ListingCode>;

export const ListingRow = Type.Object({
  registrantId: Uuid,
  name: Type.String(),
  kind: RegistrantKind,
  status: ActiveStatus,
  isDemo: Type.Boolean(),
  registrationNumber: Type.String(),
  contactPerson: Type.String(),
  address: Type.String(),
  phone: Type.String(),
  email: Type.String(),
  /** By code: exactly the row's code. By name: all the registrant's codes, oldest first (none for an individual: it uses the agency's pool codes). */
  codes: Type.Array(ListingCode),
});
export type ListingRow = Static<typeof ListingRow>;

export const ListingResponse = Type.Object({ order: Type.Enum(LISTING_ORDERS), items: Type.Array(ListingRow) });
export type ListingResponse = Static<typeof ListingResponse>;
