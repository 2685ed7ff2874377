import { and, asc, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { albums, albumTracks, recordings } from '../db/schema/index.js';
import { containsPattern } from '../db/like.js';
import { rowsOf } from '../db/rows.js';
import type { Db } from '../db/types.js';

export type TrackRow = typeof albumTracks.$inferSelect;
export type RecordingRow = typeof recordings.$inferSelect;
export type NewRecordingRow = typeof recordings.$inferInsert;

export interface TrackWithRecording {
  track: TrackRow;
  recording: RecordingRow;
}

export function listTracks(db: Db, albumId: string): Promise<TrackWithRecording[]> {
  return db
    .select({ track: albumTracks, recording: recordings })
    .from(albumTracks)
    .innerJoin(recordings, eq(recordings.id, albumTracks.recordingId))
    .where(eq(albumTracks.albumId, albumId))
    .orderBy(asc(albumTracks.position));
}

export async function findTrack(db: Db, albumId: string, trackId: string): Promise<TrackWithRecording | undefined> {
  const rows = await db
    .select({ track: albumTracks, recording: recordings })
    .from(albumTracks)
    .innerJoin(recordings, eq(recordings.id, albumTracks.recordingId))
    .where(and(eq(albumTracks.albumId, albumId), eq(albumTracks.id, trackId)))
    .limit(1);
  return rows[0];
}

export async function nextPosition(db: Db, albumId: string): Promise<number> {
  const rows = await db
    .select({ max: sql<number | null>`max(${albumTracks.position})` })
    .from(albumTracks)
    .where(eq(albumTracks.albumId, albumId));
  return (rows[0]?.max ?? 0) + 1;
}

export async function insertTrack(db: Db, values: { albumId: string; recordingId: string; position: number; cited: boolean }): Promise<TrackRow> {
  const rows = await db.insert(albumTracks).values(values).returning();
  const row = rows[0];
  if (row === undefined) {
    throw new Error('insert into album_tracks returned no row');
  }
  return row;
}

/** Removes a slot and closes the gap, so positions stay 1..n. */
export async function deleteTrackRow(db: Db, albumId: string, trackId: string, position: number): Promise<void> {
  await db.delete(albumTracks).where(and(eq(albumTracks.albumId, albumId), eq(albumTracks.id, trackId)));
  const later = await db
    .select({ id: albumTracks.id, position: albumTracks.position })
    .from(albumTracks)
    .where(and(eq(albumTracks.albumId, albumId), gt(albumTracks.position, position)))
    .orderBy(asc(albumTracks.position));
  for (const row of later) {
    await db
      .update(albumTracks)
      .set({ position: row.position - 1 })
      .where(eq(albumTracks.id, row.id));
  }
}

export async function insertRecording(db: Db, values: NewRecordingRow): Promise<RecordingRow> {
  const rows = await db.insert(recordings).values(values).returning();
  const row = rows[0];
  if (row === undefined) {
    throw new Error('insert into recordings returned no row');
  }
  return row;
}

/** Applies `patch`; an empty patch (a save with nothing filled in) changes nothing and returns the row. */
export async function updateRecordingRow(db: Db, id: string, patch: Partial<NewRecordingRow>): Promise<RecordingRow> {
  const rows =
    Object.keys(patch).length === 0
      ? await db.select().from(recordings).where(eq(recordings.id, id)).limit(1)
      : await db.update(recordings).set(patch).where(eq(recordings.id, id)).returning();
  const row = rows[0];
  if (row === undefined) {
    throw new Error(`recording ${id} vanished during update`);
  }
  return row;
}

/**
 * Puts system-assigned codes on several recordings in one statement (送出審核 of a whole album), so
 * the cost of a submission does not grow with a round trip per track.
 */
export async function assignSystemIsrcs(db: Db, assignments: readonly { recordingId: string; isrc: string }[]): Promise<void> {
  if (assignments.length === 0) {
    return;
  }
  const values = sql.join(
    assignments.map((a) => sql`(${a.recordingId}::uuid, ${a.isrc}::text)`),
    sql`, `,
  );
  await db.execute(sql`
    update ${recordings} set isrc = v.isrc, isrc_source = 'system', updated_at = now()
    from (values ${values}) as v(id, isrc)
    where ${recordings.id} = v.id`);
}

export async function deleteRecordingRow(db: Db, id: string): Promise<void> {
  await db.delete(recordings).where(eq(recordings.id, id));
}

export async function findRecording(db: Db, id: string): Promise<RecordingRow | undefined> {
  const rows = await db.select().from(recordings).where(eq(recordings.id, id)).limit(1);
  return rows[0];
}

export interface IsrcHolder {
  recordingId: string;
  registrantId: string;
  albumId: string | null;
  albumNumber: number | null;
  albumTitle: string | null;
}

/** Which recording (and first album) holds this ISRC, for "already used on album …" messages. */
export async function findIsrcHolder(db: Db, isrc: string): Promise<IsrcHolder | undefined> {
  const rows = await db
    .select({
      recordingId: recordings.id,
      registrantId: recordings.registrantId,
      albumId: albums.id,
      albumNumber: albums.albumNumber,
      albumTitle: albums.title,
    })
    .from(recordings)
    .leftJoin(albumTracks, eq(albumTracks.recordingId, recordings.id))
    .leftJoin(albums, eq(albums.id, albumTracks.albumId))
    .where(eq(recordings.isrc, isrc))
    .orderBy(asc(albums.albumNumber))
    .limit(1);
  return rows[0];
}

/** findIsrcHolder for many codes in one statement (the first album by number, as there). */
export async function findIsrcHolders(db: Db, isrcs: readonly string[]): Promise<Map<string, IsrcHolder>> {
  const holders = new Map<string, IsrcHolder>();
  if (isrcs.length === 0) {
    return holders;
  }
  const result = await db.execute(sql`
    select distinct on (r.isrc) r.isrc, r.id as recording_id, r.registrant_id, a.id as album_id, a.album_number, a.title as album_title
    from recordings r
    left join album_tracks t on t.recording_id = r.id
    left join albums a on a.id = t.album_id
    where r.isrc = any(${sql.param([...isrcs])}::text[])
    order by r.isrc, a.album_number asc`);
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  for (const r of rowsOf(result)) {
    holders.set(String(r.isrc), {
      recordingId: String(r.recording_id),
      registrantId: String(r.registrant_id),
      albumId: text(r.album_id),
      albumNumber: r.album_number === null ? null : Number(r.album_number),
      albumTitle: text(r.album_title),
    });
  }
  return holders;
}

/** The approved recordings holding any of these ISRCs (what may be cited by exact ISRC). */
export function findApprovedByIsrcs(db: Db, isrcs: readonly string[]): Promise<RecordingRow[]> {
  if (isrcs.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .select()
    .from(recordings)
    .where(and(isNotNull(recordings.approvedAt), sql`${recordings.isrc} = any(${sql.param([...isrcs])}::text[])`));
}

/** How many album slots use the recording (a new recording belongs to one album until cited). */
export async function countSlots(db: Db, recordingId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(albumTracks)
    .where(eq(albumTracks.recordingId, recordingId));
  return rows[0]?.n ?? 0;
}

/** Approved recordings a registrant may cite: its own by title or ISRC, anyone's by exact ISRC. */
export function searchCitableRows(db: Db, registrantId: string, q: string, isrc: string | undefined, limit: number): Promise<RecordingRow[]> {
  const own = and(eq(recordings.registrantId, registrantId), sql`${recordings.title} ilike ${containsPattern(q)}`);
  const byIsrc = isrc === undefined ? undefined : eq(recordings.isrc, isrc);
  return db
    .select()
    .from(recordings)
    .where(and(isNotNull(recordings.approvedAt), isNotNull(recordings.isrc), byIsrc === undefined ? own : or(own, byIsrc)))
    .orderBy(asc(recordings.title))
    .limit(limit);
}

export async function approveRecordingsOfAlbum(db: Db, albumId: string, at: Date): Promise<void> {
  const slots = db.select({ id: albumTracks.recordingId }).from(albumTracks).where(eq(albumTracks.albumId, albumId));
  await db
    .update(recordings)
    .set({ approvedAt: at })
    .where(and(isNull(recordings.approvedAt), inArray(recordings.id, slots)));
}
