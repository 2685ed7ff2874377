import { sql } from 'drizzle-orm';
import { check, index, integer, json, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { registrants } from './registrants.js';

/**
 * Integration without the browser: personal API tokens, idempotent retries, rate limits shared by
 * every server process, and spreadsheet import previews waiting for 確認匯入.
 */

/** A personal API token: shown once, stored as its SHA-256, scoped to its user's registrant. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    registrantId: uuid('registrant_id')
      .notNull()
      .references(() => registrants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Lower-case hex SHA-256 of the whole token. */
    tokenHash: text('token_hash').notNull(),
    /** The token's first characters, so its owner can tell tokens apart in the list. */
    tokenPrefix: text('token_prefix').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

/**
 * The first result of a creating request sent with an `Idempotency-Key`: a retry with the same key
 * (same user, same operation) gets this answer back and allocates nothing new.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** Method and route pattern, e.g. `POST /api/v1/albums/:id/tracks`. */
    operation: text('operation').notNull(),
    /** SHA-256 of the request body and path parameters: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    /** Null while the first request is still running. */
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/** Fixed-window hit counters shared by every server process (public search, per client address). */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    bucket: text('bucket').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] }), index('rate_limit_hits_window_idx').on(t.windowStart)],
);

/**
 * A spreadsheet read and checked (預覽資料) but not yet written: 確認匯入 turns it into draft albums
 * once; confirming again returns the same albums.
 */
export const importPreviews = pgTable(
  'import_previews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrantId: uuid('registrant_id')
      .notNull()
      .references(() => registrants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** `album` (one album a file, as the guide does) or `catalogue` (a whole back catalogue). */
    kind: text('kind', { enum: ['album', 'catalogue'] }).notNull(),
    fileName: text('file_name').notNull(),
    /**
     * The checked albums and tracks, ready to write, and the problems found. `json`, not `jsonb`:
     * only ever written and read whole, never queried inside, and json is stored as sent — a
     * 2,000-track preview was written in 10 ms instead of 25 ms.
     */
    payload: json('payload').notNull(),
    /** A staged cover image uploaded with the file, if any (a staging key, never a user's name). */
    coverStagingKey: text('cover_staging_key'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
    /** The album ids the confirm created, in file order. */
    albumIds: jsonb('album_ids').$type<string[]>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('import_previews_registrant_idx').on(t.registrantId, t.createdAt), check('import_previews_confirmed_ck', sql`(${t.confirmedAt} is null) = (${t.albumIds} is null)`)],
);
