import { eq, inArray, or, sql } from 'drizzle-orm';
import { albumCovers, albums, albumTracks, audioDepositFiles, audioDeposits, recordings, registrantChangeRequests, trackAudio } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import type { FixityReferenceKind } from './fixity.schemas.js';

/** What holds a stored object: read for the objects that failed a check, so officers know what is hurt. */
export interface ObjectReference {
  sha256: string;
  kind: FixityReferenceKind;
  albumId: string | null;
  albumNumber: number | null;
  isrc: string | null;
  changeRequestId: string | null;
}

const none = { isrc: null, changeRequestId: null };

export async function referencesOf(db: Db, shas: readonly string[]): Promise<ObjectReference[]> {
  if (shas.length === 0) {
    return [];
  }
  const list = [...shas];
  const covers = await db
    .select({ object: albumCovers.objectSha256, thumbnail: albumCovers.thumbnailSha256, albumId: albums.id, albumNumber: albums.albumNumber })
    .from(albumCovers)
    .innerJoin(albums, eq(albums.id, albumCovers.albumId))
    .where(or(inArray(albumCovers.objectSha256, list), inArray(albumCovers.thumbnailSha256, list)));
  const audio = await db
    .select({ sha256: trackAudio.objectSha256, albumId: albums.id, albumNumber: albums.albumNumber, isrc: recordings.isrc })
    .from(trackAudio)
    .innerJoin(albumTracks, eq(albumTracks.id, trackAudio.albumTrackId))
    .innerJoin(recordings, eq(recordings.id, albumTracks.recordingId))
    .innerJoin(albums, eq(albums.id, trackAudio.albumId))
    .where(inArray(trackAudio.objectSha256, list));
  const deposited = await db
    .select({ sha256: audioDepositFiles.objectSha256, albumId: albums.id, albumNumber: albums.albumNumber, isrc: audioDepositFiles.isrc })
    .from(audioDepositFiles)
    .innerJoin(audioDeposits, eq(audioDeposits.id, audioDepositFiles.depositId))
    .innerJoin(albums, eq(albums.id, audioDeposits.albumId))
    .where(inArray(audioDepositFiles.objectSha256, list));
  const requests = await db
    .select({ sha256: sql<string>`${registrantChangeRequests.attachment}->>'sha256'`, id: registrantChangeRequests.id })
    .from(registrantChangeRequests)
    .where(inArray(sql`${registrantChangeRequests.attachment}->>'sha256'`, list));
  return [
    ...covers.flatMap((c) => [
      ...(list.includes(c.object) ? [{ sha256: c.object, kind: 'cover' as const, albumId: c.albumId, albumNumber: c.albumNumber, ...none }] : []),
      ...(list.includes(c.thumbnail) ? [{ sha256: c.thumbnail, kind: 'coverThumbnail' as const, albumId: c.albumId, albumNumber: c.albumNumber, ...none }] : []),
    ]),
    ...audio.map((a) => ({ sha256: a.sha256, kind: 'trackAudio' as const, albumId: a.albumId, albumNumber: a.albumNumber, isrc: a.isrc, changeRequestId: null })),
    ...deposited.map((d) => ({ sha256: d.sha256, kind: 'audioDeposit' as const, albumId: d.albumId, albumNumber: d.albumNumber, isrc: d.isrc, changeRequestId: null })),
    ...requests.map((r) => ({ sha256: r.sha256, kind: 'changeRequest' as const, albumId: null, albumNumber: null, isrc: null, changeRequestId: r.id })),
  ];
}
