/**
 * Filled templates written by other producers (test/fixtures/spreadsheets/producers, made by
 * openpyxl, xlsxwriter and Gnumeric): read by the real reader (pre-scan, parsing child), then
 * rowsToDrafts. Each file either gives exactly the album the registrant meant or names every refused
 * cell with its own message.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsToDrafts, type RowsToDraftsResult } from './rows-to-drafts.js';
import { createWorkbookReader, readUploadedWorkbook, type WorkbookReader } from './spreadsheet/index.js';

const PRODUCERS = join(import.meta.dirname, '../../test/fixtures/spreadsheets/producers');

let reader: WorkbookReader;
beforeAll(() => {
  reader = createWorkbookReader();
});
afterAll(() => {
  reader.close();
});

async function drafts(file: string): Promise<RowsToDraftsResult> {
  const read = await readUploadedWorkbook(reader, join(PRODUCERS, file));
  if (!read.ok) {
    throw new Error(`refused: ${read.reason} ${JSON.stringify(read.detail)}`);
  }
  return rowsToDrafts(read.workbook);
}

const lines = (result: RowsToDraftsResult, locale: 'zh-TW' | 'en') => result.problems.map((p) => `${p.severity}|${p.scope}|${p.row ?? ''}|${p.column ?? ''}|${p.message[locale]}`);

const tracksOf = (result: RowsToDraftsResult) => (result.drafts.albums[0]?.tracks ?? []).map((t) => ({ row: t.row, isrc: t.isrc, cited: t.cited, ...t.recording }));

const ACCEPTED_ALBUM = {
  row: 3,
  releaseType: 'digital',
  fields: {
    title: 'Other Side',
    publisher: 'MS Records',
    releaseDate: '2026-01-02',
    productionCompany: 'MS Prod',
    albumType: 'solo',
    retroactive: false,
    credits: [{ role: 'performer', names: ['An Lin', 'Ta-Ming Wang'] }],
  },
};

const track = (row: number, isrc: string | null, title: string, duration: string, recordingDate: string) => ({
  row,
  isrc,
  cited: false,
  title,
  productionCompany: 'MS Prod',
  duration,
  recordingDate,
  aiAssisted: true,
  credits: [{ role: 'performer', names: ['An Lin'] }],
});

const ACCEPTED_TRACKS = [
  // ISRCs go to the ISRC services as written (they take hyphens, spaces, lower case); the text prefix ' is dropped.
  track(3, 'TWK7Q2600001', 'Sea Song', '3:05', '2025-09'),
  track(4, 'tw-k7q-26-00002', 'Two Lines', '4:10', '2025-09'),
  track(5, 'TW K7Q 26 00003', 'Three', '3:05', '2025-09'),
  track(6, null, 'Four', '3:05', '2025-09'),
  track(7, null, 'Five', '3:06', '2025'),
];

describe('filled templates from other producers', () => {
  it('openpyxl: English headings reordered under a title row, 1904 dates, time and timedelta durations, rich text, line breaks, booleans, text prefixes', async () => {
    const sut = await drafts('openpyxl-accepted.xlsx');
    expect(sut.drafts.albums).toHaveLength(1);
    expect(sut.drafts.albums[0]?.album).toEqual(ACCEPTED_ALBUM);
    expect(tracksOf(sut)).toEqual(ACCEPTED_TRACKS);
    // The hidden scratch sheet is not mentioned.
    expect(sut.problems).toEqual([]);
  });

  it('LibreOffice re-saving that file reads the same, with no problem', async () => {
    const sut = await drafts('libreoffice-accepted.xlsx');
    expect(sut.drafts.albums[0]?.album).toEqual(ACCEPTED_ALBUM);
    expect(tracksOf(sut)).toEqual(ACCEPTED_TRACKS);
    expect(sut.problems).toEqual([]);
  });

  it('LibreOffice opening a CSV: 3:05 became the time of day 03:05:00 and 2025.10 the number 2025.1, both refused', async () => {
    const sut = await drafts('libreoffice-csv.xlsx');
    expect(tracksOf(sut).map((t) => [t.row, t.isrc, t.duration ?? null, t.recordingDate ?? null])).toEqual([
      [2, 'TW-K7Q-26-00001', '3:05', '2025-09'],
      [3, 'TWK7Q2600002', null, null],
      [4, 'twk7q2600003', '3:05', '2025-09'],
    ]);
    expect(lines(sut, 'en')).toEqual([
      'error|album|||Sheet "批次上傳專輯頁面欄位" is missing; use the import template downloaded from this system.',
      'error|track|3|錄製長度|Your spreadsheet took "03:05:00" as a time of day (3 h 5 min). If you meant 3 min 5 s, enter 0:03:05; if it really is 3 h 5 min, format the cell as text and enter 3:05:00.',
      'error|track|3|錄製日期|"2025.1" was stored as a number, so the month may be lost (2025.10 becomes 2025.1); format this column as text and enter the date again.',
    ]);
  });

  it('Gnumeric re-saving that file reads the same; only the scratch sheet it made visible is named', async () => {
    const sut = await drafts('gnumeric-accepted.xlsx');
    expect(sut.drafts.albums[0]?.album).toEqual(ACCEPTED_ALBUM);
    expect(tracksOf(sut)).toEqual(ACCEPTED_TRACKS);
    expect(lines(sut, 'en')).toEqual(['warning|album|||Sheet "calc" is not part of the template; its contents are not imported.']);
  });

  // H5 is xlsxwriter's write_formula(…, value=''): <v></v> with no t="str", as openpyxl writes every formula it
  // never calculated — an empty result that is not text is taken for none (uncalculated.ts).
  it.each(['xlsxwriter-cached.xlsx', 'xlsxwriter-inline.xlsx'])('%s: cached formula results, [m]:ss, dates; a clock time 03:05:00 refused with both readings', async (file) => {
    const sut = await drafts(file);
    expect(sut.drafts.albums[0]?.album?.fields).toMatchObject({ releaseDate: '2026-01-02', retroactive: false });
    expect(tracksOf(sut).map((t) => [t.row, t.isrc, t.title, t.duration ?? null, t.recordingDate])).toEqual([
      [2, 'TWK7Q2600001', '第1首', '3:01', '2025-09'],
      [3, 'TWK7Q2600002', '第2首', '3:02', '2025-09'],
      [4, 'TWK7Q2600003', '第3首', '3:03', '2025-09'],
      [5, 'TWK7Q2600004', '第4首', null, undefined],
    ]);
    expect(lines(sut, 'zh-TW')).toEqual([
      'error|track|5|錄製長度|「03:05:00」被試算表當成時刻（3 小時 5 分）。若是 3 分 5 秒，請輸入 0:03:05；若確實是 3 小時 5 分，請先把儲存格格式設為「文字」再輸入 3:05:00。',
      'error|track|5|錄製日期|這一格是公式，但檔案裡沒有它的計算結果（檔案由程式產生或轉存）；請用 Excel、LibreOffice 等試算表開啟後存檔再上傳，或直接輸入值。',
    ]);
    expect(lines(sut, 'en')).toEqual([
      'error|track|5|錄製長度|Your spreadsheet took "03:05:00" as a time of day (3 h 5 min). If you meant 3 min 5 s, enter 0:03:05; if it really is 3 h 5 min, format the cell as text and enter 3:05:00.',
      'error|track|5|錄製日期|This cell holds a formula whose result was never calculated (the file was written or re-saved by a program); open and save it in Excel, LibreOffice or another spreadsheet before uploading, or type the value instead.',
    ]);
  });

  it('openpyxl re-saving the xlsxwriter file drops every formula result: each such cell is refused, none read as blank', async () => {
    const sut = await drafts('openpyxl-resaved.xlsx');
    const uncalculated =
      'This cell holds a formula whose result was never calculated (the file was written or re-saved by a program); open and save it in Excel, LibreOffice or another spreadsheet before uploading, or type the value instead.';
    expect(
      lines(sut, 'en')
        .filter((line) => line.endsWith(uncalculated))
        .sort(),
    ).toEqual(
      [
        [2, '*曲目序號'],
        [2, 'ISRC編號'],
        [3, '*曲目序號'],
        [3, 'ISRC編號'],
        [4, '*曲目序號'],
        [4, 'ISRC編號'],
        // The computed empty string of the xlsxwriter file is a missing result once openpyxl re-saved it.
        [5, '錄製日期'],
      ]
        .map(([row, column]) => `error|track|${row}|${column}|${uncalculated}`)
        .sort(),
    );
    expect(lines(sut, 'zh-TW')).toContain(
      'error|track|2|ISRC編號|這一格是公式，但檔案裡沒有它的計算結果（檔案由程式產生或轉存）；請用 Excel、LibreOffice 等試算表開啟後存檔再上傳，或直接輸入值。',
    );
    expect(tracksOf(sut).map((t) => t.isrc)).toEqual([null, null, null, 'TWK7Q2600004']);
  });

  it('Gnumeric merging two CSV files: sheets found by their headings, its type guesses read or refused', async () => {
    const sut = await drafts('gnumeric-csv.xlsx');
    expect(sut.drafts.albums[0]?.album?.fields).toMatchObject({ releaseDate: '2026-01-02', credits: [{ role: 'performer', names: ['林小安', '王大明'] }] });
    expect(tracksOf(sut).map((t) => [t.row, t.isrc, t.duration ?? null, t.recordingDate ?? null])).toEqual([
      [2, 'TW-K7Q-26-00001', '3:05', '2025-09'],
      [3, 'TWK7Q2600002', null, null],
      [4, 'twk7q2600003', '3:05', '2025-09'],
    ]);
    expect(lines(sut, 'zh-TW')).toEqual([
      'warning|album|||找不到工作表「批次上傳專輯頁面欄位」；依標題列，將工作表「album.csv」當成專輯工作表讀取。',
      'warning|track|||找不到工作表「批次上傳曲目頁面欄位」；依標題列，將工作表「tracks.csv」當成曲目工作表讀取。',
      'error|track|3|錄製長度|「3:05」被試算表當成 3 小時 5 分；若是 3 分 5 秒，請輸入 0:03:05，或先把儲存格格式設為「文字」再輸入。',
      'error|track|3|錄製日期|「2025.1」存成了數字，月份可能已遺失（2025.10 會變成 2025.1）；請把這一欄的儲存格格式設為「文字」，再重新輸入日期。',
    ]);
    expect(lines(sut, 'en')[0]).toBe('warning|album|||Sheet "Album" is missing; sheet "album.csv" was read as the album sheet by its headings.');
  });

  it('openpyxl: every refused cell named with its own message, in both languages', async () => {
    const sut = await drafts('openpyxl-refused.xlsx');
    expect(lines(sut, 'en')).toEqual([
      'warning|album|||Sheet "我的筆記" is not part of the template; its contents are not imported.',
      'error|album|2|*發行日期|"115.01.02" looks like a Minguo (ROC) year; use the Western year, for example 2026.01.02.',
      'error|album|2|回溯編碼|"x" is not yes or no; enter 是 or 否 (Y/N and yes/no are accepted too).',
      'error|track|2|ISRC編號|"202600001" was stored as a number, so leading zeros may have been lost; format this column as text and enter the code again.',
      'error|track|2|*製作公司|The cell holds an error value (#N/A), usually from a broken formula; enter the right value instead.',
      'error|track|2|錄製長度|"3.05" is not a duration; enter m:ss or h:mm:ss (for example 3:25 or 1:02:05).',
      'error|track|2|錄製日期|"1/2/2026" is not a date; enter YYYY.MM.DD, YYYY.MM or YYYY (for example 2026.01.02).',
      'error|track|3|錄製長度|"1:02:05:00" is not a duration; enter m:ss or h:mm:ss (for example 3:25 or 1:02:05).',
      'error|track|3|錄製日期|"2025.13" is not a real date (the month or day is out of range).',
      'error|track|3|原版本 ISRC|"12345" was stored as a number, so leading zeros may have been lost; format this column as text and enter the code again.',
      'error|track|4|ISRC編號|The cell holds an error value (#REF!), usually from a broken formula; enter the right value instead.',
      'error|track|4|錄製長度|Your spreadsheet took "12:00" as 12 h 0 min; if you meant 12 min 0 s, enter 0:12:00, or format the cell as text first.',
      'error|track|4|錄製日期|"20250901" is not a date; enter YYYY.MM.DD, YYYY.MM or YYYY (for example 2026.01.02).',
      // "1." is track 1: the same number as row 2.
      'error|track|3|*曲目序號|Track number 1 repeats row 2.',
    ]);
    expect(lines(sut, 'zh-TW')[1]).toBe('error|album|2|*發行日期|「115.01.02」看起來是民國年；請改用西元年，例如 2026.01.02。');
    // The prefixed code is read without its apostrophe.
    expect(tracksOf(sut)[0]).toMatchObject({ row: 2, versionOfIsrc: 'TWK7Q2500001' });
  });
});
