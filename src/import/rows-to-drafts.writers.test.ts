/**
 * Filled templates as registrants' own systems write them (test/fixtures/spreadsheets/producers:
 * Apache POI, xlsxwriter without cached results, the .NET Open XML SDK, Excel's phonetic guides,
 * streaming writers, Strict Open XML, SheetJS itself): read by the real reader (pre-scan, parsing
 * child), then rowsToDrafts. Each gives exactly the album meant or names every refused cell.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsToDrafts, type RowsToDraftsResult } from './rows-to-drafts.js';
import { createWorkbookReader, readUploadedWorkbook, type WorkbookReader } from './spreadsheet/index.js';

const PRODUCERS = join(import.meta.dirname, '../../test/fixtures/spreadsheets/producers');

let reader: WorkbookReader;
let scratch: string;
beforeAll(async () => {
  reader = createWorkbookReader();
  scratch = await mkdtemp(join(tmpdir(), 'isrc-writers-'));
});
afterAll(async () => {
  reader.close();
  await rm(scratch, { recursive: true, force: true });
});

async function drafts(path: string): Promise<RowsToDraftsResult> {
  const read = await readUploadedWorkbook(reader, path.startsWith('/') ? path : join(PRODUCERS, path));
  if (!read.ok) {
    throw new Error(`refused: ${read.reason} ${JSON.stringify(read.detail)}`);
  }
  return rowsToDrafts(read.workbook);
}

const lines = (result: RowsToDraftsResult, locale: 'zh-TW' | 'en') => result.problems.map((p) => `${p.severity}|${p.scope}|${p.row ?? ''}|${p.column ?? ''}|${p.message[locale]}`);
const tracksOf = (result: RowsToDraftsResult) => (result.drafts.albums[0]?.tracks ?? []).map((t) => ({ row: t.row, isrc: t.isrc, cited: t.cited, ...t.recording }));

const UNCALCULATED = {
  en: 'This cell holds a formula whose result was never calculated (the file was written or re-saved by a program); open and save it in Excel, LibreOffice or another spreadsheet before uploading, or type the value instead.',
  'zh-TW': '這一格是公式，但檔案裡沒有它的計算結果（檔案由程式產生或轉存）；請用 Excel、LibreOffice 等試算表開啟後存檔再上傳，或直接輸入值。',
};
const uncalculatedAt = (locale: 'zh-TW' | 'en', ...cells: [string, number, string][]) => cells.map(([scope, row, column]) => `error|${scope}|${row}|${column}|${UNCALCULATED[locale]}`);

const ALBUM = {
  row: 2,
  releaseType: 'digital',
  fields: {
    title: '海的另一邊',
    publisher: '山海唱片',
    releaseDate: '2026-01-02',
    productionCompany: '山海製作',
    albumType: 'solo',
    retroactive: false,
    credits: [{ role: 'performer', names: ['林小安'] }],
  },
};

const track = (row: number, isrc: string | null, title: string, duration: string, recordingDate?: string) => ({
  row,
  isrc,
  cited: false,
  title,
  productionCompany: '山海製作',
  duration,
  ...(recordingDate === undefined ? {} : { recordingDate }),
  aiAssisted: true,
  credits: [{ role: 'performer', names: ['林小安'] }],
});

describe('filled templates from registrants’ own systems', () => {
  it('Apache POI XSSF: shared strings, a date number, booleans, evaluated formulas; the one formula set after evaluation refused', async () => {
    const sut = await drafts('poi-xssf.xlsx');
    expect(sut.drafts.albums[0]?.album).toEqual(ALBUM);
    expect(tracksOf(sut)).toEqual([track(2, 'TWK7Q2600001', '第1首', '3:01', '2025-09'), track(3, 'TWK7Q2600002', '第2首', '3:02', '2025-09'), track(4, null, '第3首', '3:03', '2025-09')]);
    // Before: SheetJS read the t="str" formula without a result as an empty string, so the ISRC was silently blank.
    expect(lines(sut, 'en')).toEqual(uncalculatedAt('en', ['track', 4, 'ISRC編號']));
    expect(lines(sut, 'zh-TW')).toEqual(uncalculatedAt('zh-TW', ['track', 4, 'ISRC編號']));
  });

  it('Apache POI SXSSF (streaming, inline strings): each unevaluated formula’s placeholder 0.0 is refused, not read as track 0', async () => {
    const sut = await drafts('poi-sxssf.xlsx');
    expect(sut.drafts.albums[0]?.album).toEqual(ALBUM);
    expect(tracksOf(sut)).toEqual([
      track(2, 'TWK7Q2600001', '第1首', '3:01', '2025-09'),
      track(3, 'TWK7Q2600002', '第2首', '3:02', '2025-09'),
      track(4, 'TWK7Q2600003', '第3首', '3:03', '2025-09'),
    ]);
    expect(lines(sut, 'en')).toEqual(uncalculatedAt('en', ['track', 2, '*曲目序號'], ['track', 3, '*曲目序號'], ['track', 4, '*曲目序號']));
  });

  it('xlsxwriter without value= (fullCalcOnLoad, every result 0): refused, not read as 否, "0" or track 0; a given result is read', async () => {
    const sut = await drafts('xlsxwriter-uncached.xlsx');
    const { retroactive, ...fields } = ALBUM.fields;
    expect(retroactive).toBe(false);
    // 回溯編碼 is absent, not false: its placeholder 0 would have read as 否.
    expect(sut.drafts.albums[0]?.album).toEqual({ ...ALBUM, fields });
    expect(tracksOf(sut).map((t) => [t.row, t.isrc, t.title])).toEqual([
      [2, null, '第1首'],
      [3, null, '第2首'],
      [4, 'TWK7Q2600003', '第3首'],
    ]);
    expect(lines(sut, 'zh-TW')).toEqual(
      uncalculatedAt('zh-TW', ['album', 2, '回溯編碼'], ['track', 2, 'ISRC編號'], ['track', 2, '*曲目序號'], ['track', 3, 'ISRC編號'], ['track', 3, '*曲目序號']),
    );
  });

  it('Strict Open XML reads as meant (SheetJS reads the purl.oclc.org namespaces)', async () => {
    const sut = await drafts('strict-open-xml.xlsx');
    expect(sut.drafts.albums[0]?.album).toEqual(ALBUM);
    expect(tracksOf(sut)).toEqual([track(2, 'TWK7Q2600001', '第1首', '3:05', '2025-09'), track(3, 'TWK7Q2600002', '第2首', '3:05', '2025-09')]);
    expect(sut.problems).toEqual([]);
  });

  it('.NET Open XML SDK (every element prefixed x:): t="d" ISO dates read as written, a zone not shifting the day; 2025-02-30 refused', async () => {
    const sut = await drafts('openxml-sdk-prefixed.xlsx');
    // SheetJS alone made 2026-01-02T00:00:00+08:00 the serial of 2026-01-01 16:00, and 2025-02-30 the 2nd of March.
    expect(sut.drafts.albums[0]?.album).toEqual(ALBUM);
    expect(tracksOf(sut)).toEqual([track(2, 'TWK7Q2600001', '第1首', '3:05', '2025-09'), track(3, 'TWK7Q2600002', '第2首', '3:05')]);
    expect(lines(sut, 'en')).toEqual(['error|track|3|錄製日期|"2025-02-30" is not a real date (the month or day is out of range).']);
    expect(lines(sut, 'zh-TW')).toEqual(['error|track|3|錄製日期|「2025-02-30」不是存在的日期（月份或日超出範圍）。']);
  });

  it('Excel phonetic guides (注音, furigana) in shared strings do not leak into titles or names', async () => {
    const sut = await drafts('excel-phonetic.xlsx');
    expect(sut.drafts.albums[0]?.album).toEqual(ALBUM);
    expect(tracksOf(sut)).toEqual([track(2, 'TWK7Q2600001', '海之歌', '3:05', '2025-09'), track(3, 'TWK7Q2600002', '第2首', '3:05', '2025-09')]);
    expect(sut.problems).toEqual([]);
  });

  it('a streaming writer without r: cells placed in order, shared formulas and t="str" results read, #N/A and a missing result refused, <v/> blank', async () => {
    const sut = await drafts('streaming-no-refs.xlsx');
    expect(sut.drafts.albums[0]?.album).toEqual(ALBUM);
    // Row 3's 製作公司 is #N/A: refused, so absent.
    const second: Record<string, unknown> = { ...track(3, 'TWK7Q2600002', '第2首', '3:05', '2025-09') };
    delete second.productionCompany;
    expect(tracksOf(sut)).toEqual([track(2, 'TWK7Q2600001', '第1首', '3:05'), second, track(4, null, '第3首', '3:05', '2025-09')]);
    expect(lines(sut, 'en')).toEqual([
      'error|track|3|*製作公司|The cell holds an error value (#N/A), usually from a broken formula; enter the right value instead.',
      ...uncalculatedAt('en', ['track', 4, 'ISRC編號']),
    ]);
  });

  it('SheetJS XLSX.write (a Node system): not taken for a macro workbook; a formula written without a result refused', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['*出版類別', '*專輯名稱', '表演者', '*發行公司', '*發行日期', '*製作公司', '*專輯類型', '回溯編碼'],
        ['數位發行', '海的另一邊', '林小安', '山海唱片', new Date(Date.UTC(2026, 0, 2)), '山海製作', '個人專輯', false],
      ]),
      '批次上傳專輯頁面欄位',
    );
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['*曲目序號', 'ISRC編號', '*曲目名稱', '*製作公司', '錄製長度', '錄製日期'],
        [{ t: 'n', f: 'ROW()-1' }, 'TWK7Q2600001', '第1首', '山海製作', '3:05', '2025.09'],
        [{ t: 'n', f: 'ROW()-1', v: 2 }, 'TWK7Q2600002', '第2首', '山海製作', { t: 'n', v: 185 / 86400, z: '[m]:ss' }, 2025],
      ]),
      '批次上傳曲目頁面欄位',
    );
    const path = join(scratch, 'sheetjs.xlsx');
    await writeFile(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const sut = await drafts(path);
    expect(sut.drafts.albums[0]?.album).toEqual(ALBUM);
    expect(tracksOf(sut)).toEqual([
      { row: 2, isrc: 'TWK7Q2600001', cited: false, title: '第1首', productionCompany: '山海製作', duration: '3:05', recordingDate: '2025-09', credits: [] },
      { row: 3, isrc: 'TWK7Q2600002', cited: false, title: '第2首', productionCompany: '山海製作', duration: '3:05', recordingDate: '2025', credits: [] },
    ]);
    expect(lines(sut, 'en')).toEqual(uncalculatedAt('en', ['track', 2, '*曲目序號']));
  });
});
