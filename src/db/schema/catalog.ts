import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgEnum, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DEPOSIT_STATUSES, ISRC_SOURCES, REVIEW_STATUSES } from '../../shared/enums.js';
import { stamps } from './columns.js';
import { users } from './accounts.js';
import { registrants } from './registrants.js';

/** One credit line: a role from the controlled list and its names, in order. */
export interface CreditLine {
  role: string;
  names: string[];
}

export const releaseType = pgEnum('release_type', ['digital', 'physical']);
export const reviewStatus = pgEnum('review_status', REVIEW_STATUSES);
export const depositStatus = pgEnum('deposit_status', DEPOSIT_STATUSES);
export const isrcSource = pgEnum('isrc_source', ISRC_SOURCES);

/** The system album number registrants see (專輯編號); never reused. */
export const albumNumberSeq = pgSequence('album_number_seq', { startWith: 100001 });

export const albums = pgTable(
  'albums',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    albumNumber: bigint('album_number', { mode: 'number' })
      .notNull()
      .default(sql`nextval('album_number_seq')`),
    registrantId: uuid('registrant_id')
      .notNull()
      .references(() => registrants.id, { onDelete: 'restrict' }),
    releaseType: releaseType('release_type').notNull(),
    title: text('title').notNull().default(''),
    credits: jsonb('credits').$type<CreditLine[]>().notNull().default([]),
    publisher: text('publisher').notNull().default(''),
    /** YYYY, YYYY-MM or YYYY-MM-DD. */
    releaseDate: text('release_date'),
    productionCompany: text('production_company').notNull().default(''),
    /** Entered total; when null the sum of the tracks' durations is shown. */
    totalDurationSeconds: integer('total_duration_seconds'),
    albumType: text('album_type'),
    workCategory: text('work_category'),
    mediaForm: text('media_form'),
    publicationCategory: text('publication_category'),
    introduction: text('introduction').notNull().default(''),
    /** 回溯編碼: released before the registrant had a registrant code. */
    retroactive: boolean('retroactive').notNull().default(false),
    status: reviewStatus('status').notNull().default('draft'),
    /** The officer's reason, shown at the top of a returned album. */
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    depositStatus: depositStatus('deposit_status').notNull().default('not_deposited'),
    /** Performer names, denormalised for "search by artist". */
    artistText: text('artist_text').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...stamps,
  },
  (t) => [
    uniqueIndex('albums_number_uq').on(t.albumNumber),
    index('albums_registrant_status_idx').on(t.registrantId, t.status, t.updatedAt),
    index('albums_registrant_created_idx').on(t.registrantId, t.createdAt),
    index('albums_status_idx').on(t.status, t.submittedAt),
    // Substring search by title and artist stays fast as the registry grows (pg_trgm).
    index('albums_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('albums_artist_trgm_idx').using('gin', t.artistText.op('gin_trgm_ops')),
    check('albums_release_date_ck', sql`${t.releaseDate} is null or ${t.releaseDate} ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'`),
  ],
);

/** An ISRC identifies a recording, which may appear on many albums (cited). */
export const recordings = pgTable(
  'recordings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrantId: uuid('registrant_id')
      .notNull()
      .references(() => registrants.id, { onDelete: 'restrict' }),
    /** Null while an individual's draft waits for its pool code at submission. */
    isrc: text('isrc'),
    isrcSource: isrcSource('isrc_source'),
    title: text('title').notNull().default(''),
    storyTitle: text('story_title').notNull().default(''),
    episode: text('episode').notNull().default(''),
    theme: text('theme').notNull().default(''),
    playTitle: text('play_title').notNull().default(''),
    description: text('description').notNull().default(''),
    credits: jsonb('credits').$type<CreditLine[]>().notNull().default([]),
    productionCompany: text('production_company').notNull().default(''),
    durationSeconds: integer('duration_seconds'),
    /** YYYY or YYYY-MM. */
    recordingDate: text('recording_date'),
    aiAssisted: boolean('ai_assisted').notNull().default(false),
    producedAbroad: boolean('produced_abroad').notNull().default(false),
    versionType: text('version_type'),
    /** The ISRC of the recording this one is a version of (may be another registrant's). */
    versionOfIsrc: text('version_of_isrc'),
    /** Set when the first album holding it is approved; only approved recordings can be cited. */
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    artistText: text('artist_text').notNull().default(''),
    ...stamps,
  },
  (t) => [
    uniqueIndex('recordings_isrc_uq').on(t.isrc),
    index('recordings_registrant_idx').on(t.registrantId, t.approvedAt),
    index('recordings_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('recordings_artist_trgm_idx').using('gin', t.artistText.op('gin_trgm_ops')),
    check('recordings_isrc_ck', sql`${t.isrc} is null or ${t.isrc} ~ '^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$'`),
    check('recordings_isrc_source_ck', sql`(${t.isrc} is null) = (${t.isrcSource} is null)`),
    check('recordings_version_ck', sql`${t.versionOfIsrc} is null or ${t.versionOfIsrc} is distinct from ${t.isrc}`),
    check('recordings_recording_date_ck', sql`${t.recordingDate} is null or ${t.recordingDate} ~ '^[0-9]{4}(-[0-9]{2})?$'`),
  ],
);

/** A slot on an album: which recording, in which position, and whether it was cited. */
export const albumTracks = pgTable(
  'album_tracks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    albumId: uuid('album_id')
      .notNull()
      .references(() => albums.id, { onDelete: 'cascade' }),
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recordings.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    cited: boolean('cited').notNull().default(false),
    ...stamps,
  },
  (t) => [
    uniqueIndex('album_tracks_position_uq').on(t.albumId, t.position),
    uniqueIndex('album_tracks_recording_uq').on(t.albumId, t.recordingId),
    index('album_tracks_recording_idx').on(t.recordingId),
    check('album_tracks_position_ck', sql`${t.position} >= 1`),
  ],
);
