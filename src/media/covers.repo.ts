import { eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { albumCovers, storedObjects } from '../db/schema/index.js';
import type { Db } from '../db/types.js';

/** One stored object as a cover row points at it. */
export interface CoverObject {
  sha256: string;
  size: number;
  contentType: string;
  storageKey: string;
}

export interface CoverRow {
  albumId: string;
  width: number;
  height: number;
  uploadedAt: Date;
  object: CoverObject;
  thumbnail: CoverObject;
}

const thumbnails = alias(storedObjects, 'thumbnail_objects');

/** The album's cover with both its objects, or undefined. */
export async function findCover(db: Db, albumId: string): Promise<CoverRow | undefined> {
  const rows = await db
    .select({
      albumId: albumCovers.albumId,
      width: albumCovers.width,
      height: albumCovers.height,
      uploadedAt: albumCovers.uploadedAt,
      object: { sha256: storedObjects.sha256, size: storedObjects.size, contentType: storedObjects.contentType, storageKey: storedObjects.storageKey },
      thumbnail: { sha256: thumbnails.sha256, size: thumbnails.size, contentType: thumbnails.contentType, storageKey: thumbnails.storageKey },
    })
    .from(albumCovers)
    .innerJoin(storedObjects, eq(storedObjects.sha256, albumCovers.objectSha256))
    .innerJoin(thumbnails, eq(thumbnails.sha256, albumCovers.thumbnailSha256))
    .where(eq(albumCovers.albumId, albumId))
    .limit(1);
  return rows[0];
}

/** Sets the album's cover, replacing the one it had. */
export async function upsertCover(
  db: Db,
  row: { albumId: string; objectSha256: string; thumbnailSha256: string; width: number; height: number; uploadedBy: string; uploadedAt: Date },
): Promise<void> {
  const { objectSha256, thumbnailSha256, width, height, uploadedBy, uploadedAt } = row;
  await db.insert(albumCovers).values(row).onConflictDoUpdate({ target: albumCovers.albumId, set: { objectSha256, thumbnailSha256, width, height, uploadedBy, uploadedAt } });
}

export async function deleteCover(db: Db, albumId: string): Promise<void> {
  await db.delete(albumCovers).where(eq(albumCovers.albumId, albumId));
}

/** The thumbnails of many albums in one query (a page of a list): album id → thumbnail SHA-256. */
export async function coverThumbnailsOf(db: Db, albumIds: readonly string[]): Promise<Map<string, string>> {
  if (albumIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ albumId: albumCovers.albumId, thumbnailSha256: albumCovers.thumbnailSha256 })
    .from(albumCovers)
    .where(inArray(albumCovers.albumId, [...albumIds]));
  return new Map(rows.map((r) => [r.albumId, r.thumbnailSha256]));
}
