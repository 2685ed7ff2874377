import { interpolate, type Locale } from '../../shared/locale.js';

/**
 * Why an uploaded workbook is refused before any row is read, with what the registrant reads in
 * zh-TW and English. Each message says what the file is and what to do about it. Placeholders
 * come from the refusal's detail.
 */
export type SpreadsheetRefusal =
  | 'empty'
  | 'too-large'
  | 'not-a-zip'
  | 'text'
  | 'encrypted'
  | 'xls'
  | 'xlsb'
  | 'ods'
  | 'numbers'
  | 'docx'
  | 'macro'
  | 'too-many-entries'
  | 'too-large-unpacked'
  | 'bomb'
  | 'xml-declarations'
  | 'bad-crc'
  | 'damaged'
  | 'missing-workbook'
  | 'too-complex'
  | 'unreadable';

/** Numbers for the message and names for the log; never shown raw to another user. */
export type RefusalDetail = Readonly<Record<string, string | number>>;

export type Refused = { ok: false; reason: SpreadsheetRefusal; detail: RefusalDetail };

export function refuse(reason: SpreadsheetRefusal, detail: RefusalDetail = {}): Refused {
  return { ok: false, reason, detail };
}

type Texts = Readonly<Record<Locale, string>>;

const SAVE_AS_XLSX = {
  'zh-TW': '請在試算表軟體中開啟，另存為「Excel 活頁簿（.xlsx）」後再上傳',
  en: 'open it in your spreadsheet program, save it as an Excel workbook (.xlsx) and upload that file',
};

