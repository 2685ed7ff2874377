import { interpolate, type Locale } from '../../shared/locale.js';
import type { CellRefusal } from './cells.js';

/** What the registrant reads about one cell, in zh-TW and English; placeholders come from the refusal's detail. */

type Texts = Readonly<Record<Locale, string>>;

export const CELL_REFUSAL_MESSAGES: Readonly<Record<CellRefusal, Texts>> = {
  'error-value': {
    'zh-TW': '儲存格是錯誤值（{shown}），通常是公式出錯；請改成正確的內容。',
    en: 'The cell holds an error value ({shown}), usually from a broken formula; enter the right value instead.',
  },
  'formula-not-calculated': {
    'zh-TW': '這一格是公式，但檔案裡沒有它的計算結果（檔案由程式產生或轉存）；請用 Excel、LibreOffice 等試算表開啟後存檔再上傳，或直接輸入值。',
    en: 'This cell holds a formula whose result was never calculated (the file was written or re-saved by a program); open and save it in Excel, LibreOffice or another spreadsheet before uploading, or type the value instead.',
  },
  'not-text': {
    'zh-TW': '這一欄應填文字，儲存格卻是「{shown}」。',
    en: 'This column takes text, but the cell holds "{shown}".',
  },
  'not-a-date': {
    'zh-TW': '「{shown}」不是日期；請填 YYYY.MM.DD、YYYY.MM 或 YYYY（例如 2026.01.02）。',
    en: '"{shown}" is not a date; enter YYYY.MM.DD, YYYY.MM or YYYY (for example 2026.01.02).',
  },
  'date-invalid': {
    'zh-TW': '「{shown}」不是存在的日期（月份或日超出範圍）。',
    en: '"{shown}" is not a real date (the month or day is out of range).',
  },
  'date-too-early': {
    'zh-TW': '「{shown}」早於 1877 年（最早的錄音），請確認年份是否為西元年。',
    en: '"{shown}" is before 1877 (the first sound recording); check the year.',
  },
  'date-roc-year': {
    'zh-TW': '「{shown}」看起來是民國年；請改用西元年，例如 2026.01.02。',
    en: '"{shown}" looks like a Minguo (ROC) year; use the Western year, for example 2026.01.02.',
  },
  'date-as-number': {
    'zh-TW': '「{shown}」存成了數字，月份可能已遺失（2025.10 會變成 2025.1）；請把這一欄的儲存格格式設為「文字」，再重新輸入日期。',
    en: '"{shown}" was stored as a number, so the month may be lost (2025.10 becomes 2025.1); format this column as text and enter the date again.',
  },
  'not-a-duration': {
    'zh-TW': '「{shown}」不是長度；請填 m:ss 或 h:mm:ss（例如 3:25 或 1:02:05）。',
    en: '"{shown}" is not a duration; enter m:ss or h:mm:ss (for example 3:25 or 1:02:05).',
  },
  'duration-hours-minutes': {
    'zh-TW': '「{shown}」被試算表當成 {hours} 小時 {minutes} 分；若是 {hours} 分 {minutes} 秒，請輸入 {asMinutes}，或先把儲存格格式設為「文字」再輸入。',
    en: 'Your spreadsheet took "{shown}" as {hours} h {minutes} min; if you meant {hours} min {minutes} s, enter {asMinutes}, or format the cell as text first.',
  },
  'duration-clock-time': {
    'zh-TW':
      '「{shown}」被試算表當成時刻（{hours} 小時 {minutes} 分）。若是 {hours} 分 {minutes} 秒，請輸入 {asMinutes}；若確實是 {hours} 小時 {minutes} 分，請先把儲存格格式設為「文字」再輸入 {asHours}。',
    en: 'Your spreadsheet took "{shown}" as a time of day ({hours} h {minutes} min). If you meant {hours} min {minutes} s, enter {asMinutes}; if it really is {hours} h {minutes} min, format the cell as text and enter {asHours}.',
  },
  'duration-out-of-range': {
    'zh-TW': '長度「{shown}」超出範圍（1 秒至 99:59:59）。',
    en: 'The duration "{shown}" is out of range (1 second to 99:59:59).',
  },
  'code-as-number': {
    'zh-TW': '「{shown}」存成了數字，開頭的 0 可能已經遺失；請把這一欄的儲存格格式設為「文字」，再重新輸入代碼。',
    en: '"{shown}" was stored as a number, so leading zeros may have been lost; format this column as text and enter the code again.',
  },
  'not-yes-no': {
    'zh-TW': '「{shown}」不是「是」或「否」；請填 是 或 否（也接受 Y／N）。',
    en: '"{shown}" is not yes or no; enter 是 or 否 (Y/N and yes/no are accepted too).',
  },
};

export function cellRefusalMessage(reason: CellRefusal, locale: Locale, detail: Readonly<Record<string, string | number>> = {}): string {
  return interpolate(CELL_REFUSAL_MESSAGES[reason][locale], detail);
}
