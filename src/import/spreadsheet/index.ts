/**
 * Reading uploaded spreadsheets safely — the layer the import preview calls:
 * 1. prescanXlsx(path): is it a genuine, sane .xlsx at all? (refusals.ts says why not)
 * 2. reader.read(path): parse it in a forked child into plain WorkbookData
 * 3. pickSheets / findTable: the template's sheets and columns, by name and heading
 * 4. cellText / cellDate / cellDuration / cellCode / cellYesNo: each cell as the registrant meant it
 */
import { prescanXlsx } from './prescan.js';
import type { ReadResult, WorkbookReader } from './read-workbook.js';

export { prescanXlsx, type PrescanResult } from './prescan.js';
export { createWorkbookReader, readWorkbook, type ReadResult, type ReadStats, type ReaderOptions, type WorkbookReader } from './read-workbook.js';
export { ReaderBusyError, ReadTurns } from './read-turns.js';
export { XLSX_LIMITS, READER_LIMITS, type XlsxLimits, type ReaderLimits } from './limits.js';
export { SPREADSHEET_REFUSAL_MESSAGES, isSpreadsheetRefusal, spreadsheetRefusalMessage, type RefusalDetail, type SpreadsheetRefusal } from './refusals.js';
export { cellCode, cellDate, cellDuration, cellText, cellYesNo, normaliseText, oneLine, shownText, withoutQuotePrefix, type CellRefusal, type CellResult } from './cells.js';
export { CELL_REFUSAL_MESSAGES, cellRefusalMessage } from './cell-messages.js';
export { findTable, headingKey, type ColumnSpec, type FoundColumn, type FoundTable, type TableIssue, type TableRow, type TableSpec } from './find-table.js';
export { TABLE_ISSUE_MESSAGES, tableIssueMessage } from './table-messages.js';
export { pickSheets, type PickedSheets } from './pick-sheets.js';
export { BLANK_CELL, columnLetter, rangeText, type Cell, type CellType, type MergedRange, type SheetData, type WorkbookData } from './workbook.js';

/** Pre-scan, then parse: one answer for an uploaded file. */
export async function readUploadedWorkbook(reader: WorkbookReader, filePath: string, owner?: string, signal?: AbortSignal): Promise<ReadResult> {
  const scanned = await prescanXlsx(filePath);
  if (!scanned.ok) {
    return { ...scanned, stats: { ms: 0, peakRssMb: null, cells: 0 } };
  }
  return reader.read(filePath, owner, signal);
}
