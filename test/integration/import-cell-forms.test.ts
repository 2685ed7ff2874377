/**
 * 專輯匯入: cells as other producers write them, through the preview route — emoji as numeric
 * references (openpyxl), formulas saved with an empty result (openpyxl 3.0), a text prefix in a
 * drop-down column, merged cells below the heading row.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreviewResponse } from '../../src/import/import.schemas.js';
import { memberSession, ok, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';
import { unzipParts, zipParts } from '../fixtures/spreadsheets/zip-bytes.js';
import { image } from './covers-fixtures.js';
import { goodAlbum, postPreview, trackRow, workbook, type Row } from './import-fixtures.js';

const env = useTestApp();
let co: MemberSession;
let cover: Buffer;

beforeAll(async () => {
  co = await memberSession(env, 'company');
  cover = await image('png', 600, 600);
});

const UNCALCULATED = 'This cell holds a formula whose result was never calculated';
const ALBUM_SHEET = 'xl/worksheets/sheet1.xml';
const TRACKS_SHEET = 'xl/worksheets/sheet2.xml';

async function preview(xlsx: Buffer): Promise<ImportPreviewResponse> {
  return ok(await postPreview(env, co.api, xlsx, cover, { lang: 'en' }), 201).json<ImportPreviewResponse>();
}

/** The workbook with some cells' XML replaced (by address) and other parts edited. */
async function patched(album: Row, tracks: Row[], cells: Record<string, Record<string, string>>, edit?: (parts: Map<string, Buffer>) => void): Promise<Buffer> {
  const parts = await unzipParts(await workbook(album, tracks));
  for (const [part, replacements] of Object.entries(cells)) {
    let xml = parts.get(part)?.toString('utf8') ?? '';
    for (const [ref, cell] of Object.entries(replacements)) {
      const pattern = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`);
      expect(xml).toMatch(pattern);
      xml = xml.replace(pattern, cell);
    }
    parts.set(part, Buffer.from(xml, 'utf8'));
  }
  edit?.(parts);
  return zipParts(parts);
}

const tracksOf = (p: ImportPreviewResponse) => p.tracks.map((t) => [t.row, t.title]);

describe('專輯匯入: cells as other producers write them', () => {
  it('reads a title written as numeric references above U+FFFF (&#x1F3B5;, &#127926;) as the emoji', async () => {
    const xlsx = await patched(goodAlbum, [trackRow(1, ''), trackRow(2, '')], {
      [TRACKS_SHEET]: {
        D2: '<c r="D2" t="inlineStr"><is><t>&#x1F3B5; 海歌</t></is></c>',
        D3: '<c r="D3" t="inlineStr"><is><t>&#127926;</t></is></c>',
      },
    });
    expect(tracksOf(await preview(xlsx))).toEqual([
      [2, '🎵 海歌'],
      [3, '🎶'],
    ]);
  });

  it('refuses each formula saved with an empty result as openpyxl 3.0 does (number, boolean, date), never reading it as blank or 否', async () => {
    const xlsx = await patched(
      goodAlbum,
      [trackRow(1, ''), trackRow(2, '')],
      {
        [ALBUM_SHEET]: { E2: '<c r="E2" s="0"><f>DATE(2026,1,2)</f><v></v></c>' },
        [TRACKS_SHEET]: {
          B2: '<c r="B2"><f>IF(TRUE,"&#26159;","&#21542;")</f><v></v></c>',
          C3: '<c r="C3"><f>"TWA02"&amp;"2600072"</f><v></v></c>',
          G3: '<c r="G3" t="n"><f>TIME(0,3,7)</f><v></v></c>',
        },
      },
      (parts) => {
        const book = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
        parts.set('xl/workbook.xml', Buffer.from(book.replace(/<calcPr\b[^>]*\/>/, '<calcPr calcId="171027" fullCalcOnLoad="1"/>'), 'utf8'));
      },
    );
    const p = await preview(xlsx);
    const uncalculated = p.problems.filter((x) => x.message.startsWith(UNCALCULATED));
    expect(uncalculated.map((x) => [x.scope, x.row, x.column])).toEqual(
      expect.arrayContaining([
        ['album', 2, '*發行日期'],
        ['track', 2, '是否為引用'],
        ['track', 3, 'ISRC編號'],
        ['track', 3, '錄製長度'],
      ]),
    );
    expect(uncalculated).toHaveLength(4);
    expect(p.problems.filter((x) => x.column === '*發行日期').map((x) => x.message)).toEqual([expect.stringContaining(UNCALCULATED)]);
  });

  it('drops a text prefix in a drop-down column as in the other non-free-text columns; free text keeps its apostrophe', async () => {
    const p = await preview(await workbook({ ...goodAlbum, '*出版類別': "'數位發行", '*專輯類型': '\u2019個人專輯' }, [trackRow(1, '', { '*曲目名稱': "'Tis the season" })]));
    expect(p.problems.filter((x) => x.column === '*出版類別' || x.column === '*專輯類型')).toEqual([]);
    expect(p.album).toMatchObject({ title: '匯入的專輯' });
    expect(tracksOf(p)).toEqual([[2, "'Tis the season"]]);
  });

  it('reports merged cells in the data area at the merged range’s first row, not at the heading row', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await workbook(goodAlbum, [trackRow(1, ''), trackRow(2, ''), trackRow(3, ''), trackRow(4, '')])).buffer);
    book.getWorksheet('批次上傳曲目頁面欄位')?.mergeCells('F4:F5');
    const p = await preview(Buffer.from(await book.xlsx.writeBuffer()));
    const merged = p.problems.filter((x) => x.message.includes('merged cells'));
    expect(merged.map((x) => [x.scope, x.row, x.message])).toEqual([['track', 4, 'The data area has merged cells (F4:F5); unmerge them so every row has its own value in every column.']]);
  });
});
