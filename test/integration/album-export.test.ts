import { beforeAll, describe, expect, it } from 'vitest';
import type { AlbumResponse, TrackResponse } from '../../src/catalog/catalog.schemas.js';
import { matchHeading, SHEET_NAMES, templateColumns, headingOf, type SheetKey, type TemplateLang } from '../../src/import/template/columns.js';
import {
  addTrack,
  approvedAlbum,
  compact,
  completeAlbumFields,
  completeRecording,
  createAlbum,
  failed,
  memberSession,
  ok,
  staffSession,
  type Client,
  type MemberSession,
} from '../helpers/catalog.js';
import { useTestApp } from '../helpers/setup.js';
import { readXlsx, type ReadBack } from '../helpers/xlsx-read.js';

const env = useTestApp();
let company: MemberSession;
let other: MemberSession;
let staff: Client;
let album: AlbumResponse;
let own: TrackResponse;
let citedIsrc: string;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  staff = await staffSession(env);
  company = await memberSession(env, 'company');
  other = await memberSession(env, 'company');
  const earlier = await approvedAlbum(company, staff, '舊專輯', ['舊歌']);
  citedIsrc = earlier.tracks[0]?.recording.isrc ?? '';
  album = await createAlbum(company.api, {
    ...completeAlbumFields('山與海', '甲'),
    credits: [
      { role: 'performer', names: ['甲', '乙'] },
      { role: 'lyricist', names: ['Earth, Wind & Fire'] },
    ],
    totalDuration: '45:30',
    albumType: 'ep',
    workCategory: 'sound-recording',
    mediaForm: 'cd',
    publicationCategory: 'popular',
    introduction: '=1+1 只是文字',
    retroactive: true,
  });
  own = await addTrack(
    company.api,
    album.id,
    completeRecording('=HYPERLINK("http://x","海風")', {
      storyTitle: '故事',
      credits: [
        { role: 'performer', names: ['甲'] },
        { role: 'conductor', names: ['丁', '戊'] },
      ],
      duration: '4:05',
      recordingDate: '2025.09',
      aiAssisted: true,
      versionType: 'remix',
      versionOfIsrc: compact(company.member.codes[0] ?? '', 99, 25),
    }),
    { mode: 'next' },
  );
  ok(await company.api.call('POST', `/albums/${album.id}/tracks/cite`, { recordingId: earlier.tracks[0]?.recording.id }), 201);
  await addTrack(company.api, album.id, completeRecording('長曲', { duration: '1:02:05' }), { mode: 'next' });
});

async function exported(api: Client, lang: TemplateLang = 'zh-TW'): Promise<ReadBack> {
  const res = ok(await api.call('GET', `/albums/${album.id}/export.xlsx?lang=${lang}`));
  expect(res.headers['content-type']).toBe(XLSX_TYPE);
  expect(res.headers['content-disposition']).toBe(`attachment; filename="isrc-album-${album.albumNumber}${lang === 'en' ? '-en' : ''}.xlsx"`);
  return await readXlsx(res.rawPayload);
}

/** Data rows as column key → displayed text, found by heading as the importer finds them. */
function rowsByKey(file: ReadBack, sheet: SheetKey, lang: TemplateLang): Map<string, string>[] {
  const [headings = [], ...rows] = file.rows(SHEET_NAMES[sheet][lang]);
  return rows.map((row) => {
    const values = new Map<string, string>();
    headings.forEach((heading, i) => {
      const key = matchHeading(sheet, String(heading));
      const value = row[i];
      if (key !== undefined && value !== null && value !== undefined) {
        values.set(key, String(value));
      }
    });
    return values;
  });
}

