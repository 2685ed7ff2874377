import { coverTypeOf, coverTypeRefusal } from './cover-type.js';
import { Readable } from 'node:stream';
import type { Actor } from '../accounts/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertMember, lockEditableAlbum, visibleAlbum } from '../catalog/albums.service.js';
import type { ServiceContext, TxContext } from '../db/context.js';
import { withTransaction } from '../db/tx.js';
import { isEditableByRegistrant, type ReviewStatus } from '../review/review-state.js';
import { AppError, isAppError } from '../shared/errors.js';
import { storageOf, storeStaged } from '../storage/objects.service.js';
import { stageUpload, type StagedFile } from '../storage/staging.js';
import { FileTooLargeError } from '../storage/storage.js';
import { UploadSourceError } from '../storage/upload.js';
import { CoverImageError, readCoverImage, THUMBNAIL_TYPE } from './cover-image.js';
import { deleteCover, findCover, upsertCover, type CoverRow } from './covers.repo.js';
import { MAX_COVER_BYTES, type AlbumCover } from './covers.schemas.js';
import { albumCover, releaseCoverObjects } from './covers.view.js';

/** The file part of a cover upload; its stream must be read to the end (or drained). */
export interface CoverUpload {
  stream: Readable;
  /** The multipart parser cut the file at its own limit (it does not fail by itself). */
  truncated: () => boolean;
}

function stagingDirOf(ctx: ServiceContext): string {
  if (ctx.stagingDir === undefined) {
    throw new Error('upload staging directory is not configured');
  }
  return ctx.stagingDir;
}

/** The cover changes exactly while the album can be edited; an approved album's cover is locked for good. */
function assertCoverChangeable(actor: Actor, status: ReviewStatus): void {
  assertMember(actor);
  if (status === 'approved') {
    throw new AppError('COVER_LOCKED');
  }
  if (!isEditableByRegistrant(status)) {
    throw new AppError('ALBUM_NOT_EDITABLE', { status });
  }
}

/** Locks the album for the change (it may have been submitted meanwhile) and checks again. */
async function lockForCoverChange(tx: TxContext, actor: Actor, albumId: string): Promise<void> {
  try {
    await lockEditableAlbum(tx, actor, albumId);
  } catch (err) {
    if (isAppError(err, 'ALBUM_NOT_EDITABLE') && err.details?.status === 'approved') {
      throw new AppError('COVER_LOCKED');
    }
    throw err;
  }
}

function auditValue(cover: Pick<CoverRow, 'width' | 'height' | 'object' | 'thumbnail'>) {
  return { sha256: cover.object.sha256, size: cover.object.size, contentType: cover.object.contentType, width: cover.width, height: cover.height, thumbnailSha256: cover.thumbnail.sha256 };
}

/** Receives the upload on the local disk: ≤ 5 MB while it streams (the byte past it is never written). */
async function stageCover(ctx: ServiceContext, file: CoverUpload): Promise<StagedFile> {
  let staged: StagedFile;
  try {
    staged = await stageUpload(file.stream, { dir: stagingDirOf(ctx), maxBytes: MAX_COVER_BYTES, metrics: ctx.metrics });
  } catch (err) {
    if (err instanceof FileTooLargeError) {
      throw new AppError('COVER_TOO_LARGE');
    }
    if (err instanceof UploadSourceError) {
      throw new AppError('MALFORMED_REQUEST');
    }
    throw err;
  }
  if (file.truncated()) {
    await staged.discard();
    throw new AppError('COVER_TOO_LARGE');
  }
  return staged;
}

/** Decides the type by content and reads the image; the thumbnail is staged beside the cover. */
async function checkCover(ctx: ServiceContext, staged: StagedFile) {
  if (staged.size === 0) {
    throw new AppError('FILE_EMPTY');
  }
  const type = coverTypeOf(staged.head);
  if (type === undefined) {
    throw coverTypeRefusal(staged.head);
  }
  let image;
  try {
    image = await readCoverImage(staged.path, type);
  } catch (err) {
    if (err instanceof CoverImageError) {
      throw err.problem.kind === 'too-many-pixels' ? new AppError('COVER_IMAGE_TOO_LARGE', { width: err.problem.width, height: err.problem.height }) : new AppError('COVER_IMAGE_UNREADABLE');
    }
    throw err;
  }
  const thumbnail = await stageUpload(Readable.from([image.thumbnail]), { dir: stagingDirOf(ctx), maxBytes: MAX_COVER_BYTES });
  return { type, width: image.width, height: image.height, thumbnail };
}

