import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from '../accounts/actor.js';
import { assertMember, isrcAssignedOnSubmission } from '../catalog/albums.service.js';
import { withTransaction } from '../db/tx.js';
import type { ServiceContext } from '../db/context.js';
import { putAlbumCover } from '../media/covers.service.js';
import { coverObjectsOf, releaseCoverObjects, type CoverObject } from '../media/covers.view.js';
import { AppError } from '../shared/errors.js';
import type { Locale } from '../shared/locale.js';
import { importText, hasErrors, type ImportProblem } from './import-problems.js';
import { previewView, storedPreviewOf, writtenOf, type StoredPreview } from './import-view.js';
import { findImportPreview, insertImportPreview, lockImportPreview, markImportConfirmed } from './import.repo.js';
import { RollbackPreview, runImport, type DescribeError, type RunOptions } from './import-run.js';
import type { ImportPreviewQuery, ImportPreviewResponse, ImportProgress } from './import.schemas.js';
import { receive, refused, stagingDirOf, type Received, type UploadPart } from './import-upload.js';
import { checkImport, type PreviewOutcome } from './preview-check.js';
import { rowsToDrafts, type ImportDrafts } from './rows-to-drafts.js';
import { ReaderBusyError, readUploadedWorkbook, type ReadResult, type WorkbookReader } from './spreadsheet/index.js';
import type { StagedFile } from '../storage/staging.js';

export type { UploadPart } from './import-upload.js';

/** A full queue of reads (2 reading, 8 waiting) drains in well under this. */
const BUSY_RETRY_SECONDS = 10;

/** A preview (and its staged cover) stays confirmable for a day, as long as staging keeps uploads. */
export const PREVIEW_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface ImportDeps {
  reader: WorkbookReader;
  describe: DescribeError;
}

/** Told how far the work is (a catalogue of 5,000 tracks takes a while); never required. */
export type ReportProgress = (progress: ImportProgress) => void;

/** At most one report per percent: a 5,000-track run sends ~100 lines, not 5,000. */
function throttled(report: ReportProgress | undefined, phase: ImportProgress['phase']): RunOptions['onProgress'] {
  if (report === undefined) {
    return undefined;
  }
  let last = -1;
  return (done, total) => {
    const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
    if (percent !== last || done === total) {
      last = percent;
      report({ phase, done, total });
    }
  };
}

/**
 * The cover rule. One album: the cover comes with the file, as in the guide (missing is an error).
 * A catalogue: 500 albums cannot share one image, so no cover is taken at import — each album gets
 * its own on its page afterwards (a cover is not needed to submit); an uploaded one is set aside.
 */
async function coverProblems(drafts: ImportDrafts, got: Received): Promise<ImportProblem[]> {
  if (drafts.kind === 'catalogue') {
    const sent = got.cover !== undefined || got.coverProblems.length > 0;
    await got.cover?.discard();
    got.cover = undefined;
    return sent ? [{ severity: 'warning', scope: 'album', row: null, column: null, message: importText('catalogueCover') }] : [];
  }
  if (got.cover === undefined && got.coverProblems.length === 0) {
    return [{ severity: 'error', scope: 'album', row: null, column: null, message: importText('coverMissing') }];
  }
  return got.coverProblems;
}

/** A read refused a turn (read-turns.ts) as the answer the user sees. */
function busyError(err: unknown): never {
  if (err instanceof ReaderBusyError) {
    throw err.reason === 'owner' ? new AppError('IMPORT_IN_PROGRESS') : new AppError('IMPORT_BUSY', { retryAfterSeconds: BUSY_RETRY_SECONDS });
  }
  throw err;
}

/**
 * The preview through the catalog services in a transaction that is rolled back: what checkImport
 * does without writing, kept for a registrant whose profile cannot be read (each row then says why).
 */
async function trialRun(ctx: ServiceContext, actor: Actor, drafts: ImportDrafts, problems: ImportProblem[], options: RunOptions, describe: DescribeError): Promise<PreviewOutcome> {
  return withTransaction(ctx, async (tx) => {
    throw new RollbackPreview(await runImport(tx, actor, drafts, problems, options, describe));
  }).catch((err: unknown) => {
    if (err instanceof RollbackPreview) {
      return err.outcome;
    }
    throw err;
  });
}

/**
 * 預覽資料: reads the uploaded .xlsx (pre-scan, then a forked child), maps its rows to album and
 * track inputs grouped by album, and checks them as the catalog services would write them
 * (preview-check.ts: the services' rules on the whole file at once, nothing written), so every
 * problem — cells, ISRC rules across the whole file, citing, completeness — is listed at once and
 * nothing is written to the catalog. The result (and a one-album file's staged cover) is kept for
 * a day for 確認匯入.
 */
