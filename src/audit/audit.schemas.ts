import { Type, type Static } from 'typebox';
import { CalendarDay, MAX_PAGE, MAX_PAGE_SIZE, PageOf, Uuid } from '../shared/common.schemas.js';
import { Role } from '../accounts/accounts.schemas.js';

/** Browser-safe: the audit log viewer's filter and answer (the web app imports the types). */

/** YYYY-MM-DD, a day in the agency's calendar (ISRC_TIME_ZONE), never UTC or the browser's. */
const AgencyDay = CalendarDay;

const filterFields = {
  actorUserId: Type.Optional(Uuid),
  actorLogin: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Login name of the acting user (case-insensitive), when its id is not at hand' })),
  registrantId: Type.Optional(
    Type.String({
      format: 'uuid',
      description:
        'Entries about the registrant itself and about its albums (and their tracks), recordings, users, registrant codes, change requests and application (deposit entries are written against the album)',
    }),
  ),
  entityType: Type.Optional(
    Type.String({ minLength: 1, maxLength: 50, pattern: '^[A-Za-z_-]+$', description: 'album, recording, registrant, registrant_code, user, changeRequest, registrant_application, …' }),
  ),
  entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  action: Type.Optional(
    Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z_.-]+$', description: '`album.submit` exactly, or a prefix up to a dot: `album` matches album.create, album.submit, …' }),
  ),
  from: Type.Optional(AgencyDay('First day, inclusive, in the agency calendar')),
  to: Type.Optional(AgencyDay('Last day, inclusive, in the agency calendar')),
};

export const AuditQuery = Type.Object(
  {
    ...filterFields,
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 10 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditExportQuery = Type.Object(filterFields, { additionalProperties: false });
export type AuditExportQuery = Static<typeof AuditExportQuery>;

export const AuditActor = Type.Object({
  userId: Uuid,
  loginName: Type.String(),
  displayName: Type.String(),
  role: Role,
});
export type AuditActor = Static<typeof AuditActor>;

export const AuditEntryResponse = Type.Object({
  id: Type.Integer(),
  /** Null: the system or the console (`npm run admin`), or a user since deleted. */
  actor: Type.Union([AuditActor, Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  entityLabel: Type.String({ description: 'A human label for the object where known (album number and title, registrant name, login, ISRC, code); empty otherwise' }),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type AuditEntryResponse = Static<typeof AuditEntryResponse>;

export const AuditPage = PageOf(AuditEntryResponse);
export type AuditPage = Static<typeof AuditPage>;

/** The most rows one CSV export holds; a narrower filter gets the rest. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;
