/**
 * The parsing child (forked by read-workbook.ts, never imported): waits for one request, reads that
 * one file with SheetJS, sends plain data back and exits. Runs with a capped heap and no
 * environment but TZ=UTC, so an out-of-memory, a hang or a crash here costs only this process.
 */
import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { rewriteContainerAstralRefs, type ZipContainer } from './astral-refs.js';
import { isReadRequest, type ChildMessage } from './read-protocol.js';
import { SHEETJS_READ_OPTIONS } from './sheetjs-options.js';
import { toWorkbookData } from './sheetjs-convert.js';
import { scanSheets } from './uncalculated.js';

const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** SheetJS's own unzipping (typed `any` in its typings) and zip-to-workbook step (exported, not in its typings). */
const CFB = XLSX.CFB as { read: (data: Buffer, options: { type: 'buffer' }) => ZipContainer };
const parseZip = (XLSX as unknown as { parse_zip: (zip: ZipContainer, options: XLSX.ParsingOptions) => XLSX.WorkBook }).parse_zip;

/**
 * XLSX.read of a zip, in its two steps — unzip (as SheetJS's zip_read does for a buffer) and parse —
 * with the references above U+FFFF rewritten in between (astral-refs.ts), which SheetJS would misread.
 */
function readZip(buffer: Buffer, options: XLSX.ParsingOptions): XLSX.WorkBook {
  const zip = CFB.read(buffer, { type: 'buffer' });
  rewriteContainerAstralRefs(zip);
  return parseZip(zip, options);
}

function reply(message: ChildMessage): void {
  // Disconnecting once the message is out lets the process end by itself.
  process.send?.(message, () => process.disconnect());
}

async function read(filePath: string, maxCells: number): Promise<ChildMessage> {
  const buffer = await readFile(filePath);
  // SheetJS also parses CSV, .xls, .ods…: only a zip gets this far (the prescan has vetted it).
  if (!buffer.subarray(0, 4).equals(ZIP_LOCAL)) {
    return { type: 'refused', reason: 'unreadable', detail: { cause: 'not-zip' } };
  }
  let book: XLSX.WorkBook;
  try {
    // bookFiles: the unzipped parts SheetJS already holds, to find formulas saved without a result.
    book = readZip(buffer, { ...SHEETJS_READ_OPTIONS, bookFiles: true });
  } catch (error) {
    return { type: 'refused', reason: 'unreadable', detail: { cause: 'parse', error: error instanceof Error ? error.message.slice(0, 200) : '' } };
  }
  if (book.SheetNames.length === 0) {
    return { type: 'refused', reason: 'unreadable', detail: { cause: 'no-sheets' } };
  }
  const files: unknown = Reflect.get(book, 'files');
  const scans = typeof files === 'object' && files !== null ? scanSheets(files as Parameters<typeof scanSheets>[0], book.SheetNames.length) : [];
  if (scans.some((scan) => scan.tooMany === true)) {
    return { type: 'refused', reason: 'too-complex', detail: { cause: 'uncalculated-formulas' } };
  }
  const converted = toWorkbookData(book, maxCells, scans);
  if (!converted.ok) {
    return { type: 'refused', reason: 'too-complex', detail: { cause: 'cells', cells: converted.cells, limit: maxCells } };
  }
  // The child's own high-water mark (ru_maxrss, KiB): what the parent's /proc sampling may miss between samples.
  return { type: 'result', workbookJson: JSON.stringify(converted.workbook), cells: converted.cells, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

process.on('disconnect', () => process.exit(0));
process.once('message', (message: unknown) => {
  if (!isReadRequest(message)) {
    process.exit(2);
  }
  read(message.filePath, message.maxCells).then(reply, (error: unknown) =>
    reply({ type: 'refused', reason: 'unreadable', detail: { cause: 'io', error: error instanceof Error ? error.message.slice(0, 200) : '' } }),
  );
});
process.send?.({ type: 'ready' } satisfies ChildMessage);
