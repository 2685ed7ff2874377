import { Type, type Static } from 'typebox';
import { Credits } from '../catalog/catalog.schemas.js';
import { Uuid } from '../shared/common.schemas.js';

/** 專輯匯入: the preview (預覽資料) and its confirm (確認匯入). Browser-safe. */

export const ImportPreviewParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export type ImportPreviewParams = Static<typeof ImportPreviewParams>;

/** A catalogue's preview shows its albums a page at a time. */
export const IMPORT_ALBUM_PAGE_SIZE = { default: 20, max: 100 } as const;

export const ImportPreviewQuery = Type.Object(
  {
    albumPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, description: 'Page of the grouped albums (1-based)' })),
    albumPageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: IMPORT_ALBUM_PAGE_SIZE.max, description: `Albums a page (default ${IMPORT_ALBUM_PAGE_SIZE.default})` })),
  },
  { additionalProperties: false },
);
export type ImportPreviewQuery = Static<typeof ImportPreviewQuery>;

export const ImportProblemView = Type.Object({
  /** 狀態 */
  severity: Type.Enum(['error', 'warning']),
  /** 類型 */
  scope: Type.Enum(['album', 'track']),
  /** 列: the spreadsheet's row number, or null for the file as a whole. */
  row: Type.Union([Type.Integer(), Type.Null()]),
  /** 欄: the column's heading as written in the file. */
  column: Type.Union([Type.String(), Type.Null()]),
  /** 專輯代號: in a catalogue, the album the row belongs to. */
  albumKey: Type.Union([Type.String(), Type.Null()]),
  /** 訊息, in the request's language. */
  message: Type.String(),
});
export type ImportProblemView = Static<typeof ImportProblemView>;

const text = Type.String();
const nullableText = Type.Union([Type.String(), Type.Null()]);

export const ImportAlbumPreview = Type.Object({
  row: Type.Integer(),
  releaseType: text,
  title: text,
  credits: Credits,
  publisher: text,
  /** As the guide shows dates: 2026.01.02. */
  releaseDate: nullableText,
  productionCompany: text,
  /** m:ss or h:mm:ss. */
  totalDuration: nullableText,
  albumType: nullableText,
  workCategory: nullableText,
  mediaForm: nullableText,
  publicationCategory: nullableText,
  introduction: text,
  retroactive: Type.Boolean(),
  trackCount: Type.Integer(),
});
export type ImportAlbumPreview = Static<typeof ImportAlbumPreview>;

export const ImportTrackPreview = Type.Object({
  row: Type.Integer(),
  position: Type.Integer(),
  cited: Type.Boolean(),
  /** The ISRC as it will be written (a "next available" code is only a forecast until the confirm). */
  isrc: nullableText,
  /** An empty ISRC cell: 'next-available' (the forecast code above), 'on-submission' (the pool's code at 送出審核, individuals), or null (stays empty). */
  isrcNote: Type.Union([Type.Enum(['next-available', 'on-submission']), Type.Null()]),
  title: text,
  credits: Credits,
  productionCompany: text,
  duration: nullableText,
  recordingDate: nullableText,
  aiAssisted: Type.Boolean(),
  producedAbroad: Type.Boolean(),
  versionType: nullableText,
  versionOfIsrc: nullableText,
});
export type ImportTrackPreview = Static<typeof ImportTrackPreview>;

/** One album of the file with its tracks and the number of its problems (a catalogue's preview, grouped by album). */
export const ImportAlbumGroup = Type.Object({
  /** 專輯代號 as written (null in a one-album file). */
  key: Type.Union([Type.String(), Type.Null()]),
  album: Type.Union([ImportAlbumPreview, Type.Null()]),
  tracks: Type.Array(ImportTrackPreview),
  errorCount: Type.Integer(),
  warningCount: Type.Integer(),
});
export type ImportAlbumGroup = Static<typeof ImportAlbumGroup>;

export const ImportPreviewResponse = Type.Object({
  id: Uuid,
  kind: Type.Enum(['album', 'catalogue']),
  fileName: Type.String(),
  status: Type.Enum(['open', 'confirmed']),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  nextAvailable: Type.Boolean(),
  hasCover: Type.Boolean(),
  errorCount: Type.Integer(),
  warningCount: Type.Integer(),
  problems: Type.Array(ImportProblemView),
  /** A one-album file: its album and tracks (a catalogue: null and empty; see `albums`). */
  album: Type.Union([ImportAlbumPreview, Type.Null()]),
  tracks: Type.Array(ImportTrackPreview),
  /** The albums of the file grouped with their tracks, one page of them (albumPage, albumPageSize). */
  albums: Type.Array(ImportAlbumGroup),
  albumCount: Type.Integer(),
  trackCount: Type.Integer(),
  albumPage: Type.Integer(),
  albumPageSize: Type.Integer(),
  /** The albums the confirm created (in file order), once confirmed. */
  albumIds: Type.Union([Type.Array(Uuid), Type.Null()]),
});
export type ImportPreviewResponse = Static<typeof ImportPreviewResponse>;

/**
 * How far a preview or a confirm is, streamed to a client that asks with `Accept: application/x-ndjson`:
 * `reading` the file, `checking` it through the services (preview), `writing` it (confirm); done/total
 * count tracks.
 */
export const ImportProgress = Type.Object({
  phase: Type.Enum(['reading', 'checking', 'writing']),
  done: Type.Integer(),
  total: Type.Integer(),
});
export type ImportProgress = Static<typeof ImportProgress>;

/** One line of the streamed answer: progress lines, then exactly one result or error line. */
export type ImportStreamLine =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'result'; status: number; preview: ImportPreviewResponse }
  | { type: 'error'; status: number; error: { code: string; message: string; details?: Record<string, unknown> } };
