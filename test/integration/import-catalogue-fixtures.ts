/**
 * Catalogue workbooks (many albums keyed by 專輯代號) for the import tests, written with exceljs from
 * the template's headings, and the streamed (NDJSON) answers of the preview and the confirm.
 */
import ExcelJS from 'exceljs';
import type { ImportPreviewResponse, ImportStreamLine } from '../../src/import/import.schemas.js';
import { API, type Client, type Reply } from '../helpers/catalog.js';
import type { TestEnv } from '../helpers/setup.js';
import { ALBUM_HEADINGS, goodAlbum, multipartBody, TRACK_HEADINGS, trackRow, type Row } from './import-fixtures.js';

export const KEY = '*專輯代號';

export interface CatalogueAlbum {
  key: string;
  album?: Row;
  /** Each track's ISRC ('' for none) and extra cells. */
  tracks: { isrc: string; extra?: Row }[];
}

/** An album row per album and its track rows, every row keyed; tracks listed album after album. */
export async function catalogueWorkbook(albums: readonly CatalogueAlbum[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const albumHeadings = [KEY, ...ALBUM_HEADINGS];
  const trackHeadings = [KEY, ...TRACK_HEADINGS];
  const albumSheet = book.addWorksheet('批次上傳專輯頁面欄位');
  const trackSheet = book.addWorksheet('批次上傳曲目頁面欄位');
  albumSheet.addRow(albumHeadings);
  trackSheet.addRow(trackHeadings);
  for (const a of albums) {
    const row: Row = { ...goodAlbum, '*專輯名稱': `專輯 ${a.key}`, ...a.album, [KEY]: a.key };
    albumSheet.addRow(albumHeadings.map((h) => row[h] ?? null));
    a.tracks.forEach((t, i) => {
      const track: Row = { ...trackRow(i + 1, t.isrc), '*曲目名稱': `${a.key} 第 ${i + 1} 首`, ...t.extra, [KEY]: a.key };
      trackSheet.addRow(trackHeadings.map((h) => track[h] ?? null));
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The lines of a streamed answer, and its one result (or error) line. */
export function streamLines(res: Reply): { lines: ImportStreamLine[]; preview?: ImportPreviewResponse; error?: Extract<ImportStreamLine, { type: 'error' }> } {
  const lines = res.body
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as ImportStreamLine);
  const last = lines.at(-1);
  return { lines, ...(last?.type === 'result' ? { preview: last.preview } : {}), ...(last?.type === 'error' ? { error: last } : {}) };
}

const NDJSON = 'application/x-ndjson';

/** 預覽資料 with a streamed answer. */
export function postPreviewStreamed(env: TestEnv, api: Client, xlsx: Buffer, options: { nextAvailable?: boolean } = {}): Promise<Reply> {
  const parts = [{ name: 'file', fileName: '回溯.xlsx', content: xlsx }, ...(options.nextAvailable === true ? [{ name: 'nextAvailable', content: 'true' }] : [])];
  const { payload, headers } = multipartBody(parts);
  return env.app.inject({ method: 'POST', url: `${API}/import/previews`, payload, headers: { ...headers, cookie: api.cookie, accept: NDJSON, 'accept-language': 'zh-TW' } });
}

/** 確認匯入 with a streamed answer. */
export function confirmStreamed(env: TestEnv, api: Client, id: string): Promise<Reply> {
  return env.app.inject({ method: 'POST', url: `${API}/import/previews/${id}/confirm`, headers: { cookie: api.cookie, accept: NDJSON, 'accept-language': 'zh-TW' } });
}
