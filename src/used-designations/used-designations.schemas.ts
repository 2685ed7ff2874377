import { Type, type Static } from 'typebox';
import { REGISTRANT_CODE_INPUT_PATTERN } from '../isrc/registrant-code.js';
import { FIRST_ISRC_YEAR, LAST_REPRESENTABLE_YEAR } from '../isrc/year.js';
import { ASSIGNMENT_SOURCES } from '../shared/enums.js';
import { MAX_PAGE } from '../shared/common.schemas.js';

/** Browser-safe: shared by the API (validation, OpenAPI) and the web app (types). */

/** The most ranges (and gaps, and reserved ranges) one code's summary lists; the counts are always whole. */
export const RANGE_LIST_LIMIT = 200;

const Year = Type.Integer({ minimum: FIRST_ISRC_YEAR, maximum: LAST_REPRESENTABLE_YEAR, description: "Year of reference (four digits); default: this year in the agency's time zone" });
const RegistrantCode = Type.String({ pattern: REGISTRANT_CODE_INPUT_PATTERN, description: 'Only this registrant code (or pool code)' });
const RegistrantId = Type.String({ format: 'uuid', description: 'Only this registrant (staff); a member may only name its own' });

export const USED_CODE_STATUSES = ['onRecording', 'reserved'] as const;
export type UsedCodeStatus = (typeof USED_CODE_STATUSES)[number];

const filters = {
  year: Type.Optional(Year),
  registrantId: Type.Optional(RegistrantId),
  registrantCode: Type.Optional(RegistrantCode),
};

export const UsageQuery = Type.Object(filters, { additionalProperties: false });
export type UsageQuery = Static<typeof UsageQuery>;

export const UsedCodesExportQuery = Type.Object(
  { ...filters, status: Type.Optional(Type.Enum(USED_CODE_STATUSES, { description: 'Only codes on a recording, or only reserved ones' })) },
  { additionalProperties: false },
);
export type UsedCodesExportQuery = Static<typeof UsedCodesExportQuery>;

export const UsedCodesQuery = Type.Object(
  {
    ...UsedCodesExportQuery.properties,
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
  },
  { additionalProperties: false },
);
export type UsedCodesQuery = Static<typeof UsedCodesQuery>;

export const DesignationRange = Type.Object({ from: Type.Integer(), to: Type.Integer() });

const Ref = Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() });

export const CodeUsage = Type.Object({
  registrantCode: Type.String(),
  pool: Type.Boolean({ description: "One of the agency's pool codes (individuals' recordings)" }),
  shared: Type.Boolean({ description: 'Only part of the code is shown (an individual’s share of a pool code): gaps and next available are left out' }),
  holder: Type.Union([Ref, Type.Null()], { description: 'Who holds the code; null for a pool code' }),
  used: Type.Integer({ description: 'Designation codes handed out (the ledger): on a recording or reserved' }),
  onRecording: Type.Integer(),
  reserved: Type.Integer({ description: 'Handed out but on no recording yet' }),
  highest: Type.Union([Type.Integer(), Type.Null()]),
  ranges: Type.Array(DesignationRange, { description: `Used codes as compact ranges (up to ${RANGE_LIST_LIMIT})` }),
  rangeCount: Type.Integer(),
  gaps: Type.Array(DesignationRange, { description: `Unused runs below the highest used code (up to ${RANGE_LIST_LIMIT})` }),
  gapCount: Type.Integer({ description: 'Unused codes below the highest used code' }),
  reservedRanges: Type.Array(DesignationRange, { description: `Reserved codes as compact ranges (up to ${RANGE_LIST_LIMIT})` }),
  nextAvailable: Type.Union([Type.Object({ isrc: Type.String(), display: Type.String() }), Type.Null()], {
    description: 'What 下一個可用編號 would give now (this year only, whole codes only)',
  }),
});
export type CodeUsage = Static<typeof CodeUsage>;

export const UsageResponse = Type.Object({
  year: Type.Integer(),
  currentYear: Type.Integer({ description: "This year in the agency's time zone" }),
  codes: Type.Array(CodeUsage),
  totals: Type.Object({ used: Type.Integer(), onRecording: Type.Integer(), reserved: Type.Integer() }),
});
export type UsageResponse = Static<typeof UsageResponse>;

export const UsedCode = Type.Object({
  isrc: Type.String(),
  display: Type.String(),
  registrantCode: Type.String(),
  designation: Type.Integer(),
  source: Type.Enum(ASSIGNMENT_SOURCES),
  status: Type.Enum(USED_CODE_STATUSES),
  registrant: Ref,
  recording: Type.Union([Type.Object({ id: Type.String({ format: 'uuid' }), title: Type.String() }), Type.Null()]),
  album: Type.Union(
    [
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        albumNumber: Type.Integer(),
        title: Type.String(),
        trackId: Type.String({ format: 'uuid', description: 'The recording’s track on that album' }),
      }),
      Type.Null(),
    ],
    {
      description: 'The album the recording was reported on (its first album, not one that cites it)',
    },
  ),
});
export type UsedCode = Static<typeof UsedCode>;

export const UsedCodesPage = Type.Object({
  items: Type.Array(UsedCode),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  year: Type.Integer(),
});
export type UsedCodesPage = Static<typeof UsedCodesPage>;
