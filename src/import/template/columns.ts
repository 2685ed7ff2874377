/**
 * The one column specification of the .xlsx import template (批次上傳範本). The template writer, the
 * album export and the importer all read it, so a heading, a drop-down and the parser can never drift.
 * Pure and browser-safe: built from the forms' own vocabularies (catalog/vocabularies.ts).
 *
 * Shape of a workbook, for the importer:
 * - Sheet `album` 「批次上傳專輯頁面欄位」 / "Album": row 1 headings, then one album row (kind `album`) or
 *   many (kind `catalogue`, each with its 專輯代號 / Album key). Sheet `tracks` 「批次上傳曲目頁面欄位」 /
 *   "Tracks": row 1 headings, one row per track (in `catalogue` each names its album's key). Plus an
 *   instructions sheet and a hidden sheet with the drop-down lists: neither holds data.
 * - Columns are found by heading in any order (`matchHeading`, or `tableSpec` for spreadsheet/findTable):
 *   zh-TW or English, with or without the `*` that marks required columns.
 * - Row 2 of each data sheet of a downloaded template is a filled example: `isExampleRow` recognises it
 *   (its title starts with 範例： / Example:, in a catalogue its album key is 範例 / Example).
 * - Cell values by kind (see cell-values.ts): vocabularies as a label in either language or the code;
 *   yes/no 是/否 Yes/No; credits one column per role, names separated by 、 or ; (`splitCreditNames`);
 *   dates YYYY.MM.DD / YYYY.MM / YYYY (recording date YYYY.MM / YYYY); durations m:ss or h:mm:ss; ISRCs
 *   as text. Cited rows (是否為引用 = 是) need only the track number and the approved ISRC.
 */
import { headingKey } from '../spreadsheet/find-table.js';
import {
  ALBUM_DEFAULT_ROLES,
  ALBUM_TYPES,
  CREDIT_ROLES,
  MEDIA_FORMS,
  PUBLICATION_CATEGORIES,
  RELEASE_TYPES,
  TRACK_DEFAULT_ROLES,
  VERSION_TYPES,
  WORK_CATEGORIES,
  type CreditRole,
  type Term,
} from '../../catalog/vocabularies.js';

export type TemplateLang = 'zh-TW' | 'en';
export const TEMPLATE_LANGS = ['zh-TW', 'en'] as const;
/** `album`: one album per workbook (the guide's template). `catalogue`: many albums (回溯編碼), keyed by 專輯代號. */
export type TemplateKind = 'album' | 'catalogue';
export const TEMPLATE_KINDS = ['album', 'catalogue'] as const;
/** What a catalogue may hold at most: the template's data rows, and what one confirm writes in one transaction. */
export const CATALOGUE_LIMITS = { albums: 500, tracks: 5000 } as const;
/** The two data sheets. */
export type SheetKey = 'album' | 'tracks';

export type Bilingual = Readonly<Record<TemplateLang, string>>;

export const SHEET_NAMES = {
  album: { 'zh-TW': '批次上傳專輯頁面欄位', en: 'Album' },
  tracks: { 'zh-TW': '批次上傳曲目頁面欄位', en: 'Tracks' },
  instructions: { 'zh-TW': '填寫說明', en: 'Instructions' },
  /** Hidden: the values of the drop-down lists. */
  lists: { 'zh-TW': '選單', en: 'Lists' },
} as const satisfies Record<string, Bilingual>;

/** Sheet names accepted for each data sheet (for spreadsheet/pickSheets). */
export const SHEET_NAME_ALIASES: Readonly<Record<SheetKey, readonly string[]>> = {
  album: [SHEET_NAMES.album['zh-TW'], SHEET_NAMES.album.en, '專輯', 'Albums'],
  tracks: [SHEET_NAMES.tracks['zh-TW'], SHEET_NAMES.tracks.en, '曲目', 'Track'],
};

export type CreditColumnKey = `credits.${CreditRole}`;
export type AlbumFieldKey =
  | 'releaseType'
  | 'title'
  | 'publisher'
  | 'releaseDate'
  | 'productionCompany'
  | 'totalDuration'
  | 'albumType'
  | 'workCategory'
  | 'mediaForm'
  | 'publicationCategory'
  | 'introduction'
  | 'retroactive';
export type TrackFieldKey =
  | 'trackNumber'
  | 'cited'
  | 'isrc'
  | 'title'
  | 'storyTitle'
  | 'episode'
  | 'theme'
  | 'playTitle'
  | 'description'
  | 'productionCompany'
  | 'duration'
  | 'recordingDate'
  | 'aiAssisted'
  | 'producedAbroad'
  | 'versionType'
  | 'versionOfIsrc';
