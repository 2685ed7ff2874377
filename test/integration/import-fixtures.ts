/**
 * 專輯匯入 tests: workbooks built with exceljs from the template's own headings, and the multipart
 * bodies (file, cover, nextAvailable) the preview route takes.
 */
import ExcelJS from 'exceljs';
import { API, type Client } from '../helpers/catalog.js';
import type { TestEnv } from '../helpers/setup.js';

export type Row = Record<string, string | number>;

export const ALBUM_HEADINGS = ['*出版類別', '*專輯名稱', '表演者', '*發行公司', '*發行日期', '*製作公司', '*專輯類型'];
export const TRACK_HEADINGS = ['*曲目序號', '是否為引用', 'ISRC編號', '*曲目名稱', '表演者', '*製作公司', '錄製長度'];

export const goodAlbum: Row = {
  '*出版類別': '數位發行',
  '*專輯名稱': '匯入的專輯',
  表演者: '林小安',
  '*發行公司': '山海唱片',
  '*發行日期': '2026.01.02',
  '*製作公司': '山海製作',
  '*專輯類型': '個人專輯',
};

export function trackRow(n: number, isrc: string, extra: Row = {}): Row {
  return { '*曲目序號': n, 是否為引用: '否', ISRC編號: isrc, '*曲目名稱': `第 ${n} 首`, 表演者: '林小安', '*製作公司': '山海製作', 錄製長度: '3:25', ...extra };
}

/** An .xlsx with the album sheet (one row) and the tracks sheet; every cell written as text. */
export async function workbook(album: Row, tracks: Row[], options: { albumHeadings?: string[]; trackHeadings?: string[]; extraSheet?: boolean } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const write = (name: string, headings: string[], rows: Row[]) => {
    const sheet = book.addWorksheet(name);
    sheet.addRow(headings);
    for (const row of rows) {
      sheet.addRow(headings.map((h) => row[h] ?? null));
    }
    return sheet;
  };
  write('批次上傳專輯頁面欄位', options.albumHeadings ?? ALBUM_HEADINGS, [album]);
  write('批次上傳曲目頁面欄位', options.trackHeadings ?? TRACK_HEADINGS, tracks);
  if (options.extraSheet === true) {
    write('我的筆記', ['備註'], [{ 備註: 'x' }]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

interface Part {
  name: string;
  fileName?: string;
  content: Buffer | string;
}

export function multipartBody(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----import${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.fileName === undefined ? `form-data; name="${part.name}"` : `form-data; name="${part.name}"; filename="${part.fileName}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.fileName === undefined ? '' : 'Content-Type: application/octet-stream\r\n'}\r\n`, 'utf8'));
    chunks.push(typeof part.content === 'string' ? Buffer.from(part.content, 'utf8') : part.content);
    chunks.push(Buffer.from('\r\n', 'utf8'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function postPreview(env: TestEnv, api: Client, xlsx: Buffer, cover: Buffer | undefined, options: { nextAvailable?: boolean; lang?: string; fileName?: string } = {}) {
  const parts: Part[] = [{ name: 'file', fileName: options.fileName ?? '匯入.xlsx', content: xlsx }];
  if (cover !== undefined) {
    parts.push({ name: 'cover', fileName: 'cover.png', content: cover });
  }
  if (options.nextAvailable === true) {
    parts.push({ name: 'nextAvailable', content: 'true' });
  }
  const { payload, headers } = multipartBody(parts);
  return env.app.inject({ method: 'POST', url: `${API}/import/previews`, payload, headers: { ...headers, cookie: api.cookie, 'accept-language': options.lang ?? 'zh-TW' } });
}
