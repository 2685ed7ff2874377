/**
 * The baseline of the import benchmark, forked like the importer's parsing child (same heap cap, no
 * environment but TZ=UTC): reads one file with a bare SheetJS `XLSX.read` and the importer's options
 * (read-workbook.child.ts), and reports the time of readFile + XLSX.read and its own peak RSS.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import * as XLSX from '@e965/xlsx';
import { SHEETJS_READ_OPTIONS } from '../src/import/spreadsheet/sheetjs-options.js';

export interface BareReadAnswer {
  ms: number;
  maxRssMb: number;
  sheets: number;
}

const filePath = process.argv[2] ?? '';
const started = performance.now();
const book = XLSX.read(await readFile(filePath), SHEETJS_READ_OPTIONS);
const answer: BareReadAnswer = { ms: performance.now() - started, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), sheets: book.SheetNames.length };
process.send?.(answer, () => process.disconnect());