export async function createImportPreview(
  ctx: ServiceContext,
  actor: Actor,
  deps: ImportDeps,
  parts: AsyncIterable<UploadPart>,
  locale: Locale,
  report?: ReportProgress,
): Promise<ImportPreviewResponse> {
  assertMember(actor);
  let reading: Promise<ReadResult> | undefined;
  const abandon = new AbortController();
  const startReading = (staged: StagedFile): void => {
    reading = readUploadedWorkbook(deps.reader, staged.path, actor.userId, abandon.signal);
    // Handled now, awaited later: a failure while the cover still streams must not go unhandled.
    reading.catch(() => undefined);
  };
  const got = await receive(ctx, parts, deps.describe, startReading).catch(async (err: unknown) => {
    // The upload failed after the workbook: its read is stopped (out of the queue, its child
    // killed), so the user's turn is free for the retry, and has ended before we answer.
    abandon.abort();
    await reading?.catch(() => undefined);
    throw err;
  });
  // Only once the whole upload is in: a streamed answer's first line commits its 200.
  report?.({ phase: 'reading', done: 0, total: 1 });
  if (got.workbook === undefined || reading === undefined) {
    await got.cover?.discard();
    throw new AppError('IMPORT_FILE_MISSING');
  }
  const { staged, fileName } = got.workbook;
  try {
    const read = await reading.catch(busyError);
    if (!read.ok) {
      throw refused(read.reason, read.detail);
    }
    const { drafts, problems: cellProblems } = rowsToDrafts(read.workbook);
    const problems = [...cellProblems, ...(await coverProblems(drafts, got))];
    const onProgress = throttled(report, 'checking');
    const options: RunOptions = { nextAvailable: got.nextAvailable, ...(onProgress === undefined ? {} : { onProgress }) };
    const outcome = (await checkImport(ctx, actor, drafts, problems, options, deps.describe)) ?? (await trialRun(ctx, actor, drafts, problems, options, deps.describe));
    const stored: StoredPreview = { version: 2, nextAvailable: got.nextAvailable, drafts, problems: outcome.problems, written: writtenOf(outcome.tracks, drafts) };
    const now = ctx.clock.now();
    const row = await insertImportPreview(ctx.db, {
      registrantId: actor.registrantId,
      userId: actor.userId,
      kind: drafts.kind,
      fileName,
      payload: stored,
      coverStagingKey: got.cover === undefined ? null : path.basename(got.cover.path),
      // The agency clock for both, so a preview never expires before it was made (tests pin that clock).
      createdAt: now,
      expiresAt: new Date(now.getTime() + PREVIEW_LIFETIME_MS),
    });
    return previewView(row, locale, await isrcAssignedOnSubmission(ctx, actor.registrantId));
  } catch (err) {
    await got.cover?.discard();
    throw err;
  } finally {
    await staged.discard();
  }
}

/** A stored preview, again, a page of its albums at a time (its registrant only; another's is NOT_FOUND). */
export async function getImportPreview(ctx: ServiceContext, actor: Actor, id: string, locale: Locale, query: ImportPreviewQuery = {}): Promise<ImportPreviewResponse> {
  assertMember(actor);
  const row = await findImportPreview(ctx.db, id, actor.registrantId);
  if (row === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return previewView(row, locale, await isrcAssignedOnSubmission(ctx, actor.registrantId), query);
}

const STAGING_KEY = /^[0-9a-f-]{36}\.upload$/;

/**
 * 確認匯入: creates every draft album of the file and all their tracks in one transaction through
 * the catalog services, attaches a one-album file's cover, and marks the preview confirmed — all or
 * nothing: a refusal in the last album writes nothing of the first. The preview row is locked
 * first, so a second confirm (double click, retry) waits and then answers the same albums. Refused
 * while the preview lists errors, or when the file's checks fail now (say an ISRC was taken since
 * the preview): IMPORT_HAS_ERRORS.
 */
export async function confirmImportPreview(ctx: ServiceContext, actor: Actor, deps: ImportDeps, id: string, locale: Locale, report?: ReportProgress): Promise<ImportPreviewResponse> {
  assertMember(actor);
  let coverToDiscard: string | undefined;
  let storedCover: CoverObject[] = [];
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
    const stored = storedPreviewOf(preview);
    const errorCount = stored.problems.filter((p) => p.severity === 'error').length;
    if (errorCount > 0) {
      throw new AppError('IMPORT_HAS_ERRORS', { errorCount });
    }
    const onProgress = throttled(report, 'writing');
    const options: RunOptions = { nextAvailable: stored.nextAvailable, jumpsConfirmed: true, ...(onProgress === undefined ? {} : { onProgress }) };
    const outcome = await runImport(tx, actor, stored.drafts, [], options, deps.describe);
    if (outcome.albumIds.length === 0 || hasErrors(outcome.problems)) {
      // Thrown inside the transaction: everything written so far, every album, is rolled back.
      throw new AppError('IMPORT_HAS_ERRORS', { errorCount: Math.max(1, outcome.problems.filter((p) => p.severity === 'error').length) });
    }
    const [albumId] = outcome.albumIds;
    const key = preview.coverStagingKey;
    if (stored.drafts.kind === 'album' && albumId !== undefined && key !== null && STAGING_KEY.test(key)) {
      const coverPath = path.join(stagingDirOf(ctx), key);
      await putAlbumCover(tx, actor, albumId, () => Promise.resolve({ stream: createReadStream(coverPath), truncated: () => false }));
      storedCover = await coverObjectsOf(tx, albumId);
      coverToDiscard = coverPath;
    }
    const confirmedAt = ctx.clock.now();
    await markImportConfirmed(tx.db, preview.id, outcome.albumIds, confirmedAt);
    tx.metrics?.importConfirmed();
    return { ...preview, confirmedAt, albumIds: outcome.albumIds };
  }).catch(async (err: unknown) => {
    // The cover's bytes went to storage before the transaction ended; rolled back, nothing refers
    // to them any more: remove them (the staged cover stays for a retry).
    await releaseCoverObjects(ctx, storedCover);
    throw err;
  });
  if (coverToDiscard !== undefined) {
    await rm(coverToDiscard, { force: true });
  }
  return previewView(row, locale, await isrcAssignedOnSubmission(ctx, actor.registrantId));
}