/** `albumKey` only in the catalogue kind. */
export type AlbumColumnKey = 'albumKey' | AlbumFieldKey | CreditColumnKey;
export type TrackColumnKey = 'albumKey' | TrackFieldKey | CreditColumnKey;
export type ColumnKeyOf<S extends SheetKey> = S extends 'album' ? AlbumColumnKey : TrackColumnKey;

/** What a column holds, and so how it is written, validated and read. */
export type ColumnKind =
  /** Free text up to maxLength characters (after NFKC and trim); one line unless `multiline` (line breaks become spaces). */
  | { type: 'text'; maxLength: number; multiline?: boolean }
  /** 專輯代號: any short text naming an album within the workbook. */
  | { type: 'albumKey'; maxLength: number }
  /** A whole number (曲目序號). */
  | { type: 'integer'; min: number; max: number }
  /** A code kept as text (ISRC): a number has lost its leading zeros. */
  | { type: 'isrc' }
  /** `day`: YYYY.MM.DD, YYYY.MM or YYYY (發行日期); `month`: YYYY.MM or YYYY (錄製日期). */
  | { type: 'date'; precision: 'day' | 'month' }
  /** m:ss or h:mm:ss. */
  | { type: 'duration' }
  /** 是/否, Yes/No (Y/N, true/false, 1/0 are read too). */
  | { type: 'yesNo' }
  /** One of `terms`, written as its label; read as a label in either language or as its code. */
  | { type: 'vocabulary'; terms: readonly Term[] }
  /** Names for one credit role, separated by 、 or ; (see splitCreditNames). */
  | { type: 'credits'; role: CreditRole };

export interface TemplateColumn<K extends string = string> {
  key: K;
  /** The heading without the `*` (headingOf adds it for required columns). */
  heading: Bilingual;
  /** Other headings accepted on import (older names, the form's labels). */
  aliases: readonly string[];
  /** Marked `*`: the form requires it before submission. In a cited track row only 曲目序號 and ISRC count. */
  required: boolean;
  kind: ColumnKind;
  /** Column width in characters. */
  width: number;
  /** The format, shown as the heading cell's note and on the instructions sheet. */
  note?: Bilingual;
}

const MAX_TRACK_NUMBER = 999;

const DATE_DAY_NOTE: Bilingual = { 'zh-TW': '格式 YYYY.MM.DD、YYYY.MM 或 YYYY，例如 2026.03.09。', en: 'YYYY.MM.DD, YYYY.MM or YYYY, e.g. 2026.03.09.' };
const DATE_MONTH_NOTE: Bilingual = { 'zh-TW': '格式 YYYY.MM 或 YYYY，例如 2025.09。', en: 'YYYY.MM or YYYY, e.g. 2025.09.' };
const DURATION_NOTE: Bilingual = { 'zh-TW': '格式 m:ss 或 h:mm:ss，例如 4:05 或 1:02:05。', en: 'm:ss or h:mm:ss, e.g. 4:05 or 1:02:05.' };
const YES_NO_NOTE: Bilingual = { 'zh-TW': '請由選單選擇「是」或「否」；空白視為「否」。', en: 'Choose Yes or No from the list; empty means No.' };
const CHOOSE_NOTE: Bilingual = { 'zh-TW': '請由選單選擇。', en: 'Choose from the list.' };
const CREDIT_NOTE: Bilingual = {
  'zh-TW': '多位姓名以「、」或「;」分隔。作品職責至少填寫一位（例如表演者）。',
  en: 'Separate several names with 、 or ; (semicolon). Enter at least one name under the credits (e.g. the performer).',
};
const ALBUM_KEY_NOTE: Bilingual = {
  'zh-TW': '自訂的專輯代號（例如 A1），每張專輯不同；曲目工作表以相同代號指出所屬專輯。代號只用於本檔案，不會存入專輯資料。',
  en: 'Your own key for the album (e.g. A1), different for every album; the tracks sheet names its album by the same key. It only pairs rows within this file and is not stored.',
};

