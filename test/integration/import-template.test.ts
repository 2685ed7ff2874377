import { beforeAll, describe, expect, it } from 'vitest';
import { headingOf, isExampleRow, matchHeading, SHEET_NAMES, templateColumns, type SheetKey, type TemplateKind, type TemplateLang } from '../../src/import/template/columns.js';
import { ALBUM_TYPES, VERSION_TYPES } from '../../src/catalog/vocabularies.js';
import { API, failed, memberSession, ok, staffSession, type Client, type MemberSession } from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';
import { letter, readXlsx, validationsIn, type ReadBack } from '../helpers/xlsx-read.js';

const env = useTestApp();
let company: MemberSession;
let staff: Client;

beforeAll(async () => {
  company = await memberSession(env, 'company');
  staff = await staffSession(env);
});

async function download(api: Client, query: string): Promise<ReadBack> {
  const res = ok(await api.call('GET', `/import/template${query}`));
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return await readXlsx(res.rawPayload);
}

/** The row as column key → text, by the sheet's headings (as the importer finds them). */
function byKey(file: ReadBack, sheet: SheetKey, lang: TemplateLang, rowIndex: number): Map<string, string> {
  const rows = file.rows(SHEET_NAMES[sheet][lang]);
  const headings = rows[0] ?? [];
  const values = new Map<string, string>();
  headings.forEach((heading, i) => {
    const key = matchHeading(sheet, String(heading));
    const value = rows[rowIndex]?.[i];
    if (key !== undefined && value !== null && value !== undefined) {
      values.set(key, String(value));
    }
  });
  return values;
}

