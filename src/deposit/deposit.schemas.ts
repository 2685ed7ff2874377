import { Type, type Static } from 'typebox';
import { DEPOSIT_EVENT_KINDS, DEPOSIT_STATUSES, REGISTRANT_KINDS } from '../shared/enums.js';
import { CalendarDay, MAX_PAGE } from '../shared/common.schemas.js';

/** Browser-safe (types): physical deposit (送存) of approved albums. */

const EventDate = CalendarDay("YYYY-MM-DD in the agency's calendar; not after the agency's today, not before the album's approval");
const Copies = Type.Integer({ minimum: 1, maximum: 1000, description: 'Number of copies' });
const Note = Type.String({ maxLength: 500 });

/** The registrant's declaration: copies sent, when, and the parcel's tracking number if any. */
export const DeclareSentBody = Type.Object(
  { copies: Copies, date: EventDate, trackingNumber: Type.Optional(Type.String({ maxLength: 100 })), note: Type.Optional(Note) },
  { additionalProperties: false },
);
export type DeclareSentBody = Static<typeof DeclareSentBody>;

/** An officer's record of copies that arrived. */
export const RecordReceivedBody = Type.Object({ copies: Copies, date: EventDate, note: Type.Optional(Note) }, { additionalProperties: false });
export type RecordReceivedBody = Static<typeof RecordReceivedBody>;

export const DepositEventResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Enum(DEPOSIT_EVENT_KINDS),
  copies: Type.Integer(),
  date: Type.String(),
  trackingNumber: Type.String(),
  note: Type.String(),
  recordedAt: Type.String({ format: 'date-time' }),
});
export type DepositEventResponse = Static<typeof DepositEventResponse>;

const Status = Type.Enum(DEPOSIT_STATUSES);
const Kind = Type.Enum(REGISTRANT_KINDS);

/** One album's deposit: what is owed, what arrived, and every event, oldest first. */
export const AlbumDepositResponse = Type.Object({
  albumId: Type.String({ format: 'uuid' }),
  basis: Type.Union([Type.Literal('copies'), Type.Literal('audio')], { description: 'copies: physical release (this desk); audio: digital release (影音檔送存)' }),
  due: Type.Boolean({ description: 'Deposit is owed (the album is approved)' }),
  status: Status,
  approvedOn: Type.Union([Type.String(), Type.Null()], { description: "Approval date in the agency's calendar" }),
  requiredCopies: Type.Integer(),
  receivedCopies: Type.Integer(),
  sentCopies: Type.Integer({ description: 'Copies the registrant declared sent' }),
  events: Type.Array(DepositEventResponse),
});
export type AlbumDepositResponse = Static<typeof AlbumDepositResponse>;

export const OverviewQuery = Type.Object(
  {
    overdue: Type.Optional(Type.Boolean({ description: 'Only overdue albums' })),
    kind: Type.Optional(Kind),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
  },
  { additionalProperties: false },
);
export type OverviewQuery = Static<typeof OverviewQuery>;

export const OverviewExportQuery = Type.Object({ overdue: Type.Optional(Type.Boolean()), kind: Type.Optional(Kind) }, { additionalProperties: false });
export type OverviewExportQuery = Static<typeof OverviewExportQuery>;

export const OverviewRow = Type.Object({
  albumId: Type.String({ format: 'uuid' }),
  basis: Type.Union([Type.Literal('copies'), Type.Literal('audio')], { description: 'copies: physical release; audio: digital release (影音檔送存)' }),
  tracks: Type.Integer({ description: 'Tracks of the album' }),
  tracksWithAudio: Type.Integer({ description: 'Tracks whose audio is uploaded (digital releases)' }),
  albumNumber: Type.Integer(),
  title: Type.String(),
  registrantId: Type.String({ format: 'uuid' }),
  registrantName: Type.String(),
  registrantKind: Kind,
  approvedOn: Type.String(),
  daysWaiting: Type.Integer(),
  requiredCopies: Type.Integer(),
  receivedCopies: Type.Integer(),
  sentCopies: Type.Integer(),
  lastSentOn: Type.Union([Type.String(), Type.Null()]),
  status: Status,
  overdue: Type.Boolean(),
});
export type OverviewRow = Static<typeof OverviewRow>;

export const OverviewPage = Type.Object({
  items: Type.Array(OverviewRow),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  overdueDays: Type.Integer({ description: 'The overdue setting the flags were computed with' }),
});
export type OverviewPage = Static<typeof OverviewPage>;

/** An officer's correction of a mistaken event: it is removed, with the reason kept in the audit log. */
export const CorrectEventBody = Type.Object({ eventId: Type.String({ format: 'uuid' }), reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export type CorrectEventBody = Static<typeof CorrectEventBody>;
