/**
 * A table to hand to a person: the agency's listings and exports (registrants by code and by name,
 * the deposit overview, the audit log). Written as CSV or .xlsx by the writers beside this file.
 */
export interface TableColumn<Row> {
  /** Header text, already in the reader's language. */
  header: string;
  value: (row: Row) => string | number | null;
  /** Column width in characters for .xlsx (default from the header). */
  width?: number;
}

export interface Table<Row> {
  /** Sheet name for .xlsx (≤ 31 characters). */
  sheet: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
