import type { ServiceContext } from '../db/context.js';
import { COVER_TYPES, type CoverType } from '../shared/enums.js';
import { releaseObject } from '../storage/objects.service.js';
import { coverThumbnailsOf, findCover, type CoverObject, type CoverRow } from './covers.repo.js';
import type { AlbumCover } from './covers.schemas.js';

/**
 * What src/catalog asks of covers: the cover in the album response, thumbnails for the album lists,
 * and releasing a deleted album's objects. Kept apart from covers.service.ts, which itself uses the
 * catalog's services to check the album (no import cycle).
 */

/** How much of the SHA-256 goes into a URL as its version: enough to tell covers apart. */
const VERSION_LENGTH = 16;

/** `/api/v1/albums/:id/cover[/thumbnail]?v=…`; the version changes with the bytes, so a cached copy is never stale. */
export function coverPath(albumId: string, which: 'cover' | 'thumbnail', sha256: string): string {
  const base = `/api/v1/albums/${encodeURIComponent(albumId)}/cover`;
  return `${which === 'cover' ? base : `${base}/thumbnail`}?v=${sha256.slice(0, VERSION_LENGTH)}`;
}

/** Whether a URL's `v` names these bytes (then the answer may be cached for long). */
export function isCurrentVersion(v: string | undefined, sha256: string): boolean {
  return v !== undefined && v.length === VERSION_LENGTH && sha256.startsWith(v);
}

function coverType(contentType: string): CoverType {
  const type = COVER_TYPES.find((t) => t === contentType);
  if (type === undefined) {
    throw new Error(`stored cover has content type ${contentType}`);
  }
  return type;
}

export function toAlbumCover(row: CoverRow): AlbumCover {
  return {
    width: row.width,
    height: row.height,
    contentType: coverType(row.object.contentType),
    size: row.object.size,
    sha256: row.object.sha256,
    url: coverPath(row.albumId, 'cover', row.object.sha256),
    thumbnailUrl: coverPath(row.albumId, 'thumbnail', row.thumbnail.sha256),
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

/** The album's cover for its response, or null when it has none. */
export async function albumCover(ctx: ServiceContext, albumId: string): Promise<AlbumCover | null> {
  const row = await findCover(ctx.db, albumId);
  return row === undefined ? null : toAlbumCover(row);
}

/** Thumbnail URLs of a page of albums, in one query: album id → URL (albums without a cover are absent). */
export async function coverThumbnailUrls(ctx: ServiceContext, albumIds: readonly string[]): Promise<Map<string, string>> {
  const thumbnails = await coverThumbnailsOf(ctx.db, albumIds);
  return new Map([...thumbnails].map(([albumId, sha256]) => [albumId, coverPath(albumId, 'thumbnail', sha256)]));
}

export type { CoverObject } from './covers.repo.js';

/** The cover objects of an album (inside the transaction that deletes it), to release after it commits. */
export async function coverObjectsOf(ctx: ServiceContext, albumId: string): Promise<CoverObject[]> {
  const row = await findCover(ctx.db, albumId);
  return row === undefined ? [] : [row.object, row.thumbnail];
}

/** Removes cover objects nothing references any more (`keep`: the ones just stored). */
export async function releaseCoverObjects(ctx: ServiceContext, objects: readonly CoverObject[], keep: readonly string[] = []): Promise<void> {
  for (const object of objects.filter((o) => !keep.includes(o.sha256))) {
    await releaseObject(ctx, object.sha256, object.storageKey);
  }
}
