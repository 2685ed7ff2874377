import type { Actor } from '../accounts/actor.js';
import { loadAllocationProfile } from '../allocation/allocation.service.js';
import { issuanceRule } from '../allocation/issuance.policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { withTransaction } from '../db/tx.js';
import { getRegistrantSummary } from '../registrants/registrants.service.js';
import { latestReturnTrackReasons } from '../review/review-notes.service.js';
import { isDeletable, isEditableByRegistrant } from '../review/review-state.js';
import { currentYear, type ServiceContext, type TxContext } from '../db/context.js';
import { AppError } from '../shared/errors.js';
import { pageWindow } from '../shared/text.js';
import { normaliseIsrc } from '../isrc/isrc.js';
import { deleteAlbumRow, findAlbum, insertAlbum, listAlbumRows, lockAlbum, updateAlbumRow, type AlbumRow, type AlbumStatus } from './albums.repo.js';
import { parseAlbumFields } from './catalog-input.js';
import { canEditAlbums, readScope } from './catalog.policy.js';
import type { AlbumFields, AlbumListQuery, AlbumPage, AlbumResponse, AlbumView, CreateAlbumBody } from './catalog.schemas.js';
import { displayIsrc, toAlbumResponse, toAlbumSummary } from './catalog-view.js';
import { assertRetroactiveKept } from './retroactive-rule.js';
import { listTracks } from './tracks.repo.js';
import { albumCover, coverObjectsOf, coverThumbnailUrls, releaseCoverObjects } from '../media/covers.view.js';
import { albumAudio, emptyAlbumAudio } from '../media/track-audio.view.js';

const VIEW_STATUSES: Readonly<Record<AlbumView, readonly AlbumStatus[] | undefined>> = {
  todo: ['draft', 'returned'],
  all: undefined,
  review: ['submitted'],
};

/** Whether the registrant's new recordings get pool codes on 送出審核 (the issuance rule). */
export async function isrcAssignedOnSubmission(ctx: ServiceContext, registrantId: string): Promise<boolean> {
  const registrant = await getRegistrantSummary(ctx, registrantId);
  return registrant !== undefined && issuanceRule(registrant.kind).poolOnSubmission;
}

export function assertMember(actor: Actor): asserts actor is Extract<Actor, { kind: 'member' }> {
  if (!canEditAlbums(actor)) {
    throw new AppError('FORBIDDEN');
  }
}

