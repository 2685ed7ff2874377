import { Type, type Static } from 'typebox';
import { ReleaseType } from '../catalog/catalog.schemas.js';
import { Uuid } from '../shared/common.schemas.js';
import { REGISTRANT_KINDS } from '../shared/enums.js';

/**
 * 年度回報量統計表 and the agency's annual report. Browser-safe: shared by the API (validation,
 * OpenAPI) and the web app (types). Every month is a month of the agency's calendar (ISRC_TIME_ZONE).
 */

/** The years a report may be asked for: the range a registrant code's allocated year may take. */
export const STATS_YEAR_BOUNDS = { minimum: 1986, maximum: 2085 } as const;

export const StatsQuery = Type.Object(
  {
    year: Type.Integer({ ...STATS_YEAR_BOUNDS, description: 'Calendar year in the agency time zone' }),
    registrantId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type StatsQuery = Static<typeof StatsQuery>;

export const AnnualReportQuery = Type.Object({ year: Type.Integer({ ...STATS_YEAR_BOUNDS, description: 'Calendar year in the agency time zone' }) }, { additionalProperties: false });
export type AnnualReportQuery = Static<typeof AnnualReportQuery>;

const n = Type.Integer({ minimum: 0 });

/**
 * The eight figures. "Reported" is the album's first 送出審核 (round 1; resubmissions after a
 * return are not reported again); approved and returned are the agency's decisions (an album
 * returned twice counts twice); deposited is the moment the album's deposit became complete
 * (已送存, from the audit log; only albums still deposited count). An ISRC counts with the album
 * that reported it (where it is not cited), as the album was submitted in that round (a deposit: as
 * last approved), and only if this agency issued it (in the ledger; foreign codes do not count).
 */
export const StatCounts = Type.Object({
  albumsReported: n,
  albumsApproved: n,
  albumsReturned: n,
  albumsDeposited: n,
  recordingsReported: n,
  recordingsApproved: n,
  recordingsReturned: n,
  recordingsDeposited: n,
});
export type StatCounts = Static<typeof StatCounts>;

export const MonthCounts = Type.Object({ month: Type.Integer({ minimum: 1, maximum: 12 }), ...StatCounts.properties });
export type MonthCounts = Static<typeof MonthCounts>;

const Series = { months: Type.Array(MonthCounts, { minItems: 12, maxItems: 12 }), total: StatCounts };

export const StatsResponse = Type.Object({
  year: Type.Integer(),
  timeZone: Type.String(),
  /** The one registrant counted: the member's own, or the officer's filter; null for the whole agency. */
  registrantId: Type.Union([Uuid, Type.Null()]),
  ...Series,
  byReleaseType: Type.Array(Type.Object({ releaseType: ReleaseType, ...Series })),
  byRegistrantKind: Type.Array(Type.Object({ kind: Type.Enum(REGISTRANT_KINDS), ...Series })),
  /** Agency only (empty for members and when filtered): registrants with any figure in the year, most albums reported first. */
  byRegistrant: Type.Array(Type.Object({ registrantId: Uuid, name: Type.String(), kind: Type.Enum(REGISTRANT_KINDS), total: StatCounts })),
});
export type StatsResponse = Static<typeof StatsResponse>;

const monthly = Type.Array(n, { minItems: 12, maxItems: 12, description: 'January to December' });

export const AnnualReportResponse = Type.Object({
  year: Type.Integer(),
  timeZone: Type.String(),
  /** Registrant codes whose allocated year is this year (pool codes flagged). */
  codes: Type.Array(
    Type.Object({
      code: Type.String(),
      isPool: Type.Boolean(),
      registrantName: Type.Union([Type.String(), Type.Null()]),
      registrantKind: Type.Union([Type.Enum(REGISTRANT_KINDS), Type.Null()]),
      /** YYYY-MM-DD of entry in the agency's calendar; null for codes carried over from an earlier system (entered in another year). */
      allocatedOn: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  /** Codes allocated per month (codes carried over count in `codesTotal` only). */
  codesByMonth: monthly,
  codesTotal: n,
  /** Registrants admitted in the year, per kind and month, and how many of each kind exist at the year's end. */
  registrantsByKind: Type.Array(Type.Object({ kind: Type.Enum(REGISTRANT_KINDS), newByMonth: monthly, newTotal: n, atYearEnd: n })),
  isrcsReportedByMonth: monthly,
  isrcsApprovedByMonth: monthly,
  isrcsReported: n,
  isrcsApproved: n,
});
export type AnnualReportResponse = Static<typeof AnnualReportResponse>;
