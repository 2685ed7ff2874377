import { Type, type Static } from 'typebox';
import { AlbumResponse, ReleaseType } from '../catalog/catalog.schemas.js';
import { CalendarDay, PageQuery, Uuid } from '../shared/common.schemas.js';
import { REGISTRANT_KINDS, REVIEW_DECISIONS } from '../shared/enums.js';
import { FINDING_CODES, FINDING_SEVERITIES } from './findings.js';

/** Browser-safe: the agency's review workspace and its decisions on a submitted album. */

const Round = Type.Integer({
  minimum: 1,
  description: 'The review round the officer looked at (GET /review/albums/{id}: round); if the album was decided or submitted again since, the answer is 409 REVIEW_ALREADY_DECIDED',
});

export const TrackReasonInput = Type.Object(
  {
    recordingId: Type.Optional(Uuid),
    trackId: Type.Optional(Uuid),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false, description: 'A reason for one track: name it by recordingId or trackId' },
);
export type TrackReasonInput = Static<typeof TrackReasonInput>;

/** 退回: the reason is shown to the registrant at the top of the album, so it must say something; per-track reasons are optional. */
export const ReturnBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    tracks: Type.Optional(Type.Array(TrackReasonInput, { maxItems: 500 })),
    round: Type.Optional(Round),
  },
  { additionalProperties: false },
);
export type ReturnBody = Static<typeof ReturnBody>;

/** 通過: no body, or the round the officer looked at. */
export const ApproveBody = Type.Union([Type.Object({ round: Type.Optional(Round) }, { additionalProperties: false }), Type.Null()]);
export type ApproveBody = Static<typeof ApproveBody>;

/** Agency dates (the agency's calendar), YYYY-MM-DD. */
const AgencyDate = CalendarDay('YYYY-MM-DD in the agency time zone');

export const QueueQuery = Type.Object(
  {
    page: PageQuery.page,
    pageSize: PageQuery.pageSize,
    registrantId: Type.Optional(Uuid),
    registrantKind: Type.Optional(Type.Enum(REGISTRANT_KINDS)),
    releaseType: Type.Optional(ReleaseType),
    submittedFrom: Type.Optional(AgencyDate),
    submittedTo: Type.Optional(AgencyDate),
  },
  { additionalProperties: false },
);
export type QueueQuery = Static<typeof QueueQuery>;

export const QueueItem = Type.Object({
  id: Uuid,
  albumNumber: Type.Integer(),
  title: Type.String(),
  artist: Type.String(),
  releaseType: ReleaseType,
  registrantId: Uuid,
  registrantName: Type.String(),
  registrantKind: Type.Enum(REGISTRANT_KINDS),
  trackCount: Type.Integer(),
  submittedAt: Type.String({ format: 'date-time' }),
  /** 1 for a first submission, 2+ when submitted again after a return. */
  round: Type.Integer(),
});
export type QueueItem = Static<typeof QueueItem>;

export const QueuePage = Type.Object({
  items: Type.Array(QueueItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Albums waiting under the filters, by registrant kind and by release type. */
  counts: Type.Object({
    byKind: Type.Object({ company: Type.Integer(), individual: Type.Integer(), government: Type.Integer() }),
    byReleaseType: Type.Object({ digital: Type.Integer(), physical: Type.Integer() }),
  }),
});
export type QueuePage = Static<typeof QueuePage>;

/** The officer's 待辦事項. */
export const TodoCounts = Type.Object({
  albumsWaiting: Type.Integer(),
  applicationsPending: Type.Integer(),
  changeRequestsPending: Type.Integer(),
  depositsDue: Type.Integer(),
});
export type TodoCounts = Static<typeof TodoCounts>;

export const FindingResponse = Type.Object({
  code: Type.Enum(FINDING_CODES),
  severity: Type.Enum(FINDING_SEVERITIES),
  trackId: Type.Optional(Uuid),
  position: Type.Optional(Type.Integer()),
  message: Type.Object({ 'zh-TW': Type.String(), en: Type.String() }),
});
export type FindingResponse = Static<typeof FindingResponse>;

export const TrackReason = Type.Object({ recordingId: Uuid, reason: Type.String() });

export const RoundResponse = Type.Object({
  round: Type.Integer(),
  submittedAt: Type.String({ format: 'date-time' }),
  submittedBy: Type.Union([Type.String(), Type.Null()]),
  decision: Type.Union([Type.Enum(REVIEW_DECISIONS), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  trackReasons: Type.Array(TrackReason),
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Submitted before snapshots were kept: no comparison possible. */
  backfilled: Type.Boolean(),
});
export type RoundResponse = Static<typeof RoundResponse>;

const ChangeValue = Type.Unknown();
const FieldChange = Type.Object({ field: Type.String(), before: ChangeValue, after: ChangeValue });
const TrackRef = Type.Object({ recordingId: Uuid, position: Type.Integer(), title: Type.String() });

export const ChangesResponse = Type.Union([
  Type.Object({ basis: Type.Literal('first') }),
  Type.Object({ basis: Type.Literal('unavailable'), previousRound: Type.Integer() }),
  Type.Object({
    basis: Type.Literal('compared'),
    previousRound: Type.Integer(),
    album: Type.Array(FieldChange),
    tracksAdded: Type.Array(TrackRef),
    tracksRemoved: Type.Array(TrackRef),
    tracksChanged: Type.Array(Type.Object({ recordingId: Uuid, position: Type.Integer(), title: Type.String(), changes: Type.Array(FieldChange) })),
  }),
]);
export type ChangesResponse = Static<typeof ChangesResponse>;

export const ReviewAlbumResponse = Type.Object({
  album: AlbumResponse,
  registrant: Type.Object({ id: Uuid, name: Type.String(), kind: Type.Enum(REGISTRANT_KINDS), codes: Type.Array(Type.Object({ code: Type.String(), allocatedYear: Type.Integer() })) }),
  findings: Type.Array(FindingResponse),
  /** Every submission, newest first. */
  rounds: Type.Array(RoundResponse),
  /** The latest round (send it back with 通過 / 退回), null if the album was never submitted. */
  round: Type.Union([Type.Integer(), Type.Null()]),
  changes: ChangesResponse,
});
export type ReviewAlbumResponse = Static<typeof ReviewAlbumResponse>;
