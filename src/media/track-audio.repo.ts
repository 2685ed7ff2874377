import { eq } from 'drizzle-orm';
import { audioDeposits, storedObjects, trackAudio, type AudioTechnical, type MediaWarning } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import type { AudioContainer } from '../shared/enums.js';

/** A track's audio with the stored object it points at. */
export interface TrackAudioRow {
  albumTrackId: string;
  albumId: string;
  container: AudioContainer;
  technical: AudioTechnical;
  tagIsrcs: string[];
  warnings: MediaWarning[];
  originalName: string;
  uploadedAt: Date;
  object: { sha256: string; size: number; contentType: string; storageKey: string };
}

const columns = {
  albumTrackId: trackAudio.albumTrackId,
  albumId: trackAudio.albumId,
  container: trackAudio.container,
  technical: trackAudio.technical,
  tagIsrcs: trackAudio.tagIsrcs,
  warnings: trackAudio.warnings,
  originalName: trackAudio.originalName,
  uploadedAt: trackAudio.uploadedAt,
  object: { sha256: storedObjects.sha256, size: storedObjects.size, contentType: storedObjects.contentType, storageKey: storedObjects.storageKey },
};

export async function findTrackAudio(db: Db, albumTrackId: string): Promise<TrackAudioRow | undefined> {
  const rows = await db
    .select(columns)
    .from(trackAudio)
    .innerJoin(storedObjects, eq(storedObjects.sha256, trackAudio.objectSha256))
    .where(eq(trackAudio.albumTrackId, albumTrackId))
    .limit(1);
  return rows[0];
}

/** Every track's audio of the album, in one query. */
export function listAlbumTrackAudio(db: Db, albumId: string): Promise<TrackAudioRow[]> {
  return db.select(columns).from(trackAudio).innerJoin(storedObjects, eq(storedObjects.sha256, trackAudio.objectSha256)).where(eq(trackAudio.albumId, albumId));
}

export interface NewTrackAudio {
  albumTrackId: string;
  albumId: string;
  objectSha256: string;
  container: AudioContainer;
  technical: AudioTechnical;
  tagIsrcs: string[];
  warnings: MediaWarning[];
  originalName: string;
  uploadedBy: string;
  uploadedAt: Date;
}

/** Sets the track's audio, replacing the file it had. */
export async function upsertTrackAudio(db: Db, row: NewTrackAudio): Promise<void> {
  const set: Partial<NewTrackAudio> = { ...row };
  delete set.albumTrackId;
  await db.insert(trackAudio).values(row).onConflictDoUpdate({ target: trackAudio.albumTrackId, set });
}

export async function deleteTrackAudioRow(db: Db, albumTrackId: string): Promise<void> {
  await db.delete(trackAudio).where(eq(trackAudio.albumTrackId, albumTrackId));
}

/** Whether the album's audio is deposited (影音檔送存): then its audio never changes again. */
export async function hasAudioDeposit(db: Db, albumId: string): Promise<boolean> {
  const rows = await db.select({ id: audioDeposits.id }).from(audioDeposits).where(eq(audioDeposits.albumId, albumId)).limit(1);
  return rows.length > 0;
}
