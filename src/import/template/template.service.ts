import type { Actor } from '../../accounts/actor.js';
import { getAlbum } from '../../catalog/albums.service.js';
import { listOwnRecordings, type OwnRecording } from '../../catalog/registrant-recordings.service.js';
import type { ServiceContext } from '../../db/context.js';
import { toCsv } from '../../export/csv.js';
import { EXPORT_CONTENT_TYPES, type Table, type TableColumn } from '../../export/table.js';
import { toXlsx } from '../../export/xlsx.js';
import { albumRows, recordingCells } from './album-rows.js';
import { SHEET_NAMES, templateColumns, type TemplateLang } from './columns.js';
import type { AlbumExportQuery, RecordingsExportQuery, TemplateQuery } from './template.schemas.js';
import { writeTemplate } from './write-template.js';

export interface FileDownload {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const XLSX = EXPORT_CONTENT_TYPES.xlsx;
const langSuffix = (lang: TemplateLang): string => (lang === 'en' ? '-en' : '');

/** 批次上傳範本: the same file for every signed-in user (the auth hook keeps applicants out). */
export async function downloadTemplate(query: TemplateQuery): Promise<FileDownload> {
  const lang = query.lang ?? 'zh-TW';
  const kind = query.kind ?? 'album';
  return { fileName: `isrc-${kind}-template${langSuffix(lang)}.xlsx`, contentType: XLSX, body: await writeTemplate({ lang, kind }) };
}

/**
 * An album in the import template's format, without example rows: importing the file gives the same
 * album. Registrants: their own (another's is NOT_FOUND); staff: any.
 */
export async function exportAlbum(ctx: ServiceContext, actor: Actor, albumId: string, query: AlbumExportQuery): Promise<FileDownload> {
  const album = await getAlbum(ctx, actor, albumId);
  const lang = query.lang ?? 'zh-TW';
  const rows = albumRows(album, lang);
  return {
    fileName: `isrc-album-${album.albumNumber}${langSuffix(lang)}.xlsx`,
    contentType: XLSX,
    body: await writeTemplate({ lang, kind: 'album', rows: { album: [rows.album], tracks: rows.tracks } }),
  };
}

/** The recordings table: the album, then the track sheet's columns (credit roles in use only), then approval. */
function recordingsTable(items: readonly OwnRecording[], lang: TemplateLang): Table<OwnRecording> {
  const zh = lang === 'zh-TW';
  const cells = new Map(items.map((item) => [item, recordingCells(item.recording, lang)]));
  const usedRoles = new Set(items.flatMap((item) => item.recording.credits.filter((c) => c.names.length > 0).map((c) => `credits.${c.role}`)));
  const trackColumns: TableColumn<OwnRecording>[] = templateColumns('tracks', 'album')
    .filter((column) => column.key !== 'trackNumber' && column.key !== 'cited' && (column.kind.type !== 'credits' || usedRoles.has(column.key)))
    .map((column) => ({ header: column.heading[lang], width: column.width, value: (item) => cells.get(item)?.[column.key] ?? null }));
  return {
    sheet: SHEET_NAMES.tracks[lang],
    columns: [
      { header: zh ? '專輯編號' : 'Album number', width: 12, value: (item) => item.album?.albumNumber ?? null },
      { header: zh ? '專輯名稱' : 'Album title', width: 30, value: (item) => item.album?.title ?? null },
      ...trackColumns,
      { header: zh ? '審核狀態' : 'Review', width: 12, value: (item) => (item.recording.approved ? (zh ? '已核准' : 'Approved') : zh ? '未核准' : 'Not approved') },
    ],
    rows: items,
  };
}

/** All the member's recordings as .xlsx or CSV (CSV cells that a spreadsheet would run as formulas neutralised). */
export async function exportRecordings(ctx: ServiceContext, actor: Actor, query: RecordingsExportQuery): Promise<FileDownload> {
  const items = await listOwnRecordings(ctx, actor);
  const lang = query.lang ?? 'zh-TW';
  const table = recordingsTable(items, lang);
  if (query.format === 'csv') {
    return { fileName: `isrc-recordings${langSuffix(lang)}.csv`, contentType: EXPORT_CONTENT_TYPES.csv, body: Buffer.from(toCsv(table), 'utf8') };
  }
  return { fileName: `isrc-recordings${langSuffix(lang)}.xlsx`, contentType: XLSX, body: await toXlsx(table) };
}
