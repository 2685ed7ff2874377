import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CHANGE_REQUEST_STATUSES, DEPOSIT_EVENT_KINDS, EMAIL_STATUSES, REQUEST_STATUSES, REVIEW_DECISIONS } from '../../shared/enums.js';
import { users } from './accounts.js';
import { albums } from './catalog.js';
import { stamps } from './columns.js';
import { registrantKind, registrants } from './registrants.js';

/** The agency's back office: review history, notifications, applications, change requests, deposit, settings. */

export const reviewDecision = pgEnum('review_decision', REVIEW_DECISIONS);
export const requestStatus = pgEnum('request_status', REQUEST_STATUSES);
export const changeRequestStatus = pgEnum('change_request_status', CHANGE_REQUEST_STATUSES);
export const depositEventKind = pgEnum('deposit_event_kind', DEPOSIT_EVENT_KINDS);
export const emailStatus = pgEnum('email_status', EMAIL_STATUSES);

/** A reason given for one track when an album is returned. */
export interface TrackReturnReason {
  recordingId: string;
  reason: string;
}

/**
 * One 送出審核 of an album and the agency's decision on it: round 1, 2, … The snapshot keeps the
 * album and its tracks as submitted, so an officer sees what changed since the last round.
 */
export const albumSubmissions = pgTable(
  'album_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    albumId: uuid('album_id')
      .notNull()
      .references(() => albums.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    snapshot: jsonb('snapshot').notNull(),
    decision: reviewDecision('decision'),
    /** 退回: the reason for the album (required); per-track reasons are optional. */
    reason: text('reason'),
    trackReasons: jsonb('track_reasons').$type<TrackReturnReason[]>().notNull().default([]),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('album_submissions_round_uq').on(t.albumId, t.round),
    check('album_submissions_round_ck', sql`${t.round} >= 1`),
    check('album_submissions_decision_ck', sql`(${t.decision} is null) = (${t.decidedAt} is null)`),
  ],
);

/** In-app notifications, one row per recipient; the e-mail copy's state rides along. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What happened (album.returned, application.submitted, …); the text is rendered per language. */
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    emailStatus: emailStatus('email_status').notNull().default('none'),
    emailAttempts: integer('email_attempts').notNull().default(0),
    emailError: text('email_error'),
    emailedAt: timestamp('emailed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    index('notifications_email_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.emailStatus} = 'pending'`),
  ],
);

/**
 * 登記者代碼申請: filed by an applicant with their first user account (role applicant). Approval
 * creates the registrant (and its code, unless an individual) and makes the user its member.
 */
export const registrantApplications = pgTable(
  'registrant_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: registrantKind('kind').notNull(),
    name: text('name').notNull(),
    /** 統一編號 / 機關代碼 where the kind has one. */
    registrationNumber: text('registration_number').notNull().default(''),
    contactPerson: text('contact_person').notNull().default(''),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    applicantUserId: uuid('applicant_user_id').references(() => users.id, { onDelete: 'set null' }),
    status: requestStatus('status').notNull().default('pending'),
    decisionReason: text('decision_reason'),
    registrantId: uuid('registrant_id').references(() => registrants.id, { onDelete: 'restrict' }),
    registrantCode: text('registrant_code'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    ...stamps,
  },
  (t) => [index('registrant_applications_status_idx').on(t.status, t.createdAt), index('registrant_applications_applicant_idx').on(t.applicantUserId)],
);

/** One field of a change request: what it was when asked, and what it should become. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** A stored file (the storage interface of the media issue) as a row keeps it. */
export interface StoredFileRef {
  key: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** 出版者資料異動申請單, online: fields before → after, a reason, optionally a stamped scan. */
export const registrantChangeRequests = pgTable(
  'registrant_change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrantId: uuid('registrant_id')
      .notNull()
      .references(() => registrants.id, { onDelete: 'restrict' }),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    changes: jsonb('changes').$type<FieldChange[]>().notNull(),
    reason: text('reason').notNull().default(''),
    attachment: jsonb('attachment').$type<StoredFileRef>(),
    status: changeRequestStatus('status').notNull().default('pending'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    ...stamps,
  },
  (t) => [index('registrant_change_requests_registrant_idx').on(t.registrantId, t.createdAt), index('registrant_change_requests_status_idx').on(t.status, t.createdAt)],
);

/** Physical deposit, as declared by the registrant (sent) and recorded by an officer (received). */
export const depositEvents = pgTable(
  'deposit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    albumId: uuid('album_id')
      .notNull()
      .references(() => albums.id, { onDelete: 'cascade' }),
    kind: depositEventKind('kind').notNull(),
    copies: integer('copies').notNull(),
    /** YYYY-MM-DD in the agency's calendar. */
    eventDate: text('event_date').notNull(),
    trackingNumber: text('tracking_number').notNull().default(''),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('deposit_events_album_idx').on(t.albumId, t.createdAt),
    check('deposit_events_copies_ck', sql`${t.copies} between 1 and 1000`),
    check('deposit_events_date_ck', sql`${t.eventDate} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`),
  ],
);

/** Settings officers change in the product (required deposit copies, overdue days, …): key → JSON value. */
export const agencySettings = pgTable('agency_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
