import { interpolate, type Locale } from '../../shared/locale.js';
import type { TableIssue } from './find-table.js';

/** What the registrant reads about the table as a whole, in zh-TW and English. */

type Texts = Readonly<Record<Locale, string>>;

export const TABLE_ISSUE_MESSAGES: Readonly<Record<TableIssue<string>['code'], Texts>> = {
  'heading-row-not-found': {
    'zh-TW': '工作表「{sheet}」中找不到標題列（例如「{example}」）；請使用系統下載的匯入範本，不要刪除或改寫標題列。',
    en: 'No heading row was found in sheet "{sheet}" (headings such as "{example}"); use the import template downloaded from this system and keep its heading row.',
  },
  'missing-column': {
    'zh-TW': '缺少必填欄位「{heading}」。',
    en: 'The required column "{heading}" is missing.',
  },
  'duplicate-column': {
    'zh-TW': '欄位「{heading}」出現不只一次（第 {columns} 欄）；請只保留一欄。',
    en: 'The column "{heading}" appears more than once (columns {columns}); keep only one.',
  },
  'merged-cells': {
    'zh-TW': '資料區有合併儲存格（{range}）；請取消合併，讓每一列的每一欄各自填寫。',
    en: 'The data area has merged cells ({range}); unmerge them so every row has its own value in every column.',
  },
  'unknown-column': {
    'zh-TW': '第 {column} 欄「{heading}」不是範本的欄位，其內容不會匯入。',
    en: 'Column {column} ("{heading}") is not a template column; its contents are not imported.',
  },
  'data-without-heading': {
    'zh-TW': '第 {column} 欄有內容但沒有欄位名稱，其內容不會匯入。',
    en: 'Column {column} has contents but no heading; its contents are not imported.',
  },
};

export function tableIssueMessage(issue: TableIssue<string>, locale: Locale): string {
  return interpolate(TABLE_ISSUE_MESSAGES[issue.code][locale], issue);
}
