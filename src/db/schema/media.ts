import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { AUDIO_CONTAINERS, FIXITY_OUTCOMES, FIXITY_RUN_STATUSES } from '../../shared/enums.js';
import { users } from './accounts.js';
import { albums, albumTracks } from './catalog.js';
import { registrants } from './registrants.js';

/**
 * Media and digital deposit: stored objects (content-addressed, SHA-256), covers, track audio,
 * audio deposits and fixity. Keys are made by the server from the hash, never from a file name.
 */

export const audioContainer = pgEnum('audio_container', AUDIO_CONTAINERS);
export const fixityOutcome = pgEnum('fixity_outcome', FIXITY_OUTCOMES);
export const fixityRunStatus = pgEnum('fixity_run_status', FIXITY_RUN_STATUSES);

const SHA256 = '^[0-9a-f]{64}$';

/** One stored object, whatever references it: identical bytes are stored once. */
export const storedObjects = pgTable(
  'stored_objects',
  {
    /** Lower-case hex SHA-256 of the bytes: the object's identity and its storage address. */
    sha256: text('sha256').primaryKey(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Decided from the content (image/png, audio/mpeg, application/pdf, …). */
    contentType: text('content_type').notNull(),
    /** Where the storage keeps it (`objects/ab/<sha256>`, or a legacy key). */
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastFixityAt: timestamp('last_fixity_at', { withTimezone: true, mode: 'date' }),
    lastFixityOutcome: fixityOutcome('last_fixity_outcome'),
  },
  (t) => [
    uniqueIndex('stored_objects_key_uq').on(t.storageKey),
    index('stored_objects_fixity_idx').on(t.lastFixityAt),
    check('stored_objects_sha_ck', sql`${t.sha256} ~ ${sql.raw(`'${SHA256}'`)}`),
    check('stored_objects_size_ck', sql`${t.size} >= 0`),
  ],
);

const objectRef = (name: string) => text(name).references(() => storedObjects.sha256, { onDelete: 'restrict' });

/** An album's cover (專輯封面) and its thumbnail; one per album, replaced by a new upload. */
export const albumCovers = pgTable('album_covers', {
  albumId: uuid('album_id')
    .primaryKey()
    .references(() => albums.id, { onDelete: 'cascade' }),
  objectSha256: objectRef('object_sha256').notNull(),
  thumbnailSha256: objectRef('thumbnail_sha256').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Technical data read from an audio file by ffprobe; null where the format has none. */
export interface AudioTechnical {
  codec: string;
  sampleRate: number | null;
  channels: number | null;
  bitRate: number | null;
  durationMs: number;
}

/** A warning found while checking an upload (not a refusal): code plus its values. */
export interface MediaWarning {
  code: 'duration-mismatch' | 'isrc-tag-mismatch';
  detail: Record<string, string | number>;
}

/** The audio of one track of an album (錄音 / 音樂性錄影), one per track, replaced by a new upload. */
export const trackAudio = pgTable(
  'track_audio',
  {
    albumTrackId: uuid('album_track_id')
      .primaryKey()
      .references(() => albumTracks.id, { onDelete: 'cascade' }),
    albumId: uuid('album_id')
      .notNull()
      .references(() => albums.id, { onDelete: 'cascade' }),
    objectSha256: objectRef('object_sha256').notNull(),
    container: audioContainer('container').notNull(),
    technical: jsonb('technical').$type<AudioTechnical>().notNull(),
    /** ISRCs found in the file's tags (ID3 TSRC, TXXX:ISRC, iTunes, APE), normalised. */
    tagIsrcs: jsonb('tag_isrcs').$type<string[]>().notNull().default([]),
    warnings: jsonb('warnings').$type<MediaWarning[]>().notNull().default([]),
    /** The name the file had on the uploader's machine: shown, never used as a path or key. */
    originalName: text('original_name').notNull().default(''),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('track_audio_album_idx').on(t.albumId), index('track_audio_object_idx').on(t.objectSha256)],
);

/** 影音檔送存: a digital album's audio deposited with the library, frozen as it was at that moment. */
export const audioDeposits = pgTable(
  'audio_deposits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    albumId: uuid('album_id')
      .notNull()
      .references(() => albums.id, { onDelete: 'restrict' }),
    registrantId: uuid('registrant_id')
      .notNull()
      .references(() => registrants.id, { onDelete: 'restrict' }),
    depositedBy: uuid('deposited_by').references(() => users.id, { onDelete: 'set null' }),
    depositedAt: timestamp('deposited_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('audio_deposits_album_uq').on(t.albumId)],
);

/** One file of an audio deposit, with the checksum and technical data it was deposited with. */
export const audioDepositFiles = pgTable(
  'audio_deposit_files',
  {
    depositId: uuid('deposit_id')
      .notNull()
      .references(() => audioDeposits.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    isrc: text('isrc').notNull(),
    title: text('title').notNull().default(''),
    objectSha256: objectRef('object_sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    container: audioContainer('container').notNull(),
    technical: jsonb('technical').$type<AudioTechnical>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.depositId, t.position] }), index('audio_deposit_files_object_idx').on(t.objectSha256)],
);

/** One run of the fixity audit (npm run fixity, or the agency's page), with its summary. */
export const fixityRuns = pgTable('fixity_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
  status: fixityRunStatus('status').notNull().default('running'),
  objectsTotal: integer('objects_total').notNull().default(0),
  objectsChecked: integer('objects_checked').notNull().default(0),
  failures: integer('failures').notNull().default(0),
  error: text('error'),
});

/** A PREMIS-style fixity event: which object, when, outcome, by which agent. */
export const fixityEvents = pgTable(
  'fixity_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id').references(() => fixityRuns.id, { onDelete: 'set null' }),
    objectSha256: text('object_sha256')
      .notNull()
      .references(() => storedObjects.sha256, { onDelete: 'cascade' }),
    checkedAt: timestamp('checked_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    outcome: fixityOutcome('outcome').notNull(),
    /** The SHA-256 computed now (null when the object was missing). */
    computedSha256: text('computed_sha256'),
    /** The software that checked, with its version (PREMIS linkingAgent). */
    agent: text('agent').notNull(),
    detail: text('detail'),
  },
  (t) => [index('fixity_events_object_idx').on(t.objectSha256, t.checkedAt), index('fixity_events_run_idx').on(t.runId, t.outcome)],
);
