import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from '../accounts/actor.js';
import { assertMember } from '../catalog/albums.service.js';
import { withTransaction } from '../db/tx.js';
import type { ServiceContext } from '../db/context.js';
import { putAlbumCover } from '../media/covers.service.js';
import { AppError } from '../shared/errors.js';
import { stageUpload, type StagedFile, type UploadedFile } from '../storage/staging.js';
import { FileTooLargeError } from '../storage/storage.js';
import { UploadSourceError } from '../storage/upload.js';
import type { Locale } from '../shared/locale.js';
import { checkImportCover } from './import-cover.js';
import { hasErrors, type ImportProblem } from './import-problems.js';
import { previewView, type StoredPreview } from './import-view.js';
import { findImportPreview, insertImportPreview, lockImportPreview, markImportConfirmed, type ImportPreviewRow } from './import.repo.js';
import { RollbackPreview, runImport, type DescribeError, type RunOptions } from './import-run.js';
import type { ImportPreviewResponse } from './import.schemas.js';
import { rowsToDrafts } from './rows-to-drafts.js';
import { megabytes } from './spreadsheet/refusals.js';
import { readUploadedWorkbook, spreadsheetRefusalMessage, XLSX_LIMITS, type SpreadsheetRefusal, type WorkbookReader } from './spreadsheet/index.js';

/** A preview (and its staged cover) stays confirmable for a day, as long as staging keeps uploads. */
export const PREVIEW_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** One part of the multipart upload, in the order the client sent them. */
export type UploadPart = { type: 'file'; fieldname: string; file: UploadedFile } | { type: 'field'; fieldname: string; value: string };

export interface ImportDeps {
  reader: WorkbookReader;
  describe: DescribeError;
}

function stagingDirOf(ctx: ServiceContext): string {
  if (ctx.stagingDir === undefined) {
    throw new Error('upload staging directory is not configured');
  }
  return ctx.stagingDir;
}

function refused(reason: SpreadsheetRefusal, detail: Readonly<Record<string, string | number>> = {}): AppError {
  return new AppError('IMPORT_FILE_REFUSED', {
    reason,
    reasonZh: spreadsheetRefusalMessage(reason, 'zh-TW', detail),
    reasonEn: spreadsheetRefusalMessage(reason, 'en', detail),
  });
}

