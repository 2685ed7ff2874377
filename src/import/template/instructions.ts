/**
 * The template's instructions sheet (填寫說明): the guide's batch-import steps, the formats, and a
 * table of every column with whether it is required and what it takes — generated from the column
 * spec like the data sheets, so it cannot describe columns that are not there.
 */
import type ExcelJS from 'exceljs';
import { YES_NO_VALUES } from './cell-values.js';
import { CATALOGUE_LIMITS, headingOf, SHEET_NAMES, templateColumns, type SheetKey, type TemplateColumn, type TemplateKind, type TemplateLang } from './columns.js';

type Lines = Readonly<Record<TemplateLang, readonly string[]>>;

function steps(kind: TemplateKind, example: boolean): Lines {
  const zh = [
    ...(kind === 'album'
      ? ['每個 Excel 檔案包含一張專輯及其所屬曲目。']
      : [
          `一個檔案可包含多張專輯（回溯編碼），最多 ${CATALOGUE_LIMITS.albums} 張專輯、${CATALOGUE_LIMITS.tracks} 首曲目。`,
          '「專輯代號」是您自訂的簡短代號（例如 A1、A2），只用來配對本檔案中的專輯與曲目，不會存入專輯資料：專輯工作表每列填一個不重複的代號，曲目工作表每列填其所屬專輯的代號。',
        ]),
    `專輯資料填寫於「${SHEET_NAMES.album['zh-TW']}」工作表，曲目資料填寫於「${SHEET_NAMES.tracks['zh-TW']}」工作表。`,
    '欄位名稱前有「*」表示必填。欄位順序可調整，但請勿修改欄位名稱；中文或英文欄位名稱皆可匯入。',
    ...(example ? ['第 2 列起為範例資料（名稱以「範例：」開頭），匯入時會略過，可刪除或直接覆寫。'] : []),
    '日期格式為 YYYY.MM.DD、YYYY.MM 或 YYYY（錄製日期為 YYYY.MM 或 YYYY），例如 2026.03.09；請使用西元年。',
    '長度格式為 m:ss 或 h:mm:ss，例如 4:05 或 1:02:05。',
    'ISRC 編號欄已設為文字格式，請勿改為數值（開頭的 0 會遺失）。個人申請者請留空，送出審核後由系統配發。',
    '作品職責每個職責一欄，多位姓名以「、」或「;」分隔，至少填寫一位（例如表演者）。',
    '是否為引用＝是：引用已在本中心核准的曲目，只需填寫曲目序號與 ISRC 編號。',
    '新版本（Remix、剪輯版、現場版、重新錄製…）必須使用與原版本不同的 ISRC，並填寫原版本 ISRC。',
    kind === 'album'
      ? '於「專輯匯入」上傳本檔案及專輯封面圖片（jpg、png 或 gif，最大 5 MB），點選「預覽資料」確認無誤後點選「確認匯入」；匯入後請檢查資料，再送出審核。'
      : '於「專輯匯入」上傳本檔案（不需上傳封面），點選「預覽資料」確認無誤後點選「確認匯入」：所有專輯一次建立，任一列有錯則全部不匯入。匯入後請於各專輯頁面上傳其封面（jpg、png 或 gif，最大 5 MB）並檢查資料，再送出審核。',
  ];
  const en = [
    ...(kind === 'album'
      ? ['Each Excel file holds one album and its tracks.']
      : [
          `One file may hold many albums (retroactive coding): at most ${CATALOGUE_LIMITS.albums} albums and ${CATALOGUE_LIMITS.tracks} tracks.`,
          'The album key is a short key of your own (e.g. A1, A2) that only pairs albums and tracks within this file; it is not stored with the album. Give every album row its own key, and every track row the key of its album.',
        ]),
    `Enter the album on the "${SHEET_NAMES.album.en}" sheet and its tracks on the "${SHEET_NAMES.tracks.en}" sheet.`,
    'Headings starting with * are required. Columns may be moved but not renamed; Chinese and English headings both import.',
    ...(example ? ['Row 2 onwards holds examples (titles starting with "Example:"): they are skipped on import; delete them or type over them.'] : []),
    'Dates: YYYY.MM.DD, YYYY.MM or YYYY (recording date YYYY.MM or YYYY), e.g. 2026.03.09, in the Western calendar.',
    'Durations: m:ss or h:mm:ss, e.g. 4:05 or 1:02:05.',
    'The ISRC column is formatted as text: do not change it to a number (leading zeros would be lost). Individuals leave it empty; the ISRC is assigned on submission.',
    'Credits: one column per role; separate several names with 、 or ; and enter at least one name (e.g. the performer).',
    'Cited = Yes: a track already approved by the ISRC centre; only the track number and its ISRC are needed.',
    'A new version (remix, edit, live, re-recording…) needs an ISRC different from the original, and the ISRC of the original.',
    kind === 'album'
      ? 'Upload this file with the cover image (jpg, png or gif, at most 5 MB) under Import album, check the preview, then confirm; review the imported album before submitting it.'
      : 'Upload this file (no cover needed) under Import album, check the preview, then confirm: every album is created at once, and if any row fails nothing is imported. Afterwards upload each album’s cover (jpg, png or gif, at most 5 MB) on its page and review it before submitting.',
  ];
  return { 'zh-TW': zh, en };
}

