import { Type, type Static } from 'typebox';
import { PageOf, PageQuery, Text, Uuid } from '../shared/common.schemas.js';
import { ActiveStatus } from '../accounts/accounts.schemas.js';
import { REGISTRANT_KINDS } from '../shared/enums.js';
import { REGISTRANT_CODE_INPUT_PATTERN } from '../isrc/registrant-code.js';
import { FIRST_ISRC_YEAR, LAST_REPRESENTABLE_YEAR } from '../isrc/year.js';

export const RegistrantKind = Type.Enum(REGISTRANT_KINDS);
export type RegistrantKind = Static<typeof RegistrantKind>;

/** Three characters A–Z / 0–9 (lower case is accepted and upper-cased). */
export const RegistrantCodeInput = Type.String({ minLength: 3, maxLength: 3, pattern: REGISTRANT_CODE_INPUT_PATTERN });

const contactFields = {
  contactPerson: Type.Optional(Type.String({ maxLength: 100 })),
  address: Type.Optional(Type.String({ maxLength: 300 })),
  phone: Type.Optional(Type.String({ maxLength: 50, pattern: '^[0-9+()#\\- ]*$' })),
  email: Type.Optional(Type.Union([Type.String({ maxLength: 200, format: 'email' }), Type.Literal('')])),
};

export const CreateRegistrantBody = Type.Object(
  {
    kind: RegistrantKind,
    name: Text(200),
    /** 統一編號 (company) / 機關代碼 (government body); none for individuals. */
    registrationNumber: Type.Optional(Type.String({ maxLength: 20, pattern: '^[A-Za-z0-9]*$' })),
    ...contactFields,
  },
  { additionalProperties: false },
);
export type CreateRegistrantBody = Static<typeof CreateRegistrantBody>;

export const UpdateRegistrantBody = Type.Object({ name: Type.Optional(Text(200)), ...contactFields, status: Type.Optional(ActiveStatus) }, { additionalProperties: false, minProperties: 1 });
export type UpdateRegistrantBody = Static<typeof UpdateRegistrantBody>;

export const RegistrantCodeResponse = Type.Object({
  id: Uuid,
  countryCode: Type.String(),
  code: Type.String(),
  registrantId: Type.Union([Uuid, Type.Null()]),
  isPool: Type.Boolean(),
  allocatedYear: Type.Integer({ description: 'Year the agency allocated the code; no ISRC under it may carry an earlier year, except on a 回溯編碼 (retroactive) album' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type RegistrantCodeResponse = Static<typeof RegistrantCodeResponse>;

export const RegistrantResponse = Type.Object({
  id: Uuid,
  kind: RegistrantKind,
  name: Type.String(),
  registrationNumber: Type.String({ description: '統一編號 / 機關代碼; empty when none' }),
  contactPerson: Type.String(),
  address: Type.String(),
  phone: Type.String(),
  email: Type.String(),
  status: ActiveStatus,
  isDemo: Type.Boolean(),
  codes: Type.Array(Type.String({ description: 'Registrant codes (company/government); empty for individuals' })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type RegistrantResponse = Static<typeof RegistrantResponse>;

export const RegistrantListQuery = Type.Object({ ...PageQuery, kind: Type.Optional(RegistrantKind), status: Type.Optional(ActiveStatus) }, { additionalProperties: false });
export type RegistrantListQuery = Static<typeof RegistrantListQuery>;
export const RegistrantPage = PageOf(RegistrantResponse);
export type RegistrantPage = Static<typeof RegistrantPage>;

/** The year a code was allocated: from the first ISRC year to the agency's current year (checked by the service). */
const AllocatedYear = (description: string) => Type.Integer({ minimum: FIRST_ISRC_YEAR, maximum: LAST_REPRESENTABLE_YEAR, description });

/** Omit `code` to take the suggested next free code. */
export const AddRegistrantCodeBody = Type.Object(
  {
    code: Type.Optional(RegistrantCodeInput),
    allocatedYear: Type.Optional(
      AllocatedYear("For a code carried over from an earlier system: the year it was allocated, 1986 to the agency's current year (a later year is refused). Default: the current year."),
    ),
  },
  { additionalProperties: false },
);
export type AddRegistrantCodeBody = Static<typeof AddRegistrantCodeBody>;

/** Corrects the allocation year of a code (administrator). */
export const UpdateRegistrantCodeBody = Type.Object({ allocatedYear: AllocatedYear("1986 to the agency's current year (a later year is refused)") }, { additionalProperties: false });
export type UpdateRegistrantCodeBody = Static<typeof UpdateRegistrantCodeBody>;

export const CodeSuggestionResponse = Type.Object({ countryCode: Type.String(), code: Type.String() });
export type CodeSuggestionResponse = Static<typeof CodeSuggestionResponse>;

export const RegistrantCodeList = Type.Array(RegistrantCodeResponse);
