/**
 * The public search's reads. Every query is limited to approved recordings (approved_at is set when
 * the first album holding one is approved, and approved albums never change again) and to approved
 * albums: drafts, submissions and returned albums never leave these functions.
 */
import { and, asc, eq, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { albums, albumTracks, rateLimitHits, recordings, registrants } from '../db/schema/index.js';
import { containsPattern } from '../db/like.js';
import type { Db } from '../db/types.js';

export type PublicScope = { isrc: string } | { text: string } | { ids: readonly string[] };

function scopeWhere(scope: PublicScope): SQL | undefined {
  if ('isrc' in scope) {
    return eq(recordings.isrc, scope.isrc);
  }
  if ('ids' in scope) {
    return inArray(recordings.id, [...scope.ids]);
  }
  const pattern = containsPattern(scope.text);
  return or(sql`${recordings.title} ilike ${pattern}`, sql`${recordings.artistText} ilike ${pattern}`);
}

const approved = (scope: PublicScope) => and(isNotNull(recordings.approvedAt), isNotNull(recordings.isrc), scopeWhere(scope));

/** The query behind approvedRecordingIds (the bench explains it). */
export const approvedRecordingIdsQuery = (db: Db, scope: PublicScope, limit: number) => db.select({ id: recordings.id }).from(recordings).where(approved(scope)).limit(limit);

/** The ids of at most `limit` approved matches, in any order (a trigram index finds rare words). */
export async function approvedRecordingIds(db: Db, scope: PublicScope, limit: number): Promise<string[]> {
  const rows = await approvedRecordingIdsQuery(db, scope, limit);
  return rows.map((r) => r.id);
}

/** One page in ISRC order (the unique key's index), with only the public columns. */
export function approvedRecordingPage(db: Db, scope: PublicScope, window: { offset: number; limit: number }) {
  return db
    .select({
      id: recordings.id,
      isrc: recordings.isrc,
      title: recordings.title,
      performers: recordings.artistText,
      durationSeconds: recordings.durationSeconds,
      registrantName: registrants.name,
    })
    .from(recordings)
    .innerJoin(registrants, eq(registrants.id, recordings.registrantId))
    .where(approved(scope))
    .orderBy(asc(recordings.isrc))
    .limit(window.limit)
    .offset(window.offset);
}

/** Up to `perRecording` approved albums holding each recording, lowest album number first. */
export async function approvedAlbumsHolding(db: Db, recordingIds: readonly string[], perRecording: number) {
  if (recordingIds.length === 0) {
    return [];
  }
  const ranked = db
    .select({
      recordingId: albumTracks.recordingId,
      title: albums.title,
      publisher: albums.publisher,
      albumNumber: albums.albumNumber,
      rank: sql<number>`row_number() over (partition by ${albumTracks.recordingId} order by ${albums.albumNumber})`.as('rank'),
    })
    .from(albumTracks)
    .innerJoin(albums, eq(albums.id, albumTracks.albumId))
    .where(and(inArray(albumTracks.recordingId, [...recordingIds]), eq(albums.status, 'approved')))
    .as('ranked');
  return db
    .select({ recordingId: ranked.recordingId, title: ranked.title, publisher: ranked.publisher })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${perRecording}`)
    .orderBy(asc(ranked.albumNumber));
}

/**
 * Counts one hit in a fixed window and returns the window's hits so far. One upsert, so two
 * server processes counting the same address at once both see the sum.
 */
export async function countHit(db: Db, bucket: string, windowStart: Date): Promise<number> {
  const rows = await db
    .insert(rateLimitHits)
    .values({ bucket, windowStart, hits: 1 })
    .onConflictDoUpdate({ target: [rateLimitHits.bucket, rateLimitHits.windowStart], set: { hits: sql`${rateLimitHits.hits} + 1` } })
    .returning({ hits: rateLimitHits.hits });
  return rows[0]?.hits ?? 1;
}

/** Drops windows of this bucket family that ended before `before` (its index is on window_start). */
export async function pruneHits(db: Db, bucketPrefix: string, before: Date): Promise<void> {
  await db.delete(rateLimitHits).where(and(lt(rateLimitHits.windowStart, before), sql`${rateLimitHits.bucket} like ${`${bucketPrefix}%`}`));
}
