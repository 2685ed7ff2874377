import { describe, expect, it } from 'vitest';
import { rowsToDrafts } from './rows-to-drafts.js';
import type { Cell, SheetData, WorkbookData } from './spreadsheet/index.js';

const s = (v: string): Cell => ({ v, t: 's' });
const n = (v: number, z?: string): Cell => (z === undefined ? { v, t: 'n' } : { v, t: 'n', z });

function sheet(name: string, rows: (Cell | null)[][], merges: SheetData['merges'] = []): SheetData {
  return { name, state: 'visible', rows, merges };
}

const album = sheet('Album', [
  ['Album type', '*Album title', 'Release type', 'Publisher / label', 'Release date', 'Production company', 'Performer'].map(s),
  [s('Solo album'), s('Example: ignore me'), s('Digital release'), s('P'), s('2026.01.02'), s('PC'), s('A')],
  [s('EP'), s('Real'), s('Physical release'), s('Label'), n(46024, 'yyyy.mm.dd'), s('Maker'), s('An Lin; Ta-Ming Wang')],
]);

function tracks(rows: (Cell | null)[][], merges: SheetData['merges'] = []): SheetData {
  return sheet('Tracks', [['Track title', 'ISRC', 'Track no.', 'Production company', 'Duration', 'Notes'].map(s), ...rows], merges);
}

const book = (...sheets: SheetData[]): WorkbookData => ({ date1904: false, sheets });

