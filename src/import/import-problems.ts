import { interpolate, type Locale } from '../shared/locale.js';

/**
 * One line of the preview's result table (狀態 / 類型 / 列 / 欄 / 訊息). Messages are kept in both
 * languages so a stored preview answers in whichever language the next request asks for. Browser-safe.
 */
export type Texts = Readonly<Record<Locale, string>>;

export interface ImportProblem {
  severity: 'error' | 'warning';
  scope: 'album' | 'track';
  /** The sheet's row as the spreadsheet numbers it (1-based), or null for the file as a whole. */
  row: number | null;
  /** The column's heading as written in the file, or null. */
  column: string | null;
  /** The form field the problem is about (album or track field), when there is one: not shown, used to avoid saying the same thing twice. */
  field?: string;
  /** In a catalogue: the 專輯代號 of the album the row belongs to. */
  albumKey?: string;
  message: Texts;
}

export const IMPORT_MESSAGES = {
  missingSheet: { 'zh-TW': '找不到工作表「{sheet}」；請使用系統下載的匯入範本。', en: 'Sheet "{sheet}" is missing; use the import template downloaded from this system.' },
  extraSheet: { 'zh-TW': '工作表「{sheet}」不是範本的一部分，其內容不會匯入。', en: 'Sheet "{sheet}" is not part of the template; its contents are not imported.' },
  sheetByHeadings: {
    'zh-TW': '找不到工作表「{expected}」；依標題列，將工作表「{sheet}」當成{what}讀取。',
    en: 'Sheet "{expected}" is missing; sheet "{sheet}" was read as the {what} by its headings.',
  },
  noAlbumRow: { 'zh-TW': '專輯工作表沒有資料列；請填寫一列專輯資料。', en: 'The album sheet has no data row; fill in one row for the album.' },
  manyAlbumRows: {
    'zh-TW': '專輯工作表有 {count} 列資料，沒有「專輯代號」欄的檔案只匯入一張專輯，只會使用第 {row} 列；多張專輯請使用「多張專輯範本」。',
    en: 'The album sheet has {count} data rows; a file without an "Album key" column imports one album, so only row {row} is used. For many albums use the catalogue template.',
  },
  noTracks: { 'zh-TW': '曲目工作表沒有資料列；專輯至少需要一首曲目。', en: 'The tracks sheet has no data rows; an album needs at least one track.' },
  tooLong: { 'zh-TW': '「{column}」最多 {max} 個字（目前 {length} 個字）。', en: '"{column}" takes at most {max} characters (this has {length}).' },
  trackNumber: { 'zh-TW': '「{value}」不是 {min} 至 {max} 的整數。', en: '"{value}" is not a whole number from {min} to {max}.' },
  duplicateTrackNumber: { 'zh-TW': '曲目序號 {number} 與第 {other} 列重複。', en: 'Track number {number} repeats row {other}.' },
  required: { 'zh-TW': '「{column}」為必填欄位。', en: '"{column}" is required.' },
  vocabulary: { 'zh-TW': '「{value}」不是「{column}」可選的值；可選：{allowed}。', en: '"{value}" is not a value of "{column}"; choose one of: {allowed}.' },
  duplicateIsrc: { 'zh-TW': 'ISRC {isrc} 與第 {other} 列重複；每首曲目需要不同的 ISRC。', en: 'ISRC {isrc} repeats row {other}; every track needs its own ISRC.' },
  citeNeedsIsrc: {
    'zh-TW': '「是否為引用」為「是」時，請在 ISRC 欄填寫已審核通過的 ISRC。',
    en: 'When "Cited" is yes, enter the ISRC of an approved recording in the ISRC column.',
  },
  citeNotFound: {
    'zh-TW': '找不到已審核通過的 ISRC {isrc}；只能引用已審核通過的曲目。',
    en: 'No approved recording has ISRC {isrc}; only approved recordings can be cited.',
  },
  citeIgnored: { 'zh-TW': '引用的曲目沿用原有資料，這一列其他欄位不會匯入。', en: 'A cited recording keeps its own data; the other cells of this row are not imported.' },
  isrcLater: {
    'zh-TW': '沒有填 ISRC；匯入後請在曲目中填寫，或上傳時勾選「空白 ISRC 使用下一個可用編號」。',
    en: 'No ISRC; enter one on the track after the import, or tick "next available for empty ISRCs" when uploading.',
  },
  isrcTakenInFile: {
    'zh-TW': 'ISRC {isrc} 已由本檔案第 {other} 列使用；每首曲目需要不同的 ISRC。',
    en: 'ISRC {isrc} is already used by row {other} of this file; every track needs its own ISRC.',
  },
  jump: {
    'zh-TW': 'ISRC {isrc} 跳過了 {skipped} 個未使用的資料代碼；確認匯入即表示使用此編號。',
    en: 'ISRC {isrc} skips {skipped} unused designation codes; confirming the import uses it anyway.',
  },
  duplicateIsrcAcross: {
    'zh-TW': 'ISRC {isrc} 與第 {other} 列（專輯代號 {key}）重複；整個檔案中每首曲目需要不同的 ISRC。',
    en: 'ISRC {isrc} repeats row {other} (album key {key}); every track in the file needs its own ISRC.',
  },
  tooManyAlbums: {
    'zh-TW': '檔案有 {count} 張專輯，一個檔案最多 {max} 張；請分成數個檔案匯入。',
    en: 'The file holds {count} albums; one file takes at most {max}. Split it into several files.',
  },
  tooManyRows: {
    'zh-TW': '{sheet}有 {count} 列資料，一個檔案最多 {max} 列；檔案未讀取，請分成數個檔案匯入。',
    en: 'The {sheet} has {count} data rows; one file takes at most {max}. The file was not read: split it into several files.',
  },
  tooManyProblems: {
    'zh-TW': '儲存格錯誤超過 {max} 項，只列出前 {max} 項；請先修正這些錯誤後再上傳。',
    en: 'More than {max} cells are refused; only the first {max} are listed. Correct these and upload the file again.',
  },
  creditNameTooLong: {
    'zh-TW': '「{column}」的每個名字最多 {max} 個字（「{name}…」有 {length} 個字）。',
    en: 'Each name in "{column}" takes at most {max} characters ("{name}…" has {length}).',
  },
  tooManyCreditNames: { 'zh-TW': '「{column}」最多 {max} 個名字（目前 {count} 個）。', en: '"{column}" takes at most {max} names (this has {count}).' },
  tooManyTracks: {
    'zh-TW': '檔案有 {count} 首曲目，一個檔案最多 {max} 首；請分成數個檔案匯入。',
    en: 'The file holds {count} tracks; one file takes at most {max}. Split it into several files.',
  },
  duplicateAlbumKey: { 'zh-TW': '專輯代號「{key}」與第 {other} 列重複；每張專輯需要不同的代號。', en: 'Album key "{key}" repeats row {other}; every album needs its own key.' },
  unknownAlbumKey: {
    'zh-TW': '專輯工作表沒有專輯代號「{key}」；請填寫專輯工作表上的代號。',
    en: 'No album on the album sheet has the key "{key}"; use a key from the album sheet.',
  },
  albumWithoutTracks: { 'zh-TW': '專輯代號「{key}」沒有曲目；專輯至少需要一首曲目。', en: 'Album key "{key}" has no tracks; an album needs at least one track.' },
  catalogueCover: {
    'zh-TW': '多張專輯的檔案不使用上傳的封面；確認匯入後，請於各專輯頁面上傳其封面。',
    en: 'A file of many albums does not use the uploaded cover; after the import, upload each album’s cover on its page.',
  },
  coverMissing: { 'zh-TW': '請一併上傳專輯封面（JPG、PNG 或 GIF，5 MB 以內）。', en: 'Upload the album cover too (JPG, PNG or GIF, at most 5 MB).' },
} as const satisfies Readonly<Record<string, Texts>>;

export type ImportMessage = keyof typeof IMPORT_MESSAGES;

export function importText(key: ImportMessage, values: Readonly<Record<string, unknown>> = {}): Texts {
  const texts = IMPORT_MESSAGES[key];
  return { 'zh-TW': interpolate(texts['zh-TW'], values), en: interpolate(texts.en, values) };
}

/** Both languages of a message built per locale. */
export function bothLocales(build: (locale: Locale) => string): Texts {
  return { 'zh-TW': build('zh-TW'), en: build('en') };
}

export const hasErrors = (problems: readonly ImportProblem[]): boolean => problems.some((p) => p.severity === 'error');