async function stageWorkbook(ctx: ServiceContext, file: UploadedFile): Promise<StagedFile> {
  try {
    const staged = await stageUpload(file.stream, { dir: stagingDirOf(ctx), maxBytes: XLSX_LIMITS.maxFileBytes });
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

interface Received {
  workbook?: { staged: StagedFile; fileName: string };
  cover?: StagedFile;
  coverProblems: ImportProblem[];
  nextAvailable: boolean;
}

/** Receives the parts as they come (each file stream must be read before the next part). */
async function receive(ctx: ServiceContext, parts: AsyncIterable<UploadPart>, describe: DescribeError): Promise<Received> {
  const got: Received = { coverProblems: [], nextAvailable: false };
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === 'nextAvailable') {
          got.nextAvailable = part.value === 'true' || part.value === '1' || part.value === 'on';
        }
      } else if (part.fieldname === 'file' && got.workbook === undefined) {
        got.workbook = { staged: await stageWorkbook(ctx, part.file), fileName: part.file.fileName.slice(0, 255) };
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

function toResponse(row: ImportPreviewRow, locale: Locale): ImportPreviewResponse {
  return previewView(row, locale);
}

function storedOf(row: ImportPreviewRow): StoredPreview {
  const payload = row.payload as StoredPreview | null;
  if (payload === null || typeof payload !== 'object' || payload.version !== 1) {
    throw new Error(`import preview ${row.id} has an unknown payload`);
  }
  return payload;
}

/**
 * 預覽資料: reads the uploaded .xlsx (pre-scan, then a forked child), maps its rows to album and
 * track inputs, and runs them through the catalog services in a transaction that is rolled back,
 * so every problem — cells, ISRC rules, citing, completeness — is listed at once and nothing is
 * written to the catalog. The result and the staged cover are kept for a day for 確認匯入.
 */
export async function createImportPreview(ctx: ServiceContext, actor: Actor, deps: ImportDeps, parts: AsyncIterable<UploadPart>, locale: Locale): Promise<ImportPreviewResponse> {
  assertMember(actor);
  const got = await receive(ctx, parts, deps.describe);
  if (got.workbook === undefined) {
    await got.cover?.discard();
    throw new AppError('IMPORT_FILE_MISSING');
  }
  const { staged, fileName } = got.workbook;
  try {
    const read = await readUploadedWorkbook(deps.reader, staged.path);
    if (!read.ok) {
      throw refused(read.reason, read.detail);
    }
    const { drafts, problems: cellProblems } = rowsToDrafts(read.workbook);
    const problems = [...cellProblems, ...got.coverProblems];
    if (got.cover === undefined && got.coverProblems.length === 0) {
      problems.push({
        severity: 'error',
        scope: 'album',
        row: null,
        column: null,
        message: { 'zh-TW': '請一併上傳專輯封面（JPG、PNG 或 GIF，5 MB 以內）。', en: 'Upload the album cover too (JPG, PNG or GIF, at most 5 MB).' },
      });
    }
    const options: RunOptions = { nextAvailable: got.nextAvailable };
    const outcome = await withTransaction(ctx, async (tx) => {
      throw new RollbackPreview(await runImport(tx, actor, drafts, problems, options, deps.describe));
    }).catch((err: unknown) => {
      if (err instanceof RollbackPreview) {
        return err.outcome;
      }
      throw err;
    });
    const stored: StoredPreview = { version: 1, nextAvailable: got.nextAvailable, drafts, problems: outcome.problems, written: [...outcome.tracks].map(([row, t]) => ({ row, track: t })) };
    const now = ctx.clock.now();
    const row = await insertImportPreview(ctx.db, {
      registrantId: actor.registrantId,
      userId: actor.userId,
      kind: 'album',
      fileName,
      payload: stored,
      coverStagingKey: got.cover === undefined ? null : path.basename(got.cover.path),
      expiresAt: new Date(now.getTime() + PREVIEW_LIFETIME_MS),
    });
    return toResponse(row, locale);
  } catch (err) {
    await got.cover?.discard();
    throw err;
  } finally {
    await staged.discard();
  }
}

/** A stored preview, again (its registrant only; another's is NOT_FOUND). */
export async function getImportPreview(ctx: ServiceContext, actor: Actor, id: string, locale: Locale): Promise<ImportPreviewResponse> {
  assertMember(actor);
  const row = await findImportPreview(ctx.db, id, actor.registrantId);
  if (row === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return toResponse(row, locale);
}

const STAGING_KEY = /^[0-9a-f-]{36}\.upload$/;

/**
 * 確認匯入: creates the draft album and all its tracks in one transaction through the catalog
 * services, attaches the cover, and marks the preview confirmed — all or nothing. The preview row
 * is locked first, so a second confirm (double click, retry) waits and then answers the same album.
 * Refused while the preview lists errors, or when the file's checks fail now (say an ISRC was
 * taken since the preview): IMPORT_HAS_ERRORS.
 */
export async function confirmImportPreview(ctx: ServiceContext, actor: Actor, deps: ImportDeps, id: string, locale: Locale): Promise<ImportPreviewResponse> {
  assertMember(actor);
  let coverToDiscard: string | undefined;
  const row = await withTransaction(ctx, async (tx) => {
    const preview = await lockImportPreview(tx.db, id, actor.registrantId);
    if (preview === undefined) {
      throw new AppError('NOT_FOUND');
    }
    if (preview.confirmedAt !== null) {
      return preview;
    }
    if (preview.expiresAt.getTime() <= ctx.clock.now().getTime()) {
      throw new AppError('IMPORT_PREVIEW_EXPIRED');
    }
    const stored = storedOf(preview);
    const errorCount = stored.problems.filter((p) => p.severity === 'error').length;
    if (errorCount > 0) {
      throw new AppError('IMPORT_HAS_ERRORS', { errorCount });
    }
    const outcome = await runImport(tx, actor, stored.drafts, [], { nextAvailable: stored.nextAvailable }, deps.describe);
    if (outcome.album === null || hasErrors(outcome.problems)) {
      throw new AppError('IMPORT_HAS_ERRORS', { errorCount: Math.max(1, outcome.problems.filter((p) => p.severity === 'error').length) });
    }
    const albumId = outcome.album.id;
    const key = preview.coverStagingKey;
    if (key !== null && STAGING_KEY.test(key)) {
      const coverPath = path.join(stagingDirOf(ctx), key);
      await putAlbumCover(tx, actor, albumId, () => Promise.resolve({ stream: createReadStream(coverPath), truncated: () => false }));
      coverToDiscard = coverPath;
    }
    const confirmedAt = ctx.clock.now();
    await markImportConfirmed(tx.db, preview.id, [albumId], confirmedAt);
    return { ...preview, confirmedAt, albumIds: [albumId] };
  });
  if (coverToDiscard !== undefined) {
    await rm(coverToDiscard, { force: true });
  }
  return toResponse(row, locale);
}
