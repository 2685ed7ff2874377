import { Type, type Static } from 'typebox';
import { FIXITY_OUTCOMES, FIXITY_RUN_STATUSES } from '../shared/enums.js';
import { MAX_PAGE, MAX_PAGE_SIZE, PageOf } from '../shared/common.schemas.js';

/** Browser-safe (types): fixity runs (保存檢核) and what each failing object is part of. */

/** Why a check did not pass (fixity-detail.ts); `text` is a check recorded before the codes. */
export const FIXITY_DETAIL_CODES = ['notInStorage', 'unreadable', 'mismatch', 'text'] as const;
export type FixityDetailCode = (typeof FIXITY_DETAIL_CODES)[number];

export const FixityRunResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Enum(FIXITY_RUN_STATUSES),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  startedBy: Type.Union([Type.String(), Type.Null()], { description: 'Display name of the officer, or null for `npm run fixity`' }),
  objectsTotal: Type.Integer({ description: 'Stored objects when the run started' }),
  objectsChecked: Type.Integer(),
  passed: Type.Integer(),
  failed: Type.Integer({ description: 'Read, but the SHA-256 (or size) no longer matches' }),
  missing: Type.Integer({ description: 'Not in storage any more' }),
  /** 0–1: checked of total (1 once done). */
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  error: Type.Union([Type.String(), Type.Null()], { description: 'Why the run itself stopped (not an object failing)' }),
});
export type FixityRunResponse = Static<typeof FixityRunResponse>;

export const FIXITY_REFERENCE_KINDS = ['cover', 'coverThumbnail', 'trackAudio', 'audioDeposit', 'changeRequest'] as const;
export type FixityReferenceKind = (typeof FIXITY_REFERENCE_KINDS)[number];

/** Something that holds the object: an album's cover or a track's audio, a deposit, a change request. */
export const FixityReference = Type.Object({
  kind: Type.Enum(FIXITY_REFERENCE_KINDS),
  albumId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  albumNumber: Type.Union([Type.Integer(), Type.Null()]),
  isrc: Type.Union([Type.String(), Type.Null()], { description: 'Display form, for track audio and deposited files' }),
  changeRequestId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
});
export type FixityReference = Static<typeof FixityReference>;

export const FixityFailure = Type.Object({
  sha256: Type.String(),
  size: Type.Integer(),
  contentType: Type.String(),
  outcome: Type.Enum(FIXITY_OUTCOMES),
  computedSha256: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Union([Type.String(), Type.Null()], { description: 'Why it did not pass, in English (detailCode and detailParams say it in any language)' }),
  detailCode: Type.Union([Type.Enum(FIXITY_DETAIL_CODES), Type.Null()], {
    description:
      'notInStorage {storageKey}; unreadable {bytesRead, error}; mismatch {expectedSize, expectedSha256, bytesRead, computedSha256}; text {text} (checks recorded before the codes)',
  }),
  detailParams: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  checkedAt: Type.String({ format: 'date-time' }),
  references: Type.Array(FixityReference),
});
export type FixityFailure = Static<typeof FixityFailure>;

export const FixityRunDetail = Type.Object({
  ...FixityRunResponse.properties,
  agent: Type.Union([Type.String(), Type.Null()], { description: 'The software that checked, with its version (PREMIS agent)' }),
  failures: Type.Array(FixityFailure, { description: 'Objects that failed or were missing (at most 500)' }),
});
export type FixityRunDetail = Static<typeof FixityRunDetail>;

export const FixityRunPage = PageOf(FixityRunResponse);
export type FixityRunPage = Static<typeof FixityRunPage>;

export const FixityRunQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 10 })),
  },
  { additionalProperties: false },
);
export type FixityRunQuery = Static<typeof FixityRunQuery>;

export const RunIdParams = Type.Object({ runId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export type RunIdParams = Static<typeof RunIdParams>;
