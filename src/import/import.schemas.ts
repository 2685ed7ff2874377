import { Type, type Static } from 'typebox';
import { Credits } from '../catalog/catalog.schemas.js';
import { Uuid } from '../shared/common.schemas.js';

/** 專輯匯入: the preview (預覽資料) and its confirm (確認匯入). Browser-safe. */

export const ImportPreviewParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export type ImportPreviewParams = Static<typeof ImportPreviewParams>;

export const ImportProblemView = Type.Object({
  /** 狀態 */
  severity: Type.Enum(['error', 'warning']),
  /** 類型 */
  scope: Type.Enum(['album', 'track']),
  /** 列: the spreadsheet's row number, or null for the file as a whole. */
  row: Type.Union([Type.Integer(), Type.Null()]),
  /** 欄: the column's heading as written in the file. */
  column: Type.Union([Type.String(), Type.Null()]),
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
  album: Type.Union([ImportAlbumPreview, Type.Null()]),
  tracks: Type.Array(ImportTrackPreview),
  /** The albums the confirm created (in file order), once confirmed. */
  albumIds: Type.Union([Type.Array(Uuid), Type.Null()]),
});
export type ImportPreviewResponse = Static<typeof ImportPreviewResponse>;
