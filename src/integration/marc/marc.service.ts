import type { Actor } from '../../accounts/actor.js';
import type { ServiceContext } from '../../db/context.js';
import { AppError } from '../../shared/errors.js';
import { buildMarcRecord, type MarcAlbum } from './marc-build.js';
import { toIso2709File } from './marc-iso2709.js';
import type { MarcRecord } from './marc-record.js';
import { toMarcXml } from './marc-xml.js';
import { canExportMarcRange, marcScope } from './marc.policy.js';
import { approvedAlbumsBetween, findMarcAlbum, marcTracksOf, type MarcAlbumRow, type MarcTrackRow } from './marc.repo.js';
import { MARC_RANGE_MAX_ALBUMS, type MarcAlbumQuery, type MarcFormat, type MarcRangeQuery } from './marc.schemas.js';

export interface MarcFile {
  contentType: string;
  fileName: string;
  body: Buffer;
}

/** RFC 6207 names MARCXML's media type; ISO 2709 MARC has `application/marc` (RFC 2220). */
const CONTENT_TYPES: Readonly<Record<MarcFormat, string>> = {
  xml: 'application/marcxml+xml; charset=utf-8',
  mrc: 'application/marc',
};

function toMarcAlbum(album: MarcAlbumRow, tracks: readonly MarcTrackRow[]): MarcAlbum {
  if (album.reviewedAt === null) {
    throw new Error(`approved album ${album.id} has no approval time`);
  }
  return {
    albumNumber: album.albumNumber,
    title: album.title,
    releaseType: album.releaseType,
    albumType: album.albumType,
    workCategory: album.workCategory,
    mediaForm: album.mediaForm,
    publicationCategory: album.publicationCategory,
    releaseDate: album.releaseDate,
    publisher: album.publisher,
    productionCompany: album.productionCompany,
    credits: album.credits,
    totalDurationSeconds: album.totalDurationSeconds,
    introduction: album.introduction,
    approvedAt: album.reviewedAt,
    updatedAt: album.updatedAt,
    tracks: tracks.filter((t) => t.albumId === album.id),
  };
}

async function recordsOf(ctx: ServiceContext, albums: readonly MarcAlbumRow[]): Promise<MarcRecord[]> {
  const tracks = await marcTracksOf(
    ctx.db,
    albums.map((a) => a.id),
  );
  const settings = { countryCode: ctx.countryCode, timeZone: ctx.timeZone };
  return albums.map((album) => buildMarcRecord(toMarcAlbum(album, tracks), settings));
}

function fileOf(records: readonly MarcRecord[], format: MarcFormat, baseName: string): MarcFile {
  const body = format === 'xml' ? Buffer.from(toMarcXml(records), 'utf8') : Buffer.from(toIso2709File(records));
  return { contentType: CONTENT_TYPES[format], fileName: `${baseName}.${format}`, body };
}

/**
 * 匯出 MARC: one approved album as a MARC 21 bibliographic record for the national library's
 * cataloguers. A member exports their own registrant's albums (another's is NOT_FOUND); staff any.
 */
export async function exportAlbumMarc(ctx: ServiceContext, actor: Actor, albumId: string, query: MarcAlbumQuery): Promise<MarcFile> {
  const scope = marcScope(actor);
  if (scope === undefined) {
    throw new AppError('FORBIDDEN');
  }
  const album = await findMarcAlbum(ctx.db, albumId, scope.registrantId);
  if (album === undefined) {
    throw new AppError('NOT_FOUND');
  }
  if (album.status !== 'approved') {
    throw new AppError('ALBUM_NOT_APPROVED', { status: album.status, format: 'MARC 21' });
  }
  return fileOf(await recordsOf(ctx, [album]), query.format ?? 'xml', `album-${album.albumNumber}`);
}

/**
 * 匯出 MARC by approval date (staff): every album approved on the agency-calendar days `from` to
 * `to`, in order of approval. A range holding more than MARC_RANGE_MAX_ALBUMS albums is refused
 * rather than cut short, so the library never misses a record without knowing.
 */
export async function exportMarcRange(ctx: ServiceContext, actor: Actor, query: MarcRangeQuery): Promise<MarcFile> {
  if (!canExportMarcRange(actor)) {
    throw new AppError('FORBIDDEN');
  }
  if (query.from > query.to) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'to', code: 'minimum', message: 'to < from' }] });
  }
  const albums = await approvedAlbumsBetween(ctx.db, { from: query.from, to: query.to, timeZone: ctx.timeZone }, MARC_RANGE_MAX_ALBUMS + 1);
  if (albums.length > MARC_RANGE_MAX_ALBUMS) {
    throw new AppError('MARC_RANGE_TOO_LARGE', { max: MARC_RANGE_MAX_ALBUMS });
  }
  return fileOf(await recordsOf(ctx, albums), query.format ?? 'xml', `marc-${query.from}_${query.to}`);
}
