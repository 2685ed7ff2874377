import { Type, type Static } from 'typebox';
import { COVER_TYPES } from '../shared/enums.js';

/** Browser-safe: the cover rules the web form checks before it uploads, and the API's shapes. */

/** The largest cover image (專輯封面) accepted: 5 MB, enforced while the upload streams. */
export const MAX_COVER_BYTES = 5 * 1024 * 1024;
/** For the file picker only; the server decides the type by the content. */
export const COVER_ACCEPT = '.jpg,.jpeg,.png,.gif';
/** Width of the thumbnail shown in album lists and the album header (never enlarged). */
export const COVER_THUMBNAIL_WIDTH = 320;

/** An album's cover as the API shows it; `url` and `thumbnailUrl` change when the cover does. */
export const AlbumCover = Type.Object({
  width: Type.Integer({ description: 'Pixels, as displayed (EXIF orientation applied)' }),
  height: Type.Integer(),
  contentType: Type.Enum(COVER_TYPES, { description: 'Decided by the content, not the name' }),
  size: Type.Integer({ description: 'Bytes' }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  url: Type.String({ description: 'The image itself (same session)' }),
  thumbnailUrl: Type.String({ description: `A thumbnail at most ${COVER_THUMBNAIL_WIDTH} px wide` }),
  uploadedAt: Type.String({ format: 'date-time' }),
});
export type AlbumCover = Static<typeof AlbumCover>;

/** `v`: the cover's version in its URL (a prefix of its SHA-256), so a replaced cover is never served from a cache. */
export const CoverQuery = Type.Object({ v: Type.Optional(Type.String({ pattern: '^[0-9a-f]{1,64}$' })) }, { additionalProperties: false });
export type CoverQuery = Static<typeof CoverQuery>;