function text<K extends string>(key: K, zh: string, en: string, maxLength: number, required = false, width = 20): TemplateColumn<K> {
  return { key, heading: { 'zh-TW': zh, en }, aliases: [], required, kind: { type: 'text', maxLength }, width };
}
/** A text column that keeps its line breaks (introductions, descriptions). */
function multiline<K extends string>(column: TemplateColumn<K>): TemplateColumn<K> {
  return column.kind.type === 'text' ? { ...column, kind: { ...column.kind, multiline: true } } : column;
}
function choose<K extends string>(key: K, zh: string, en: string, terms: readonly Term[], required = false): TemplateColumn<K> {
  return { key, heading: { 'zh-TW': zh, en }, aliases: [], required, kind: { type: 'vocabulary', terms }, width: 18, note: CHOOSE_NOTE };
}
function yesNo<K extends string>(key: K, zh: string, en: string, aliases: readonly string[] = []): TemplateColumn<K> {
  return { key, heading: { 'zh-TW': zh, en }, aliases, required: false, kind: { type: 'yesNo' }, width: 14, note: YES_NO_NOTE };
}
function credit(role: (typeof CREDIT_ROLES)[number]): TemplateColumn<CreditColumnKey> {
  return {
    key: `credits.${role.code}`,
    heading: { 'zh-TW': role.zh, en: role.en },
    aliases: [`作品職責-${role.zh}`, `作品職責：${role.zh}`, `Credits: ${role.en}`],
    required: false,
    kind: { type: 'credits', role: role.code },
    width: 18,
    note: CREDIT_NOTE,
  };
}
/** The form's default roles in place, the other roles (「新增其他作品職責」) at the end of the sheet. */
function creditColumns(defaults: readonly CreditRole[]): { inPlace: TemplateColumn<CreditColumnKey>[]; others: TemplateColumn<CreditColumnKey>[] } {
  const isDefault = (code: CreditRole) => defaults.includes(code);
  return { inPlace: CREDIT_ROLES.filter((r) => isDefault(r.code)).map(credit), others: CREDIT_ROLES.filter((r) => !isDefault(r.code)).map(credit) };
}

const albumKeyColumn: TemplateColumn<'albumKey'> = {
  key: 'albumKey',
  heading: { 'zh-TW': '專輯代號', en: 'Album key' },
  aliases: ['Album ID'],
  required: true,
  kind: { type: 'albumKey', maxLength: 50 },
  width: 12,
  note: ALBUM_KEY_NOTE,
};

const albumCredits = creditColumns(ALBUM_DEFAULT_ROLES);
/** The album sheet's columns in form order (without 專輯代號). */
const ALBUM_FIELD_COLUMNS: readonly TemplateColumn<AlbumColumnKey>[] = [
  choose('releaseType', '出版類別', 'Release type', RELEASE_TYPES, true),
  text('title', '專輯名稱', 'Album title', 500, true, 30),
  ...albumCredits.inPlace,
  text('publisher', '發行公司', 'Publisher / label', 300, true, 24),
  { key: 'releaseDate', heading: { 'zh-TW': '發行日期', en: 'Release date' }, aliases: [], required: true, kind: { type: 'date', precision: 'day' }, width: 14, note: DATE_DAY_NOTE },
  text('productionCompany', '製作公司', 'Production company', 300, true, 24),
  { key: 'totalDuration', heading: { 'zh-TW': '錄製長度', en: 'Duration' }, aliases: ['Total duration'], required: false, kind: { type: 'duration' }, width: 12, note: DURATION_NOTE },
  choose('albumType', '專輯類型', 'Album type', ALBUM_TYPES, true),
  choose('workCategory', '著作類別', 'Work category', WORK_CATEGORIES),
  choose('mediaForm', '媒體形式', 'Media form', MEDIA_FORMS),
  choose('publicationCategory', '有聲出版類別', 'Audio publication category', PUBLICATION_CATEGORIES),
  multiline(text('introduction', '專輯介紹', 'Album introduction', 5000, false, 40)),
  yesNo('retroactive', '回溯編碼', 'Retroactive', ['是否為回溯編碼', 'Retroactive coding']),
  ...albumCredits.others,
];

