/**
 * Limits on an uploaded workbook, measured on 45 real and hostile files (STACK-NOTES.md,
 * "Spreadsheets from other producers"): they stopped every hostile file and refused no genuine one.
 * Sizes are binary (1 MB = 1,048,576 bytes).
 */

const MB = 1024 * 1024;

export interface XlsxLimits {
  /** The uploaded file itself. */
  maxFileBytes: number;
  /** Entries in the zip's central directory. */
  maxEntries: number;
  /** One entry once inflated, declared and actual. */
  maxEntryBytes: number;
  /** All entries once inflated, declared and actual. */
  maxTotalBytes: number;
  /** Inflated / compressed size, checked on entries of at least `ratioMinBytes` (genuine files reach 52). */
  maxRatio: number;
  ratioMinBytes: number;
}

export const XLSX_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  maxFileBytes: 10 * MB,
  maxEntries: 500,
  maxEntryBytes: 50 * MB,
  maxTotalBytes: 100 * MB,
  maxRatio: 100,
  ratioMinBytes: 1 * MB,
});

export interface ReaderLimits {
  /** Wall-clock time for the parsing child, from the moment it is given the file. */
  timeoutMs: number;
  /** V8 heap of the child (`--max-old-space-size`): past it the child dies, never the server. */
  maxHeapMb: number;
  /** Resident memory of the child (heap + buffers + code), watched in /proc; past it the child is killed. */
  maxRssMb: number;
  /**
   * Non-blank cells (and merged ranges) in the whole workbook: the template's 5,000 tracks × 30
   * columns are 150,000. Twice that leaves room for extra columns, and bounds what the parent
   * (outside this child's heap cap) builds from the answer.
   */
  maxCells: number;
  /**
   * Parsing children reading at once (each may reach `maxRssMb`): more uploads wait their turn, so
   * eight large files at once neither take 8 × 700 MB nor time each other out on two cores.
   */
  concurrency: number;
  /** Uploads waiting for a turn; one more is answered "busy, retry shortly". */
  maxWaiting: number;
}

export const READER_LIMITS: Readonly<ReaderLimits> = Object.freeze({
  timeoutMs: 15_000,
  maxHeapMb: 512,
  maxRssMb: 700,
  maxCells: 300_000,
  concurrency: 2,
  maxWaiting: 8,
});