describe('GET /import/template', () => {
  it('downloads as an attachment named for its kind and language', async () => {
    const res = ok(await company.api.call('GET', '/import/template'));
    expect(res.headers['content-disposition']).toBe('attachment; filename="isrc-album-template.xlsx"');
    const en = ok(await company.api.call('GET', '/import/template?lang=en&kind=catalogue'));
    expect(en.headers['content-disposition']).toBe('attachment; filename="isrc-catalogue-template-en.xlsx"');
  });

  it('is for signed-in users: staff too, nobody without a session; unknown options are refused', async () => {
    ok(await staff.call('GET', '/import/template?kind=catalogue'));
    expect((await env.app.inject({ method: 'GET', url: `${API}/import/template` })).statusCode).toBe(401);
    failed(await company.api.call('GET', '/import/template?lang=fr'), 400, 'VALIDATION_FAILED');
    failed(await company.api.call('GET', '/import/template?kind=zip'), 400, 'VALIDATION_FAILED');
  });

  it.each([
    ['zh-TW', 'album'],
    ['en', 'album'],
    ['zh-TW', 'catalogue'],
    ['en', 'catalogue'],
  ] as const)('%s %s: the sheets, the spec headings with * on required columns, a frozen heading row', async (lang: TemplateLang, kind: TemplateKind) => {
    const file = await download(company.api, `?lang=${lang}&kind=${kind}`);
    expect(file.workbook.SheetNames).toEqual([SHEET_NAMES.album[lang], SHEET_NAMES.tracks[lang], SHEET_NAMES.instructions[lang], SHEET_NAMES.lists[lang]]);
    expect(file.workbook.Workbook?.Sheets?.map((s) => s.Hidden ?? 0)).toEqual([0, 0, 0, 1]);
    for (const sheet of ['album', 'tracks'] as const) {
      const headings = file.rows(SHEET_NAMES[sheet][lang])[0];
      expect(headings).toEqual(templateColumns(sheet, kind).map((c) => headingOf(c, lang)));
      expect(file.sheetXml(SHEET_NAMES[sheet][lang])).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    }
  });

  it('names the required columns with * in both languages', async () => {
    const zh = (await download(company.api, '')).rows(SHEET_NAMES.album['zh-TW'])[0];
    expect(zh).toEqual(expect.arrayContaining(['*出版類別', '*專輯名稱', '*發行公司', '*發行日期', '*製作公司', '*專輯類型', '錄製長度', '有聲出版類別']));
    const en = (await download(company.api, '?lang=en')).rows(SHEET_NAMES.tracks.en)[0];
    expect(en).toEqual(expect.arrayContaining(['*Track no.', 'Cited?', 'ISRC', '*Track title', '*Production company', 'Duration', 'Recording date']));
    const catalogue = (await download(company.api, '?kind=catalogue')).rows(SHEET_NAMES.tracks['zh-TW'])[0];
    expect(catalogue?.[0]).toBe('*專輯代號');
  });

  it('has a drop-down on every vocabulary and yes/no column, long lists on the hidden sheet', async () => {
    const file = await download(company.api, '');
    const lists = file.rows(SHEET_NAMES.lists['zh-TW']);
    for (const sheet of ['album', 'tracks'] as const) {
      const validations = validationsIn(file.sheetXml(SHEET_NAMES[sheet]['zh-TW']));
      templateColumns(sheet, 'album').forEach((column, i) => {
        const col = letter(i);
        const found = validations.find((v) => v.sqref.startsWith(`${col}2:${col}`));
        if (column.kind.type === 'yesNo') {
          expect(found, column.key).toMatchObject({ type: 'list', formula: '"是,否"' });
        } else if (column.kind.type === 'vocabulary') {
          expect(found?.type, column.key).toBe('list');
          const range = /^'選單'!\$([A-Z]+)\$2:\$\1\$(\d+)$/.exec(found?.formula ?? '');
          expect(range, found?.formula).not.toBeNull();
          // The referenced cells hold the vocabulary's zh-TW labels, in order.
          const listColumn = (range?.[1] ?? 'A').charCodeAt(0) - 65;
          const labels = lists.slice(1, Number(range?.[2])).map((row) => row[listColumn]);
          expect(labels).toEqual(column.kind.terms.map((t) => t.zh));
        } else if (column.kind.type !== 'integer') {
          expect(found, column.key).toBeUndefined();
        }
      });
    }
    expect(lists.flat()).toEqual(expect.arrayContaining([ALBUM_TYPES[3]?.zh, VERSION_TYPES[0]?.zh]));
    // The drop-downs reach far enough for a long album.
    const cited = validationsIn(file.sheetXml(SHEET_NAMES.tracks['zh-TW'])).find((v) => v.sqref.startsWith('B2:'));
    expect(cited?.sqref).toBe('B2:B1001');
  });

  it('types ISRC, date and duration columns as text, and documents their format in a note', async () => {
    const file = await download(company.api, '?lang=en');
    const tracks = SHEET_NAMES.tracks.en;
    const columns = templateColumns('tracks', 'album');
    const at = (key: string) => letter(columns.findIndex((c) => c.key === key));
    for (const [key, row] of [
      ['isrc', 2],
      ['recordingDate', 2],
      ['duration', 2],
      ['versionOfIsrc', 3],
    ] as const) {
      const cell = file.cell(tracks, `${at(key)}${row}`);
      expect(cell?.t, key).toBe('s');
      expect(cell?.z, key).toBe('@');
    }
    expect(file.cell(tracks, `${at('isrc')}2`)?.v).toBe('TWK7Q2600001');
    expect(file.cell(tracks, `${at('trackNumber')}2`)).toMatchObject({ t: 'n', v: 1 });
    const note = (key: string) => (file.cell(tracks, `${at(key)}1`)?.c ?? []).map((c) => c.t).join('');
    expect(note('duration')).toContain('m:ss or h:mm:ss');
    expect(note('recordingDate')).toContain('YYYY.MM');
    expect(note('title')).toContain('Required');
    // The <col> of the ISRC column carries the text format too, for rows typed later.
    const xml = file.sheetXml(tracks);
    const isrcCol = columns.findIndex((c) => c.key === 'isrc') + 1;
    expect(xml).toMatch(new RegExp(`<col min="${isrcCol}" max="${isrcCol}"[^>]* style="\\d+"`));
  });

  it('fills example rows that the importer recognises and skips', async () => {
    for (const kind of ['album', 'catalogue'] as const) {
      for (const lang of ['zh-TW', 'en'] as const) {
        const file = await download(company.api, `?lang=${lang}&kind=${kind}`);
        const album = byKey(file, 'album', lang, 1);
        expect(album.get('title')).toMatch(lang === 'zh-TW' ? /^範例：/ : /^Example: /);
        expect(album.get('releaseDate')).toBe('2026.01.02');
        expect(isExampleRow('album', (key) => album.get(key))).toBe(true);
        const track = byKey(file, 'tracks', lang, 1);
        expect(track.get('duration')).toBe('4:05');
        expect(isExampleRow('tracks', (key) => track.get(key))).toBe(true);
        if (kind === 'catalogue') {
          expect(album.get('albumKey')).toBe(lang === 'zh-TW' ? '範例' : 'Example');
          expect(track.get('albumKey')).toBe(album.get('albumKey'));
        }
      }
    }
  });

  it('explains the columns on the instructions sheet', async () => {
    const file = await download(company.api, '');
    const text = file
      .rows(SHEET_NAMES.instructions['zh-TW'])
      .flat()
      .filter((v) => v !== null)
      .join('\n');
    expect(text).toContain('批次上傳專輯頁面欄位');
    expect(text).toContain('m:ss 或 h:mm:ss');
    expect(text).toContain('YYYY.MM.DD');
    expect(text).toContain('*ISRC編號'.slice(1));
    expect(text).toContain(ALBUM_TYPES.map((t) => t.zh).join('、'));
  });
});