describe(rowsToDrafts.name, () => {
  it('reads English headings in any order, skips the example row and sorts tracks by number', () => {
    const sut = rowsToDrafts(
      book(
        album,
        tracks([
          [s('Two'), s('TWA012600002'), n(2), s('PC'), n(205 / 86400, '[m]:ss')],
          [s('One'), s(''), n(1), s('PC'), s('1:02:05')],
        ]),
      ),
    );
    expect(sut.drafts.kind).toBe('album');
    expect(sut.drafts.albums).toHaveLength(1);
    expect(sut.drafts.albums[0]?.album).toMatchObject({
      row: 3,
      releaseType: 'physical',
      fields: { title: 'Real', albumType: 'ep', releaseDate: '2026-01-02', credits: [{ role: 'performer', names: ['An Lin', 'Ta-Ming Wang'] }] },
    });
    expect((sut.drafts.albums[0]?.tracks ?? []).map((t) => [t.row, t.recording.title, t.isrc, t.recording.duration])).toEqual([
      [3, 'One', null, '1:02:05'],
      [2, 'Two', 'TWA012600002', '3:25'],
    ]);
    expect(sut.problems).toEqual([expect.objectContaining({ severity: 'warning', scope: 'track', column: 'Notes' })]);
  });

  it('collects every problem: codes stored as numbers, bad durations, vocabulary, duplicates, merged cells, extra sheets, missing required', () => {
    const sut = rowsToDrafts(
      book(
        sheet('Album', [['*專輯名稱', '專輯類型'].map(s), [s('X'), s('搖滾')]]),
        tracks(
          [
            [s('A'), n(12345), n(1), s('PC'), s('abc')],
            [s('B'), s('TWA012600009'), n(2), s('PC'), null],
            [s('C'), s('TW-A01-26-00009'), n(3), s(''), null],
          ],
          [{ s: { r: 1, c: 3 }, e: { r: 2, c: 3 } }],
        ),
        sheet('Notes', [[s('x')]]),
      ),
    );
    expect(sut.problems.filter((p) => p.row === 2 && p.scope === 'album').map((p) => p.column)).toEqual(['專輯類型']);
    const lines = sut.problems.map((p) => `${p.severity}|${p.scope}|${p.row ?? ''}|${p.column ?? ''}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'warning|album||',
        'error|album|1|出版類別',
        'error|album|1|發行公司',
        'error|album|2|專輯類型',
        'error|track|2|', // the merged D2:D3, at its first row
        'error|track|2|ISRC',
        'error|track|2|Duration',
        'error|track|4|ISRC',
        'error|track|4|Production company',
      ]),
    );
    expect(sut.problems.find((p) => p.row === 2 && p.column === 'ISRC')?.message.en).toContain('leading zeros');
    expect(sut.problems.find((p) => p.row === 4 && p.column === 'ISRC')?.message['zh-TW']).toContain('第 3 列');
  });

  it('reads a catalogue: albums keyed by 專輯代號, tracks grouped under them, problems named by album key, example rows skipped', () => {
    const sut = rowsToDrafts(
      book(
        sheet('批次上傳專輯頁面欄位', [
          ['*專輯代號', '*專輯名稱', '*出版類別'].map(s),
          [s('範例'), s('範例：山與海之間'), s('數位發行')],
          [s('A1'), s('第一張'), s('數位發行')],
          [s('A2'), s('第二張'), s('實體發行')],
        ]),
        sheet('批次上傳曲目頁面欄位', [
          ['*專輯代號', '*曲目序號', '*曲目名稱', '錄製長度'].map(s),
          [s('範例'), n(1), s('範例：山歌'), s('4:05')],
          [s('a2'), n(1), s('乙一'), s('3:00')],
          [s('A1'), n(2), s('甲二'), s('3:61')],
          [s('A1'), n(1), s('甲一'), s('2:00')],
          [s('A3'), n(1), s('無主'), s('1:00')],
        ]),
      ),
    );
    expect(sut.drafts.kind).toBe('catalogue');
    expect(sut.drafts.albums.map((g) => [g.key, g.album?.fields.title, g.tracks.map((t) => t.recording.title)])).toEqual([
      ['A1', '第一張', ['甲一', '甲二']],
      ['A2', '第二張', ['乙一']],
    ]);
    const rows = sut.problems.filter((p) => p.row !== 1);
    expect(rows.map((p) => `${p.scope}|${p.row ?? ''}|${p.column ?? ''}|${p.albumKey ?? ''}`)).toEqual(['track|4|錄製長度|A1', 'track|6|*專輯代號|A3']);
  });

  it('a catalogue whose tracks sheet lacks the 專輯代號 column says so', () => {
    const sut = rowsToDrafts(book(sheet('Album', [['Album key', 'Album title'].map(s), [s('A1'), s('One')]]), sheet('Tracks', [['Track no.', 'Track title'].map(s), [n(1), s('Song')]])));
    expect(sut.drafts.kind).toBe('catalogue');
    expect(sut.problems.filter((p) => p.scope === 'track' && p.severity === 'error').map((p) => [p.row, p.column])).toContainEqual([1, '專輯代號']);
    expect(sut.problems.filter((p) => p.row === 2)).toEqual([]);
  });

  it('does not read a sheet of more rows than any file may hold: one problem says so', () => {
    const rows = Array.from({ length: 5002 }, (_, i) => [s(`T${i}`), s(''), n(i + 1), s('PC'), s('3:00')]);
    const sut = rowsToDrafts(book(album, tracks(rows)));
    expect(sut.drafts.albums).toEqual([]);
    expect(sut.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.message.en])).toEqual([
      [null, 'The tracks sheet has 5002 data rows; one file takes at most 5000. The file was not read: split it into several files.'],
    ]);
    // 5,000 tracks and the template's example row are read (and then held to the album's limits).
    const fits = rowsToDrafts(book(album, tracks(rows.slice(0, 5001))));
    expect(fits.problems.some((p) => p.message.en.includes('data rows'))).toBe(false);
  });

  it('lists at most 1,000 refused cells, then one line saying there are more', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => [s(`T${i}`), s(''), n(1 + (i % 999)), s('PC'), s('forever')]);
    const sut = rowsToDrafts(book(album, tracks(rows)));
    const notice = sut.problems.findIndex((p) => p.message.en.startsWith('More than 1000 cells are refused'));
    expect(notice).toBe(1000);
    expect(sut.problems.filter((p) => p.message.en.startsWith('More than 1000 cells are refused'))).toHaveLength(1);
    // No refused cell after the notice (problems of whole rows, like repeated track numbers, may follow).
    expect(sut.problems.slice(notice + 1).filter((p) => p.field === 'duration')).toEqual([]);
  });

  it('holds credit names to the forms’ limits: 200 characters a name, 50 names a cell', () => {
    const credits = (cell: string) =>
      rowsToDrafts(
        book(sheet('Album', [['*Album title', 'Release type', 'Performer'].map(s), [s('Real'), s('Digital release'), s(cell)]]), tracks([[s('One'), s(''), n(1), s('PC'), s('3:00')]])),
      ).problems.filter((p) => p.column === 'Performer');
    expect(credits(`${'名'.repeat(201)}、乙`).map((p) => p.message.en)).toEqual([`Each name in "Performer" takes at most 200 characters ("${'名'.repeat(20)}…" has 201).`]);
    expect(credits(Array.from({ length: 51 }, (_, i) => `N${i}`).join('; ')).map((p) => p.message['zh-TW'])).toEqual(['「Performer」最多 50 個名字（目前 51 個）。']);
    expect(credits(`${'名'.repeat(200)}; ${Array.from({ length: 49 }, (_, i) => `N${i}`).join('; ')}`)).toEqual([]);
  });

  it('counts text lengths in characters as the forms do (code points: 𝄞 is one, not two UTF-16 units)', () => {
    const read = (title: string, performer: string) =>
      rowsToDrafts(
        book(sheet('Album', [['*Album title', 'Release type', 'Performer'].map(s), [s(title), s('Digital release'), s(performer)]]), tracks([[s('One'), s(''), n(1), s('PC'), s('3:00')]])),
      ).problems.filter((p) => p.column === '*Album title' || p.column === 'Performer');
    expect(read('𝄞'.repeat(500), '𝄞'.repeat(200))).toEqual([]);
    expect(read('𝄞'.repeat(501), '𝄞'.repeat(201)).map((p) => p.message.en)).toEqual([
      '"*Album title" takes at most 500 characters (this has 501).',
      `Each name in "Performer" takes at most 200 characters ("${'𝄞'.repeat(20)}…" has 201).`,
    ]);
  });

  it('reads a track number from digits only, and a number cell by its value', () => {
    const numbers = (cells: Cell[]) => {
      const sut = rowsToDrafts(book(album, tracks(cells.map((c, i) => [s(`T${i}`), s(''), c, s('PC'), s('3:00')]))));
      const refused = new Set(sut.problems.filter((p) => p.column === 'Track no.' && p.message.en.includes('is not a whole number')).map((p) => p.row));
      return cells.map((_, i) => (refused.has(i + 2) ? 'refused' : 'read'));
    };
    expect(numbers([s('0x1'), s('1e0'), { v: 1.6, t: 'n', z: '0', w: '2' }, s('２')])).toEqual(['refused', 'refused', 'refused', 'read']);
    expect(numbers([s('1.'), s(' 3 '), n(4), s("'5")])).toEqual(['read', 'read', 'read', 'read']);
  });
});
