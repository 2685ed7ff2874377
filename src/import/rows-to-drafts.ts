import type { AlbumFields, RecordingFields } from '../catalog/catalog.schemas.js';
import type { ReleaseType } from '../catalog/vocabularies.js';
import { findTable, pickSheets, type PickedSheets, type SheetData, type WorkbookData } from './spreadsheet/index.js';
import { CATALOGUE_LIMITS, SHEET_NAME_ALIASES, SHEET_NAMES, tableSpec, type SheetKey, type TemplateKind } from './template/columns.js';
import { groupCatalogue, groupOneAlbum, type AlbumGroup, type GroupHeadings, type KeyedAlbum, type KeyedTrack } from './group-albums.js';
import { bothLocales, IMPORT_MESSAGES, importText, type ImportProblem } from './import-problems.js';
import { interpolate } from '../shared/locale.js';
import { headingsOf, SCOPE, SheetReader, tableProblems } from './sheet-reader.js';

export type { AlbumDraft, AlbumGroup, TrackDraft } from './group-albums.js';

/**
 * The read workbook → the album and track inputs the catalog services take (AlbumFields,
 * RecordingFields), grouped by album, with every problem the cells themselves show, using the
 * template's one column spec (template/columns.ts). A file whose album sheet has a 專輯代號 column is
 * a catalogue (many albums); without it, the guide's one album. Pure: what the services decide (ISRC
 * ownership and uniqueness, citing, completeness) is checked by running them (import-run.ts).
 */

export interface ImportDrafts {
  kind: TemplateKind;
  /** In file order; a one-album file has exactly one group (its album null when the sheet had none). */
  albums: AlbumGroup[];
  /** The headings as found in the file, by column key, to name columns in later problems. */
  albumHeadings: Partial<Record<string, string>>;
  trackHeadings: Partial<Record<string, string>>;
}

export interface RowsToDraftsResult {
  drafts: ImportDrafts;
  problems: ImportProblem[];
}

const ALBUM_SKIP = new Set<string>(['albumKey']);
const TRACK_SKIP = new Set<string>(['albumKey', 'trackNumber', 'cited', 'isrc']);

/** The album sheet's table, and whether it is a catalogue (its 專輯代號 column is there). */
function albumTable(sheet: SheetData) {
  const catalogue = findTable(sheet, tableSpec('album', 'catalogue'));
  if (catalogue.columns.albumKey !== undefined) {
    return { kind: 'catalogue' as const, table: catalogue };
  }
  return { kind: 'album' as const, table: findTable(sheet, tableSpec('album', 'album')) };
}

function readAlbums(sheet: SheetData, date1904: boolean, problems: ImportProblem[]) {
  const { kind, table } = albumTable(sheet);
  tableProblems(table, 'album', problems);
  if (overLimit('album', table.rows.length, CATALOGUE_LIMITS.albums, problems)) {
    return { kind, albums: [], headings: headingsOf(table), over: true };
  }
  const reader = new SheetReader('album', table, date1904, problems, kind);
  const albums: KeyedAlbum[] = [];
  for (const { rowNumber: row, cells } of table.rows) {
    if (reader.isExample(cells)) {
      continue;
    }
    const key = kind === 'catalogue' ? reader.value(row, cells, 'albumKey') : null;
    const { values, credits } = reader.fields(row, cells, ALBUM_SKIP);
    const { releaseType, ...rest } = values;
    // The values come typed by their columns' kinds, which mirror AlbumFields field by field.
    const fields = { ...rest, credits } as AlbumFields;
    albums.push({ key: typeof key === 'string' ? key : null, draft: { row, releaseType: (typeof releaseType === 'string' ? releaseType : 'digital') as ReleaseType, fields } });
  }
  if (table.headingRow !== null && albums.length === 0) {
    problems.push({ severity: 'error', scope: 'album', row: null, column: null, message: importText('noAlbumRow') });
  }
  return { kind, albums, headings: headingsOf(table), over: false };
}