/** The album if the actor may see it; another registrant's is NOT_FOUND. */
export async function visibleAlbum(ctx: ServiceContext, actor: Actor, id: string): Promise<AlbumRow> {
  const album = await findAlbum(ctx.db, id, readScope(actor));
  if (album === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return album;
}

/** Locks the member's own album for a change and checks it is still theirs to edit. */
export async function lockEditableAlbum(tx: TxContext, actor: Actor, id: string): Promise<AlbumRow> {
  const album = await lockAlbum(tx.db, id, readScope(actor));
  if (album === undefined) {
    throw new AppError('NOT_FOUND');
  }
  assertMember(actor);
  if (!isEditableByRegistrant(album.status)) {
    throw new AppError('ALBUM_NOT_EDITABLE', { status: album.status });
  }
  return album;
}

export async function albumResponse(ctx: ServiceContext, album: AlbumRow): Promise<AlbumResponse> {
  const trackReasons = album.status === 'returned' ? await latestReturnTrackReasons(ctx, album.id) : [];
  return toAlbumResponse(
    album,
    await listTracks(ctx.db, album.id),
    await isrcAssignedOnSubmission(ctx, album.registrantId),
    trackReasons,
    await albumCover(ctx, album.id),
    await albumAudio(ctx, album),
  );
}

/** 專輯新增: a new draft album of the chosen release type. */
export async function createAlbum(ctx: ServiceContext, actor: Actor, body: CreateAlbumBody): Promise<AlbumResponse> {
  assertMember(actor);
  if (body.registrantId !== undefined && body.registrantId !== actor.registrantId) {
    throw new AppError('NOT_FOUND');
  }
  return withTransaction(ctx, async (tx) => {
    const album = await insertAlbum(tx.db, { registrantId: actor.registrantId, releaseType: body.releaseType, createdBy: actor.userId });
    await recordAudit(tx, actor, { action: 'album.create', entityType: 'album', entityId: album.id, after: album });
    return toAlbumResponse(album, [], await isrcAssignedOnSubmission(tx, album.registrantId), [], null, emptyAlbumAudio(album.status));
  });
}

export async function getAlbum(ctx: ServiceContext, actor: Actor, id: string): Promise<AlbumResponse> {
  return albumResponse(ctx, await visibleAlbum(ctx, actor, id));
}

/** 儲存修改: saves whatever is filled in; completeness is only checked on submission. */
export async function updateAlbum(ctx: ServiceContext, actor: Actor, id: string, fields: AlbumFields): Promise<AlbumResponse> {
  const patch = parseAlbumFields(fields, currentYear(ctx));
  return withTransaction(ctx, async (tx) => {
    const before = await lockEditableAlbum(tx, actor, id);
    if (before.retroactive && patch.retroactive === false) {
      // Codes attached under 回溯編碼 keep needing it: clearing it would carry them through unchecked.
      assertRetroactiveKept(tx.countryCode, await loadAllocationProfile(tx, before.registrantId), await listTracks(tx.db, id));
    }
    const after = await updateAlbumRow(tx.db, id, patch);
    await recordAudit(tx, actor, { action: 'album.update', entityType: 'album', entityId: id, before, after });
    return albumResponse(tx, after);
  });
}

/** Deletes a draft album that has no tracks (the tracks go first, so nothing is lost by accident). */
export async function deleteAlbum(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  const cover = await withTransaction(ctx, async (tx) => {
    const album = await lockEditableAlbum(tx, actor, id);
    if (!isDeletable(album.status)) {
      throw new AppError('ALBUM_NOT_DELETABLE');
    }
    const tracks = await listTracks(tx.db, id);
    if (tracks.length > 0) {
      throw new AppError('ALBUM_HAS_TRACKS', {
        count: tracks.length,
        tracks: tracks.map((t) => ({ id: t.track.id, position: t.track.position, title: t.recording.title, isrc: displayIsrc(t.recording.isrc) })),
      });
    }
    const coverObjects = await coverObjectsOf(tx, id);
    await deleteAlbumRow(tx.db, id);
    await recordAudit(tx, actor, { action: 'album.delete', entityType: 'album', entityId: id, before: album });
    return coverObjects;
  });
  // The cover went with the album (cascade); its stored objects go once that is committed.
  await releaseCoverObjects(ctx, cover);
}

/** 待辦事項 / 所有專輯 / 審核中專輯, paged, sorted and searched on the server. */
export async function listAlbums(ctx: ServiceContext, actor: Actor, query: AlbumListQuery): Promise<AlbumPage> {
  const { page, pageSize, offset } = pageWindow(query.page, query.pageSize);
  const scope = readScope(actor);
  if (scope !== undefined && query.registrantId !== undefined && query.registrantId !== scope) {
    throw new AppError('NOT_FOUND');
  }
  const q = query.q?.normalize('NFC').trim();
  const isrc = q === undefined ? undefined : normaliseIsrc(q);
  const { rows, total, totalCapped } = await listAlbumRows(
    ctx.db,
    { registrantId: scope ?? query.registrantId, statuses: VIEW_STATUSES[query.view ?? 'all'], q, isrc: isrc?.ok === true ? isrc.value : undefined },
    { sort: query.sort ?? 'albumNumber', direction: query.order ?? 'desc' },
    { offset, limit: pageSize },
  );
  const albumIds = rows.map((r) => r.album.id);
  const thumbnails = await coverThumbnailUrls(ctx, albumIds);
  return { items: rows.map((r) => toAlbumSummary(r, thumbnails.get(r.album.id) ?? null)), total, totalCapped, page, pageSize };
}
