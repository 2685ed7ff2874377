import { asc, eq, sql } from 'drizzle-orm';
import { albums, albumTracks, recordings } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import type { RecordingRow } from './tracks.repo.js';

/** A recording of the registrant with the first album it was reported on (its own albums only). */
export interface RegistrantRecordingRow {
  recording: RecordingRow;
  albumNumber: number | null;
  albumTitle: string | null;
}

/**
 * Every recording the registrant owns, by ISRC (those without one last), each once, with the earliest
 * of its albums (by album number). Scoped by registrant: another registrant's album citing it is not shown.
 */
export async function listRegistrantRecordings(db: Db, registrantId: string): Promise<RegistrantRecordingRow[]> {
  const firstAlbum = db
    .selectDistinctOn([albumTracks.recordingId], { recordingId: albumTracks.recordingId, albumNumber: albums.albumNumber, albumTitle: albums.title })
    .from(albumTracks)
    .innerJoin(albums, eq(albums.id, albumTracks.albumId))
    .where(eq(albums.registrantId, registrantId))
    .orderBy(albumTracks.recordingId, asc(albums.albumNumber))
    .as('first_album');
  return db
    .select({ recording: recordings, albumNumber: firstAlbum.albumNumber, albumTitle: firstAlbum.albumTitle })
    .from(recordings)
    .leftJoin(firstAlbum, eq(firstAlbum.recordingId, recordings.id))
    .where(eq(recordings.registrantId, registrantId))
    .orderBy(sql`${recordings.isrc} asc nulls last`, asc(recordings.createdAt), asc(recordings.id));
}
