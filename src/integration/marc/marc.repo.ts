import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { albums, albumTracks, recordings } from '../../db/schema/index.js';
import type { Db } from '../../db/types.js';

export type MarcAlbumRow = typeof albums.$inferSelect;

export interface MarcTrackRow {
  albumId: string;
  position: number;
  title: string;
  isrc: string | null;
  durationSeconds: number | null;
  credits: { role: string; names: string[] }[];
  productionCompany: string;
}

/** The album, if it exists and (when `registrantId` is given) is that registrant's. */
export async function findMarcAlbum(db: Db, id: string, registrantId: string | undefined): Promise<MarcAlbumRow | undefined> {
  const where = registrantId === undefined ? eq(albums.id, id) : and(eq(albums.id, id), eq(albums.registrantId, registrantId));
  const rows = await db.select().from(albums).where(where).limit(1);
  return rows[0];
}

/**
 * Albums approved on the agency-calendar days `from`..`to` (inclusive), in order of approval; at
 * most `limit` rows (the caller asks for one more than it allows, to know the range is too wide).
 */
export function approvedAlbumsBetween(db: Db, range: { from: string; to: string; timeZone: string }, limit: number): Promise<MarcAlbumRow[]> {
  return db
    .select()
    .from(albums)
    .where(
      and(
        eq(albums.status, 'approved'),
        sql`${albums.reviewedAt} >= (${range.from}::date)::timestamp at time zone ${range.timeZone}`,
        sql`${albums.reviewedAt} < ((${range.to}::date + 1)::timestamp at time zone ${range.timeZone})`,
      ),
    )
    .orderBy(asc(albums.reviewedAt), asc(albums.albumNumber))
    .limit(limit);
}

/** The tracks of the albums, each with its recording's catalogue fields, in album order. */
export async function marcTracksOf(db: Db, albumIds: readonly string[]): Promise<MarcTrackRow[]> {
  if (albumIds.length === 0) {
    return [];
  }
  return db
    .select({
      albumId: albumTracks.albumId,
      position: albumTracks.position,
      title: recordings.title,
      isrc: recordings.isrc,
      durationSeconds: recordings.durationSeconds,
      credits: recordings.credits,
      productionCompany: recordings.productionCompany,
    })
    .from(albumTracks)
    .innerJoin(recordings, eq(recordings.id, albumTracks.recordingId))
    .where(inArray(albumTracks.albumId, [...albumIds]))
    .orderBy(asc(albumTracks.albumId), asc(albumTracks.position));
}