const trackCredits = creditColumns(TRACK_DEFAULT_ROLES);
/** The track sheet's columns in form order (without 專輯代號). */
const TRACK_FIELD_COLUMNS: readonly TemplateColumn<TrackColumnKey>[] = [
  {
    key: 'trackNumber',
    heading: { 'zh-TW': '曲目序號', en: 'Track no.' },
    aliases: ['#', '序號', '曲序', 'No.', 'Track number', 'Track'],
    required: true,
    kind: { type: 'integer', min: 1, max: MAX_TRACK_NUMBER },
    width: 10,
    note: { 'zh-TW': '曲目在專輯中的順序：1、2、3…', en: 'The track’s position on the album: 1, 2, 3…' },
  },
  yesNo('cited', '是否為引用', 'Cited?', ['引用', 'Cited', 'Cite']),
  {
    key: 'isrc',
    heading: { 'zh-TW': 'ISRC編號', en: 'ISRC' },
    aliases: ['ISRC', 'ISRC code'],
    required: false,
    kind: { type: 'isrc' },
    width: 18,
    note: {
      'zh-TW': '12 碼，例如 TWK7Q2600001 或 TW-K7Q-26-00001。個人申請者請留空（送出審核時由系統配發）；引用曲目請填已核准的 ISRC。',
      en: '12 characters, e.g. TWK7Q2600001 or TW-K7Q-26-00001. Individuals leave it empty (assigned on submission); a cited track names an approved ISRC.',
    },
  },
  text('title', '曲目名稱', 'Track title', 500, true, 30),
  text('storyTitle', '故事名稱', 'Story title', 500),
  text('episode', '段子', 'Episode / segment', 500),
  text('theme', '主題(專題)', 'Theme', 500),
  text('playTitle', '劇目名稱', 'Play / opera title', 500),
  multiline(text('description', '曲目介紹', 'Track description', 5000, false, 40)),
  ...trackCredits.inPlace,
  text('productionCompany', '製作公司', 'Production company', 300, true, 24),
  { key: 'duration', heading: { 'zh-TW': '錄製長度', en: 'Duration' }, aliases: [], required: false, kind: { type: 'duration' }, width: 12, note: DURATION_NOTE },
  {
    key: 'recordingDate',
    heading: { 'zh-TW': '錄製日期', en: 'Recording date' },
    aliases: [],
    required: false,
    kind: { type: 'date', precision: 'month' },
    width: 14,
    note: DATE_MONTH_NOTE,
  },
  yesNo('aiAssisted', '是否為AI輔助作品', 'AI-assisted work?', ['AI-assisted']),
  yesNo('producedAbroad', '是否為境外作品', 'Produced abroad?', ['Produced abroad']),
  {
    ...choose('versionType', '是否為其他錄音的新版本', 'New version of another recording?', VERSION_TYPES),
    aliases: ['版本類型', 'Version type'],
    note: { 'zh-TW': '新版本（Remix、現場版…）才選擇；不是新版本請留空。', en: 'Only for a new version (remix, live…); leave empty otherwise.' },
  },
  { key: 'versionOfIsrc', heading: { 'zh-TW': '原版本 ISRC', en: 'ISRC of the original' }, aliases: ['原版本ISRC'], required: false, kind: { type: 'isrc' }, width: 18 },
  ...trackCredits.others,
];

/** The columns of a sheet, in the template's order. */
export function templateColumns<S extends SheetKey>(sheet: S, kind: TemplateKind): readonly TemplateColumn<ColumnKeyOf<S>>[] {
  // The conditional type cannot be narrowed by `sheet`; the two lists are typed by their own keys above.
  const fields = (sheet === 'album' ? ALBUM_FIELD_COLUMNS : TRACK_FIELD_COLUMNS) as readonly TemplateColumn<ColumnKeyOf<S>>[];
  return kind === 'catalogue' ? [albumKeyColumn, ...fields] : fields;
}

/** The heading as written: `*` before a required column's name. */
export function headingOf(column: TemplateColumn, lang: TemplateLang): string {
  return `${column.required ? '*' : ''}${column.heading[lang]}`;
}

/** Every heading a column accepts: both languages and its aliases. */
export function acceptedHeadings(column: TemplateColumn): string[] {
  return [column.heading['zh-TW'], column.heading.en, ...column.aliases];
}

/**
 * The column a heading names on a sheet, in either language, with or without `*`, NFKC, spaces and
 * case ignored (the same comparison as spreadsheet/findTable). 專輯代號 is known in both kinds, so a
 * catalogue workbook's key column is recognised even when the caller expected one album.
 */
export function matchHeading<S extends SheetKey>(sheet: S, heading: string): ColumnKeyOf<S> | undefined {
  return headingIndex(sheet).get(headingKey(heading));
}

const headingIndexes = new Map<SheetKey, ReadonlyMap<string, string>>();

function headingIndex<S extends SheetKey>(sheet: S): ReadonlyMap<string, ColumnKeyOf<S>> {
  let index = headingIndexes.get(sheet);
  if (index === undefined) {
    index = new Map(templateColumns(sheet, 'catalogue').flatMap((column) => acceptedHeadings(column).map((h) => [headingKey(h), column.key] as const)));
    headingIndexes.set(sheet, index);
  }
  // Built from templateColumns(sheet): its values are that sheet's keys.
  return index as ReadonlyMap<string, ColumnKeyOf<S>>;
}

/** The table spec spreadsheet/findTable takes: every column's accepted headings; required = must be present. */
export function tableSpec<S extends SheetKey>(sheet: S, kind: TemplateKind): Record<ColumnKeyOf<S>, { headings: readonly string[]; required: boolean }> {
  const spec = {} as Record<ColumnKeyOf<S>, { headings: readonly string[]; required: boolean }>;
  for (const column of templateColumns(sheet, kind)) {
    spec[column.key] = { headings: acceptedHeadings(column), required: column.required };
  }
  return spec;
}

export {
  CREDIT_NAME_SEPARATORS,
  formatTemplateDate,
  formatTemplateDuration,
  joinCreditNames,
  splitCreditNames,
  vocabularyCode,
  vocabularyLabel,
  YES_NO_VALUES,
  yesNoText,
} from './cell-values.js';
export { EXAMPLE_MARKER, exampleRows, isExampleRow } from './examples.js';