function describeColumn(column: TemplateColumn, lang: TemplateLang): string {
  const zh = lang === 'zh-TW';
  const kind = column.kind;
  switch (kind.type) {
    case 'text':
      return zh ? `文字，最多 ${kind.maxLength} 字。` : `Text, up to ${kind.maxLength} characters.`;
    case 'integer':
      return zh ? `整數 ${kind.min}–${kind.max}。${column.note?.[lang] ?? ''}` : `Whole number ${kind.min}–${kind.max}. ${column.note?.[lang] ?? ''}`;
    case 'yesNo':
      return YES_NO_VALUES[lang].join(zh ? '／' : ' / ');
    case 'vocabulary':
      return kind.terms.map((t) => (zh ? t.zh : t.en)).join(zh ? '、' : '; ');
    case 'albumKey':
    case 'isrc':
    case 'date':
    case 'duration':
    case 'credits':
      return column.note?.[lang] ?? '';
  }
}

export function writeInstructions(workbook: ExcelJS.Workbook, options: { lang: TemplateLang; kind: TemplateKind }, example: boolean): void {
  const { lang, kind } = options;
  const zh = lang === 'zh-TW';
  const sheet = workbook.addWorksheet(SHEET_NAMES.instructions[lang]);
  sheet.columns = [{ width: 28 }, { width: 30 }, { width: 8 }, { width: 90 }];
  sheet.addRow([zh ? 'ISRC 批次上傳範本：填寫說明' : 'ISRC batch upload template: instructions']).font = { bold: true, size: 14 };
  sheet.addRow([]);
  steps(kind, example)[lang].forEach((line, i) => {
    const row = sheet.addRow([`${i + 1}. ${line}`]);
    sheet.mergeCells(row.number, 1, row.number, 4);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = 30;
  });
  sheet.addRow([]);
  sheet.addRow(zh ? ['工作表', '欄位', '必填', '格式／可選值'] : ['Sheet', 'Column', 'Required', 'Format / values']).font = { bold: true };
  for (const sheetKey of ['album', 'tracks'] as const satisfies readonly SheetKey[]) {
    for (const column of templateColumns(sheetKey, kind)) {
      const row = sheet.addRow([SHEET_NAMES[sheetKey][lang], headingOf(column, lang), column.required ? (zh ? '是' : 'Yes') : '', describeColumn(column, lang)]);
      row.alignment = { wrapText: true, vertical: 'top' };
    }
  }
}