function readTracks(sheet: SheetData, kind: TemplateKind, date1904: boolean, problems: ImportProblem[]) {
  const table = findTable(sheet, tableSpec('tracks', kind));
  tableProblems(table, 'track', problems);
  if (overLimit('tracks', table.rows.length, CATALOGUE_LIMITS.tracks, problems)) {
    return { tracks: [], headings: headingsOf(table), over: true };
  }
  const reader = new SheetReader('tracks', table, date1904, problems, kind);
  const tracks: KeyedTrack[] = [];
  for (const { rowNumber: row, cells } of table.rows) {
    if (reader.isExample(cells)) {
      continue;
    }
    const keyValue = kind === 'catalogue' ? reader.value(row, cells, 'albumKey') : null;
    const key = typeof keyValue === 'string' ? keyValue : null;
    const cited = reader.value(row, cells, 'cited') === true;
    const isrcValue = reader.value(row, cells, 'isrc', cited);
    const isrc = typeof isrcValue === 'string' ? isrcValue : null;
    const numberValue = reader.value(row, cells, 'trackNumber');
    const number = typeof numberValue === 'string' ? Number(numberValue) : null;
    if (cited) {
      if (isrc === null) {
        problems.push({ severity: 'error', scope: 'track', row, column: reader.heading('isrc'), field: 'isrc', message: importText('citeNeedsIsrc') });
      }
      tracks.push({ key, number, draft: { row, isrc, cited, recording: {} } });
      continue;
    }
    const { values, credits } = reader.fields(row, cells, TRACK_SKIP);
    // The values come typed by their columns' kinds, which mirror RecordingFields field by field.
    const recording = { ...values, credits } as RecordingFields;
    tracks.push({ key, number, draft: { row, isrc, cited, recording } });
  }
  if (table.headingRow !== null && tracks.length === 0) {
    problems.push({ severity: 'error', scope: 'track', row: null, column: null, message: importText('noTracks') });
  }
  return { tracks, headings: headingsOf(table), over: false };
}

/**
 * A sheet with more data rows than any file may hold (500 albums, 5,000 tracks) is not read at all:
 * one problem says so. Reading it would build a draft and problems for every row in the server's
 * memory, stored with the preview and sent to the browser, for a file that cannot be imported.
 */
function overLimit(sheet: SheetKey, rows: number, max: number, problems: ImportProblem[]): boolean {
  // The template's example row (skipped when read) may come on top.
  if (rows <= max + 1) {
    return false;
  }
  const what = { album: { 'zh-TW': '專輯工作表', en: 'album sheet' }, tracks: { 'zh-TW': '曲目工作表', en: 'tracks sheet' } }[sheet];
  const message = bothLocales((locale) => interpolate(IMPORT_MESSAGES.tooManyRows[locale], { sheet: what[locale], count: rows, max }));
  problems.push({ severity: 'error', scope: SCOPE[sheet], row: null, column: null, message });
  return true;
}

/** Names each row's problems with its album's key, so a catalogue's result table can say which album. */
function tagAlbumKeys(groups: readonly AlbumGroup[], problems: ImportProblem[]): void {
  const albumRows = new Map<number, string>();
  const trackRows = new Map<number, string>();
  for (const group of groups) {
    if (group.key === null) {
      continue;
    }
    if (group.album !== null) {
      albumRows.set(group.album.row, group.key);
    }
    for (const track of group.tracks) {
      trackRows.set(track.row, group.key);
    }
  }
  for (const problem of problems) {
    const key = problem.row === null ? undefined : (problem.scope === 'album' ? albumRows : trackRows).get(problem.row);
    if (problem.albumKey === undefined && key !== undefined) {
      problem.albumKey = key;
    }
  }
}

const SHEET_WHAT = { album: { 'zh-TW': '專輯工作表', en: 'album sheet' }, tracks: { 'zh-TW': '曲目工作表', en: 'tracks sheet' } } as const;