/**
 * 上傳專輯封面: a JPG, PNG or GIF (by content) of at most 5 MB becomes the album's cover, with a
 * thumbnail. Ownership and the album's state are checked before a byte is read; a refused file
 * (type, size, damaged image) leaves nothing in storage, in the database or in staging. The
 * replaced cover's objects are released once the new one is committed.
 */
export async function putAlbumCover(ctx: ServiceContext, actor: Actor, albumId: string, openFile: () => Promise<CoverUpload>): Promise<AlbumCover> {
  const album = await visibleAlbum(ctx, actor, albumId);
  assertCoverChangeable(actor, album.status);
  const file = await openFile();
  const staged = await stageCover(ctx, file);
  let checked;
  try {
    checked = await checkCover(ctx, staged);
  } catch (err) {
    await staged.discard();
    throw err;
  }
  const { type, width, height, thumbnail } = checked;
  const previous = await storeStaged(
    ctx,
    [
      { staged, contentType: type },
      { staged: thumbnail, contentType: THUMBNAIL_TYPE },
    ],
    async (tx, [object, thumb]) => {
      if (object === undefined || thumb === undefined) {
        throw new Error('storeStaged returned fewer objects than files');
      }
      await lockForCoverChange(tx, actor, albumId);
      const before = await findCover(tx.db, albumId);
      await upsertCover(tx.db, { albumId, objectSha256: object.sha256, thumbnailSha256: thumb.sha256, width, height, uploadedBy: actor.userId, uploadedAt: ctx.clock.now() });
      await recordAudit(tx, actor, {
        action: 'album.cover.upload',
        entityType: 'album',
        entityId: albumId,
        before: before === undefined ? null : auditValue(before),
        after: auditValue({ width, height, object, thumbnail: thumb }),
      });
      return before;
    },
  );
  if (previous !== undefined) {
    await releaseCoverObjects(ctx, [previous.object, previous.thumbnail], [staged.sha256, thumbnail.sha256]);
  }
  const cover = await albumCover(ctx, albumId);
  if (cover === null) {
    throw new Error('the cover just stored is not there');
  }
  return cover;
}

/** 移除專輯封面: the album has no cover again; its objects are released. NOT_FOUND when it had none. */
export async function removeAlbumCover(ctx: ServiceContext, actor: Actor, albumId: string): Promise<void> {
  const album = await visibleAlbum(ctx, actor, albumId);
  assertCoverChangeable(actor, album.status);
  const removed = await withTransaction(ctx, async (tx) => {
    await lockForCoverChange(tx, actor, albumId);
    const before = await findCover(tx.db, albumId);
    if (before === undefined) {
      throw new AppError('NOT_FOUND');
    }
    await deleteCover(tx.db, albumId);
    await recordAudit(tx, actor, { action: 'album.cover.remove', entityType: 'album', entityId: albumId, before: auditValue(before) });
    return before;
  });
  await releaseCoverObjects(ctx, [removed.object, removed.thumbnail]);
}

/** What a cover download needs: the validator (ETag) first, the bytes only when they are sent. */
export interface CoverDownload {
  sha256: string;
  size: number;
  contentType: string;
  open: () => Promise<Readable>;
}

/** The cover or its thumbnail, for the album's registrant and the agency; others get NOT_FOUND. */
export async function openAlbumCover(ctx: ServiceContext, actor: Actor, albumId: string, which: 'cover' | 'thumbnail'): Promise<CoverDownload> {
  await visibleAlbum(ctx, actor, albumId);
  const row = await findCover(ctx.db, albumId);
  if (row === undefined) {
    throw new AppError('NOT_FOUND');
  }
  const object = which === 'cover' ? row.object : row.thumbnail;
  return { sha256: object.sha256, size: object.size, contentType: object.contentType, open: () => storageOf(ctx).get(object.storageKey) };
}
