import { sanitiseFileName } from '../change-requests/attachment-name.js';
import { AppError } from '../shared/errors.js';
import type { ServiceContext } from '../db/context.js';
import { stageUpload, type StagedFile, type UploadedFile } from '../storage/staging.js';
import { FileTooLargeError } from '../storage/storage.js';
import { UploadSourceError } from '../storage/upload.js';
import { checkImportCover } from './import-cover.js';
import type { DescribeError } from './import-collector.js';
import type { ImportProblem } from './import-problems.js';
import { megabytes } from './spreadsheet/refusals.js';
import { spreadsheetRefusalMessage, XLSX_LIMITS, type SpreadsheetRefusal } from './spreadsheet/index.js';

/**
 * Receiving an import upload: the parts of the multipart body in order, the workbook staged with its
 * size limit, the cover checked as 上傳專輯封面 checks it. Nothing reaches the catalog here.
 */

/** One part of the multipart upload, in the order the client sent them. */
export type UploadPart = { type: 'file'; fieldname: string; file: UploadedFile } | { type: 'field'; fieldname: string; value: string };

export function stagingDirOf(ctx: ServiceContext): string {
  if (ctx.stagingDir === undefined) {
    throw new Error('upload staging directory is not configured');
  }
  return ctx.stagingDir;
}

export function refused(reason: SpreadsheetRefusal, detail: Readonly<Record<string, string | number>> = {}): AppError {
  return new AppError('IMPORT_FILE_REFUSED', {
    reason,
    reasonZh: spreadsheetRefusalMessage(reason, 'zh-TW', detail),
    reasonEn: spreadsheetRefusalMessage(reason, 'en', detail),
  });
}

async function stageWorkbook(ctx: ServiceContext, file: UploadedFile): Promise<StagedFile> {
  try {
    const staged = await stageUpload(file.stream, { dir: stagingDirOf(ctx), maxBytes: XLSX_LIMITS.maxFileBytes, metrics: ctx.metrics });
    if (file.truncated()) {
      await staged.discard();
      throw refused('too-large', { sizeMb: megabytes(XLSX_LIMITS.maxFileBytes + 1), limitMb: megabytes(XLSX_LIMITS.maxFileBytes) });
    }
    return staged;
  } catch (err) {
    if (err instanceof FileTooLargeError) {
      throw refused('too-large', { sizeMb: megabytes(XLSX_LIMITS.maxFileBytes + 1), limitMb: megabytes(XLSX_LIMITS.maxFileBytes) });
    }
    if (err instanceof UploadSourceError) {
      throw new AppError('MALFORMED_REQUEST');
    }
    throw err;
  }
}

/** The workbook's own name, kept with the preview: the rules of every uploaded file's name. */
function workbookName(file: UploadedFile): string {
  const name = sanitiseFileName(file.fileName, 'import.xlsx');
  if (!name.ok) {
    file.stream.resume();
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', code: 'invalidCharacter', params: { character: name.character } }] });
  }
  return name.name;
}

export interface Received {
  workbook?: { staged: StagedFile; fileName: string };
  cover?: StagedFile;
  coverProblems: ImportProblem[];
  nextAvailable: boolean;
}

/**
 * Receives the parts as they come (each file stream must be read before the next part).
 * `onWorkbook` is told as soon as the workbook is staged, so reading it can start while the cover
 * that follows is received and decoded (a 3000×3000 cover takes a while).
 */
export async function receive(ctx: ServiceContext, parts: AsyncIterable<UploadPart>, describe: DescribeError, onWorkbook?: (staged: StagedFile) => void): Promise<Received> {
  const got: Received = { coverProblems: [], nextAvailable: false };
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === 'nextAvailable') {
          got.nextAvailable = part.value === 'true' || part.value === '1' || part.value === 'on';
        }
      } else if (part.fieldname === 'file' && got.workbook === undefined) {
        const fileName = workbookName(part.file);
        got.workbook = { staged: await stageWorkbook(ctx, part.file), fileName };
        onWorkbook?.(got.workbook.staged);
      } else if (part.fieldname === 'cover' && got.cover === undefined) {
        const checked = await checkImportCover(stagingDirOf(ctx), part.file);
        if (checked.ok) {
          got.cover = checked.staged;
        } else {
          got.coverProblems.push({ severity: 'error', scope: 'album', row: null, column: null, message: describe.message(checked.error) });
        }
      } else {
        part.file.stream.resume();
      }
    }
  } catch (err) {
    await got.workbook?.staged.discard();
    await got.cover?.discard();
    throw err;
  }
  return got;
}