export const SPREADSHEET_REFUSAL_MESSAGES: Readonly<Record<SpreadsheetRefusal, Texts>> = {
  empty: { 'zh-TW': '檔案是空的（0 位元組）。', en: 'The file is empty (0 bytes).' },
  'too-large': {
    'zh-TW': '檔案大小 {sizeMb} MB，超過上限 {limitMb} MB；請刪除多餘的工作表或圖片，或分成多個檔案上傳。',
    en: 'The file is {sizeMb} MB, over the {limitMb} MB limit; remove extra sheets or pictures, or split it into several files.',
  },
  'not-a-zip': {
    'zh-TW': `這不是 Excel 活頁簿（.xlsx）檔案，更改副檔名無效；${SAVE_AS_XLSX['zh-TW']}。`,
    en: `This is not an Excel workbook (.xlsx), and renaming it does not change that; ${SAVE_AS_XLSX.en}.`,
  },
  text: {
    'zh-TW': `這是文字檔（例如 CSV），不是 Excel 活頁簿；${SAVE_AS_XLSX['zh-TW']}。`,
    en: `This is a text file (for example CSV), not an Excel workbook; ${SAVE_AS_XLSX.en}.`,
  },
  encrypted: {
    'zh-TW': '檔案設有開啟密碼（已加密），系統無法讀取；請在 Excel 中移除密碼（檔案 → 資訊 → 保護活頁簿 → 以密碼加密，清除密碼），另存後再上傳。',
    en: 'The file has a password to open (it is encrypted), so it cannot be read; remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password, clear it), save and upload again.',
  },
  xls: {
    'zh-TW': `這是舊版 Excel 97–2003 活頁簿（.xls）；${SAVE_AS_XLSX['zh-TW']}。`,
    en: `This is an old Excel 97–2003 workbook (.xls); ${SAVE_AS_XLSX.en}.`,
  },
  xlsb: {
    'zh-TW': `這是 Excel 二進位活頁簿（.xlsb）；${SAVE_AS_XLSX['zh-TW']}。`,
    en: `This is an Excel binary workbook (.xlsb); ${SAVE_AS_XLSX.en}.`,
  },
  ods: {
    'zh-TW': '這是 OpenDocument 試算表（.ods）；請在 LibreOffice 中選「另存新檔」，檔案類型選「Excel 2007-365（.xlsx）」後再上傳。',
    en: 'This is an OpenDocument spreadsheet (.ods); in LibreOffice use Save As with the file type "Excel 2007-365 (.xlsx)" and upload that file.',
  },
  numbers: {
    'zh-TW': '這是 Apple Numbers 檔案；請在 Numbers 中選「檔案 → 輸出至 → Excel」，產生 .xlsx 檔後再上傳。',
    en: 'This is an Apple Numbers file; in Numbers choose File → Export To → Excel and upload the .xlsx file it makes.',
  },
  docx: {
    'zh-TW': '這是 Word 文件，不是試算表；請上傳填好的匯入範本（.xlsx）。',
    en: 'This is a Word document, not a spreadsheet; upload the filled-in import template (.xlsx).',
  },
  macro: {
    'zh-TW': '檔案含有巨集（啟用巨集的活頁簿，例如 .xlsm），為安全起見不予接受；請另存為不含巨集的「Excel 活頁簿（.xlsx）」後再上傳。',
    en: 'The file contains macros (a macro-enabled workbook such as .xlsm), which are not accepted for safety; save it as a plain Excel workbook (.xlsx) and upload that file.',
  },
  'too-many-entries': {
    'zh-TW': '檔案內部的元件過多（{entries} 個，上限 {limit} 個）；請刪除多餘的工作表、圖片或物件，另存後再上傳。',
    en: 'The file holds too many parts ({entries}, the limit is {limit}); remove extra sheets, pictures or objects, save and upload again.',
  },
  'too-large-unpacked': {
    'zh-TW': '檔案解壓縮後的內容超過 {limitMb} MB 上限；請刪除多餘的工作表或圖片，或分成多個檔案上傳。',
    en: 'Unpacked, the file holds more than the {limitMb} MB limit; remove extra sheets or pictures, or split it into several files.',
  },
  bomb: {
    'zh-TW': '檔案內容異常：解壓縮後的大小與檔案聲明的不符或膨脹過大（可能是惡意的「壓縮炸彈」），已拒絕；請從試算表軟體重新另存後再上傳。',
    en: 'The file is abnormal: unpacked it grows far beyond, or beyond what it declares (possibly a malicious "zip bomb"), so it was refused; save it again from your spreadsheet program and upload that file.',
  },
  'xml-declarations': {
    'zh-TW': '檔案內含試算表軟體不會寫入的 XML 宣告（DOCTYPE／ENTITY），可能是惡意檔案，已拒絕；請從試算表軟體重新另存後再上傳。',
    en: 'The file contains XML declarations (DOCTYPE/ENTITY) that no spreadsheet program writes, possibly a malicious file, so it was refused; save it again from your spreadsheet program and upload that file.',
  },
  'bad-crc': {
    'zh-TW': '檔案已損壞（內容的檢查碼不符，可能在下載或複製時出錯）；請從原始檔重新另存後再上傳。',
    en: 'The file is damaged (its contents fail their checksum, probably from an interrupted download or copy); save it again from the original and upload that file.',
  },
  damaged: {
    'zh-TW': '檔案已損壞或不完整，無法讀取其結構；請從試算表軟體重新另存後再上傳。',
    en: 'The file is damaged or incomplete and its structure cannot be read; save it again from your spreadsheet program and upload that file.',
  },
  'missing-workbook': {
    'zh-TW': '這是壓縮檔，但其中沒有 Excel 活頁簿的內容；請上傳 Excel 活頁簿（.xlsx）。',
    en: 'This is a zip archive without an Excel workbook inside; upload an Excel workbook (.xlsx).',
  },
  'too-complex': {
    'zh-TW': '活頁簿過於龐大或複雜，無法在時限內讀取（例如整張工作表都設了格式或資料驗證）；請只保留匯入範本的工作表與資料，另存後再上傳。',
    en: 'The workbook is too large or complex to read in the time allowed (for example formatting or validation over whole sheets); keep only the template’s sheets and data, save and upload again.',
  },
  unreadable: {
    'zh-TW': '無法讀取此活頁簿的內容，檔案可能已損壞；請從試算表軟體重新另存後再上傳。',
    en: 'The contents of this workbook cannot be read; the file may be damaged. Save it again from your spreadsheet program and upload that file.',
  },
};

export function spreadsheetRefusalMessage(reason: SpreadsheetRefusal, locale: Locale, detail: RefusalDetail = {}): string {
  return interpolate(SPREADSHEET_REFUSAL_MESSAGES[reason][locale], detail);
}

/** Narrows a value (e.g. an error's `details.reason`) to a refusal reason. */
export function isSpreadsheetRefusal(value: unknown): value is SpreadsheetRefusal {
  return typeof value === 'string' && Object.hasOwn(SPREADSHEET_REFUSAL_MESSAGES, value);
}

/** Bytes → MB with one decimal, rounded up (10 MB + 1 byte shows as 10.1, never as the limit itself). */
export function megabytes(bytes: number): number {
  return Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
}