/**
 * A data sheet missing by name (renamed, or copied into a new workbook: 工作表1, Sheet1, Numbers'
 * 「工作表 1 - 表格 1」) is taken from a visible sheet whose headings name that sheet's title column,
 * with a warning saying so. The title columns tell the two apart (專輯名稱 / 曲目名稱): the other
 * headings (製作公司, 錄製長度, credits) are on both.
 */
function adoptByHeadings(workbook: WorkbookData, picked: PickedSheets<SheetKey>, problems: ImportProblem[]): void {
  for (const key of [...picked.missing]) {
    const used = new Set(Object.values(picked.sheets));
    const sheet = workbook.sheets.find((s) => !used.has(s) && s.state === 'visible' && findTable(s, tableSpec(key, 'catalogue')).columns.title !== undefined);
    if (sheet === undefined) {
      continue;
    }
    picked.sheets[key] = sheet;
    picked.missing = picked.missing.filter((k) => k !== key);
    picked.extra = picked.extra.filter((name) => name !== sheet.name);
    const message = bothLocales((locale) => interpolate(IMPORT_MESSAGES.sheetByHeadings[locale], { expected: SHEET_NAMES[key][locale], sheet: sheet.name, what: SHEET_WHAT[key][locale] }));
    problems.push({ severity: 'warning', scope: SCOPE[key], row: null, column: null, message });
  }
}

/** One album a file (the guide's way) or a catalogue of many albums keyed by 專輯代號. */
export function rowsToDrafts(workbook: WorkbookData): RowsToDraftsResult {
  const problems: ImportProblem[] = [];
  const picked = pickSheets(workbook, SHEET_NAME_ALIASES);
  adoptByHeadings(workbook, picked, problems);
  for (const key of picked.missing) {
    problems.push({ severity: 'error', scope: SCOPE[key], row: null, column: null, message: importText('missingSheet', { sheet: SHEET_NAMES[key]['zh-TW'] }) });
  }
  // The template's own sheets: the lists sheet is hidden, but Gnumeric and some converters drop the hidden state.
  const instructions = new Set<string>([SHEET_NAMES.instructions['zh-TW'], SHEET_NAMES.instructions.en, SHEET_NAMES.lists['zh-TW'], SHEET_NAMES.lists.en]);
  for (const sheet of picked.extra.filter((name) => !instructions.has(name))) {
    problems.push({ severity: 'warning', scope: 'album', row: null, column: null, message: importText('extraSheet', { sheet }) });
  }
  const album = picked.sheets.album === undefined ? { kind: 'album' as const, albums: [], headings: {}, over: false } : readAlbums(picked.sheets.album, workbook.date1904, problems);
  const kind: TemplateKind = album.kind;
  const tracks = picked.sheets.tracks === undefined ? { tracks: [], headings: {}, over: false } : readTracks(picked.sheets.tracks, kind, workbook.date1904, problems);
  if (album.over || tracks.over) {
    return { drafts: { kind, albums: [], albumHeadings: album.headings, trackHeadings: tracks.headings }, problems };
  }
  const at = (headings: Partial<Record<string, string>>, key: string): string | null => headings[key] ?? null;
  const headings: GroupHeadings = {
    albumKey: { album: at(album.headings, 'albumKey'), tracks: at(tracks.headings, 'albumKey') },
    trackNumber: at(tracks.headings, 'trackNumber'),
    isrc: at(tracks.headings, 'isrc'),
  };
  let albums: AlbumGroup[];
  if (kind === 'catalogue') {
    albums = groupCatalogue(album.albums, tracks.tracks, headings, problems);
  } else {
    const [first, second] = album.albums;
    if (first !== undefined && second !== undefined) {
      problems.push({ severity: 'warning', scope: 'album', row: second.draft.row, column: null, message: importText('manyAlbumRows', { count: album.albums.length, row: first.draft.row }) });
    }
    albums = groupOneAlbum(first?.draft ?? null, tracks.tracks, headings, problems);
  }
  tagAlbumKeys(albums, problems);
  return { drafts: { kind, albums, albumHeadings: album.headings, trackHeadings: tracks.headings }, problems };
}
