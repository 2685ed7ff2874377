/**
 * 專輯匯入 through the preview route with files from other producers
 * (test/fixtures/spreadsheets/producers): every one is answered with a preview — the album as the
 * registrant meant it, or each refused cell named in the request's language — never a 500.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreviewResponse } from '../../src/import/import.schemas.js';
import { memberSession, ok, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';
import { image } from './covers-fixtures.js';
import { postPreview } from './import-fixtures.js';

const PRODUCERS = join(import.meta.dirname, '../fixtures/spreadsheets/producers');

const env = useTestApp();
let co: MemberSession;
let cover: Buffer;

beforeAll(async () => {
  co = await memberSession(env, 'company');
  cover = await image('png', 600, 600);
});

async function preview(file: string, lang = 'zh-TW'): Promise<ImportPreviewResponse> {
  return ok(await postPreview(env, co.api, await readFile(join(PRODUCERS, file)), cover, { lang }), 201).json<ImportPreviewResponse>();
}

const cellProblems = (p: ImportPreviewResponse) =>
  p.problems.filter((x) => x.column !== 'ISRC' && x.column !== 'ISRC編號').map((x) => `${x.severity}|${x.row ?? ''}|${x.column ?? ''}|${x.message}`);

describe('專輯匯入: files from other producers', () => {
  it.each(['openpyxl-accepted.xlsx', 'gnumeric-accepted.xlsx', 'libreoffice-accepted.xlsx'])(
    '%s previews the album as meant (English headings, 1904 dates, typed durations)',
    async (file) => {
      const p = await preview(file, 'en');
      expect(p.album).toMatchObject({ title: 'Other Side', releaseDate: '2026.01.02', credits: [{ role: 'performer', names: ['An Lin', 'Ta-Ming Wang'] }] });
      expect(p.tracks.map((t) => [t.row, t.title, t.duration, t.recordingDate, t.aiAssisted])).toEqual([
        [3, 'Sea Song', '3:05', '2025.09', true],
        [4, 'Two Lines', '4:10', '2025.09', true],
        [5, 'Three', '3:05', '2025.09', true],
        [6, 'Four', '3:05', '2025.09', true],
        [7, 'Five', '3:06', '2025', true],
      ]);
      // The ISRCs (another registrant's code) are the ISRC services' business; no cell of the file is refused.
      expect(cellProblems(p).filter((line) => line.startsWith('error'))).toEqual([]);
    },
  );

  it('names every refused cell in the request’s language', async () => {
    const p = await preview('openpyxl-refused.xlsx');
    expect(cellProblems(p)).toEqual(
      expect.arrayContaining([
        'error|2|*發行日期|「115.01.02」看起來是民國年；請改用西元年，例如 2026.01.02。',
        'error|2|*製作公司|儲存格是錯誤值（#N/A），通常是公式出錯；請改成正確的內容。',
        'error|4|錄製長度|「12:00」被試算表當成 12 小時 0 分；若是 12 分 0 秒，請輸入 0:12:00，或先把儲存格格式設為「文字」再輸入。',
        'error|3|原版本 ISRC|「12345」存成了數字，開頭的 0 可能已經遺失；請把這一欄的儲存格格式設為「文字」，再重新輸入代碼。',
      ]),
    );
    expect(p.errorCount).toBeGreaterThanOrEqual(13);
  });

  it('refuses each formula openpyxl saved without its result, and the clock time, in English', async () => {
    const p = await preview('openpyxl-resaved.xlsx', 'en');
    const uncalculated = p.problems.filter((x) => x.message.startsWith('This cell holds a formula whose result was never calculated'));
    expect(uncalculated.map((x) => [x.row, x.column])).toEqual(
      expect.arrayContaining([
        [2, '*曲目序號'],
        [3, '*曲目序號'],
        [4, '*曲目序號'],
        [2, 'ISRC編號'],
        [5, '錄製日期'],
      ]),
    );
    expect(p.problems.map((x) => x.message)).toContain(
      'Your spreadsheet took "03:05:00" as a time of day (3 h 5 min). If you meant 3 min 5 s, enter 0:03:05; if it really is 3 h 5 min, format the cell as text and enter 3:05:00.',
    );
  });

  it('reads sheets Gnumeric named after CSV files by their headings, and says so', async () => {
    const p = await preview('gnumeric-csv.xlsx');
    expect(p.album).toMatchObject({ title: '海的另一邊', releaseDate: '2026.01.02' });
    expect(cellProblems(p)).toEqual(
      expect.arrayContaining([
        'warning|||找不到工作表「批次上傳專輯頁面欄位」；依標題列，將工作表「album.csv」當成專輯工作表讀取。',
        'error|3|錄製日期|「2025.1」存成了數字，月份可能已遺失（2025.10 會變成 2025.1）；請把這一欄的儲存格格式設為「文字」，再重新輸入日期。',
      ]),
    );
  });

  it.each(['xlsxwriter-cached.xlsx', 'xlsxwriter-inline.xlsx'])('%s: cached formula results read as shown', async (file) => {
    const p = await preview(file);
    expect(p.tracks.map((t) => [t.position, t.title, t.duration])).toEqual([
      [1, '第1首', '3:01'],
      [2, '第2首', '3:02'],
      [3, '第3首', '3:03'],
      [4, '第4首', null],
    ]);
  });
  it.each(['poi-xssf.xlsx', 'openxml-sdk-prefixed.xlsx', 'strict-open-xml.xlsx', 'excel-phonetic.xlsx'])(
    '%s (POI, Open XML SDK, Strict, phonetic guides) previews the album as meant',
    async (file) => {
      const p = await preview(file);
      expect(p.album).toMatchObject({ title: '海的另一邊', releaseDate: '2026.01.02', credits: [{ role: 'performer', names: ['林小安'] }] });
      expect(p.tracks.map((t) => [t.row, t.title]).slice(0, 2)).toEqual([
        [2, file === 'excel-phonetic.xlsx' ? '海之歌' : '第1首'],
        [3, '第2首'],
      ]);
    },
  );

  it.each([
    [
      'poi-sxssf.xlsx',
      [
        [2, '*曲目序號'],
        [3, '*曲目序號'],
        [4, '*曲目序號'],
      ],
    ],
    [
      'xlsxwriter-uncached.xlsx',
      [
        [2, '回溯編碼'],
        [2, 'ISRC編號'],
        [2, '*曲目序號'],
        [3, 'ISRC編號'],
        [3, '*曲目序號'],
      ],
    ],
  ])('%s: the placeholder 0 a program stored for each uncalculated formula is refused by cell, in English', async (file, cells) => {
    const p = await preview(file, 'en');
    const uncalculated = p.problems.filter((x) => x.message.startsWith('This cell holds a formula whose result was never calculated'));
    expect(uncalculated.map((x) => [x.row, x.column])).toEqual(cells);
  });

  it('a workbook written by SheetJS (XLSX.write) is previewed, not refused as a macro workbook', async () => {
    const book = XLSX.utils.book_new();
    const album = [
      ['*出版類別', '*專輯名稱', '*發行公司', '*發行日期', '*製作公司', '*專輯類型'],
      ['數位發行', '海的另一邊', '山海唱片', '2026.01.02', '山海製作', '個人專輯'],
    ];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(album), '批次上傳專輯頁面欄位');
    const tracks = [
      ['*曲目序號', '*曲目名稱', '*製作公司'],
      [1, '第1首', '山海製作'],
    ];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(tracks), '批次上傳曲目頁面欄位');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const p = ok(await postPreview(env, co.api, bytes, cover, { lang: 'en' }), 201).json<ImportPreviewResponse>();
    expect(p.album).toMatchObject({ title: '海的另一邊', releaseDate: '2026.01.02' });
    expect(p.tracks.map((t) => [t.row, t.position, t.title])).toEqual([[2, 1, '第1首']]);
  });
});