describe('GET /albums/:id/export.xlsx', () => {
  it('writes the album in the template: same headings, its values in the template formats, no example row', async () => {
    const file = await exported(company.api);
    expect(file.rows(SHEET_NAMES.album['zh-TW'])[0]).toEqual(templateColumns('album', 'album').map((c) => headingOf(c, 'zh-TW')));
    const albums = rowsByKey(file, 'album', 'zh-TW');
    expect(albums).toHaveLength(1);
    expect(Object.fromEntries(albums[0] ?? [])).toEqual({
      releaseType: '數位發行',
      title: '山與海',
      'credits.performer': '甲、乙',
      'credits.lyricist': 'Earth, Wind & Fire',
      publisher: '測試唱片',
      releaseDate: '2026.05.01',
      productionCompany: '測試製作',
      totalDuration: '45:30',
      albumType: '迷你專輯（EP）',
      workCategory: '錄音資料',
      mediaForm: 'CD',
      publicationCategory: '流行音樂',
      introduction: '=1+1 只是文字',
      retroactive: '是',
    });
    const tracks = rowsByKey(file, 'tracks', 'zh-TW');
    expect(tracks).toHaveLength(3);
    expect(Object.fromEntries(tracks[0] ?? [])).toEqual({
      trackNumber: '1',
      cited: '否',
      isrc: own.recording.isrc,
      title: '=HYPERLINK("http://x","海風")',
      storyTitle: '故事',
      'credits.performer': '甲',
      'credits.conductor': '丁、戊',
      productionCompany: '測試製作',
      duration: '4:05',
      recordingDate: '2025.09',
      aiAssisted: '是',
      producedAbroad: '否',
      versionType: '混音版（Remix）',
      versionOfIsrc: compact(company.member.codes[0] ?? '', 99, 25),
    });
    expect(Object.fromEntries(tracks[1] ?? [])).toEqual({ trackNumber: '2', cited: '是', isrc: citedIsrc, title: '舊歌' });
    expect(tracks[2]?.get('duration')).toBe('1:02:05');
  });

  it('keeps ISRCs and formula-like text as text cells, never formulas', async () => {
    const file = await exported(company.api);
    const sheet = SHEET_NAMES.tracks['zh-TW'];
    const columns = templateColumns('tracks', 'album');
    const col = (key: string) => String.fromCharCode(65 + columns.findIndex((c) => c.key === key));
    expect(file.cell(sheet, `${col('isrc')}2`)).toMatchObject({ t: 's', z: '@', v: own.recording.isrc });
    expect(file.cell(sheet, `${col('title')}2`)?.f).toBeUndefined();
    expect(file.cell(sheet, `${col('trackNumber')}2`)).toMatchObject({ t: 'n', v: 1 });
  });

  it('writes English labels with lang=en', async () => {
    const file = await exported(company.api, 'en');
    const [row] = rowsByKey(file, 'album', 'en');
    expect(row?.get('albumType')).toBe('EP');
    expect(row?.get('retroactive')).toBe('Yes');
    expect(row?.get('credits.performer')).toBe('甲; 乙');
    expect(rowsByKey(file, 'tracks', 'en')[0]?.get('versionType')).toBe('Remix');
  });

  it('is the registrant’s own: another registrant gets 404, the agency any album', async () => {
    failed(await other.api.call('GET', `/albums/${album.id}/export.xlsx`), 404, 'NOT_FOUND');
    const file = await exported(staff);
    expect(rowsByKey(file, 'album', 'zh-TW')[0]?.get('title')).toBe('山與海');
    failed(await company.api.call('GET', '/albums/00000000-0000-4000-8000-000000000000/export.xlsx'), 404, 'NOT_FOUND');
  });
});

describe('GET /recordings/export', () => {
  it('lists all the registrant’s recordings as CSV with formula-like cells neutralised', async () => {
    const res = ok(await company.api.call('GET', '/recordings/export?format=csv'));
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="isrc-recordings.csv"');
    const csv = res.body;
    expect(csv.startsWith('\uFEFF專輯編號,專輯名稱,ISRC編號,曲目名稱')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""海風"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    for (const title of ['舊歌', '長曲']) {
      expect(csv).toContain(title);
    }
    expect(csv).toContain(own.recording.isrc ?? 'missing');
    expect(csv).toContain('丁、戊');
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 3);
  });

  it('as .xlsx, in English, with text cells; other registrants see only theirs; the agency is refused', async () => {
    const res = ok(await company.api.call('GET', '/recordings/export?format=xlsx&lang=en'));
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const file = await readXlsx(res.rawPayload);
    const [headings = [], ...rows] = file.rows('Tracks');
    expect(headings.slice(0, 4)).toEqual(['Album number', 'Album title', 'ISRC', 'Track title']);
    expect(rows.map((r) => r[3]).sort()).toEqual(['=HYPERLINK("http://x","海風")', '舊歌', '長曲'].sort());
    expect(file.cell('Tracks', 'C2')?.t).toBe('s');
    const empty = ok(await other.api.call('GET', '/recordings/export?format=csv')).body;
    expect(empty.trim().split('\r\n')).toHaveLength(1);
    failed(await staff.call('GET', '/recordings/export'), 403, 'FORBIDDEN');
  });
});
