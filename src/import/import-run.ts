import type { Actor } from '../accounts/actor.js';
import { createAlbum, getAlbum, isrcAssignedOnSubmission, updateAlbum } from '../catalog/albums.service.js';
import type { AlbumResponse, IsrcChoice, TrackResponse } from '../catalog/catalog.schemas.js';
import { albumProblems, trackProblems, type CompletenessProblem } from '../catalog/completeness.js';
import { problemMessage } from '../catalog/field-labels.js';
import { addTrack, citeTrack, searchCitable } from '../catalog/tracks.service.js';
import type { TxContext } from '../db/context.js';
import { normaliseIsrc } from '../isrc/isrc.js';
import { isAppError, type AppError } from '../shared/errors.js';
import { bothLocales, importText, type ImportProblem, type Texts } from './import-problems.js';
import type { ImportDrafts, TrackDraft } from './rows-to-drafts.js';

/**
 * Writes the drafts through the catalog services exactly as the forms would — the album, then each
 * track (new with its ISRC choice, or cited) — inside the caller's transaction, each step a
 * savepoint (the services nest), so one refused row leaves the others standing and every refusal
 * becomes a line of the preview. The preview runs this and rolls everything back; the confirm runs
 * it again and commits. No rule is repeated here: ownership, year and uniqueness of ISRCs, the
 * issuance rule, citing and completeness are the services' and completeness.ts's own answers.
 */

/** Turns a service's AppError into text (the HTTP layer's translation, passed in). */
export interface DescribeError {
  message(err: AppError): Texts;
  /** VALIDATION_FAILED: one message per field. */
  fields(err: AppError): { field: string; message: Texts }[];
}

export interface RunOptions {
  /** Empty ISRC cells of a company take the next available code. */
  nextAvailable: boolean;
}

export interface RunOutcome {
  problems: ImportProblem[];
  album: AlbumResponse | null;
  /** The written track of each draft row (by row), when it was written. */
  tracks: Map<number, TrackResponse>;
}

/** Which form field a service refusal is about, to name its column. */
function fieldOfError(err: AppError): string | undefined {
  if (err.code.startsWith('ISRC_') || err.code.startsWith('RECORDING_')) {
    return 'isrc';
  }
  if (err.code === 'VERSION_SAME_ISRC') {
    return 'versionOfIsrc';
  }
  return undefined;
}

function compactIsrc(text: string): string | undefined {
  const parsed = normaliseIsrc(text);
  return parsed.ok ? parsed.value : undefined;
}

class Collector {
  readonly problems: ImportProblem[];

  constructor(
    initial: readonly ImportProblem[],
    private readonly drafts: ImportDrafts,
    private readonly describe: DescribeError,
  ) {
    this.problems = [...initial];
  }

  heading(scope: 'album' | 'track', field: string): string | null {
    const headings = scope === 'album' ? this.drafts.albumHeadings : this.drafts.trackHeadings;
    if (field === 'credits') {
      return headings['credits.performer'] ?? null;
    }
    return headings[field] ?? null;
  }

  has(scope: 'album' | 'track', row: number, field: string): boolean {
    return this.problems.some((p) => p.scope === scope && p.row === row && (p.field === field || (field === 'credits' && p.field?.startsWith('credits.') === true)));
  }

  refusal(scope: 'album' | 'track', row: number, err: unknown): void {
    if (!isAppError(err)) {
      throw err;
    }
    if (err.code === 'VALIDATION_FAILED') {
      for (const { field, message } of this.describe.fields(err)) {
        this.problems.push({ severity: 'error', scope, row, column: this.heading(scope, field), field, message });
      }
      return;
    }
    const field = fieldOfError(err);
    this.problems.push({
      severity: 'error',
      scope,
      row,
      column: field === undefined ? null : this.heading(scope, field),
      ...(field === undefined ? {} : { field }),
      message: this.describe.message(err),
    });
  }

  describeError(err: AppError): Texts {
    return this.describe.message(err);
  }

  completeness(row: number, problem: CompletenessProblem): void {
    if (problem.field === 'tracks' || this.has(problem.scope, row, problem.field)) {
      return;
    }
    const isrcLater = problem.code === 'isrc-required';
    this.problems.push({
      severity: isrcLater ? 'warning' : 'error',
      scope: problem.scope,
      row,
      column: this.heading(problem.scope, problem.field),
      field: problem.field,
      message: isrcLater ? importText('isrcLater') : bothLocales((locale) => problemMessage(problem.scope, problem.field, problem.code, locale)),
    });
  }
}

function isrcChoice(draft: TrackDraft, options: RunOptions, poolOnSubmission: boolean, confirmJump: boolean): IsrcChoice {
  if (draft.isrc !== null) {
    return draft.recording.producedAbroad === true ? { mode: 'foreign', isrc: draft.isrc } : { mode: 'own', isrc: draft.isrc, confirmJump };
  }
  return options.nextAvailable && !poolOnSubmission ? { mode: 'next' } : { mode: 'none' };
}

async function writeTrack(
  tx: TxContext,
  actor: Actor,
  albumId: string,
  draft: TrackDraft,
  options: RunOptions,
  poolOnSubmission: boolean,
  out: Collector,
): Promise<TrackResponse | undefined> {
  try {
    if (draft.cited) {
      const wanted = draft.isrc === null ? undefined : compactIsrc(draft.isrc);
      if (draft.isrc === null) {
        return undefined; // reported by rowsToDrafts
      }
      const found = wanted === undefined ? [] : await searchCitable(tx, actor, { q: wanted });
      const recording = found.find((r) => r.isrc === wanted);
      if (recording === undefined) {
        out.problems.push({
          severity: 'error',
          scope: 'track',
          row: draft.row,
          column: out.heading('track', 'isrc'),
          field: 'isrc',
          message: importText('citeNotFound', { isrc: draft.isrc }),
        });
        return undefined;
      }
      return await citeTrack(tx, actor, albumId, { recordingId: recording.id });
    }
    try {
      return await addTrack(tx, actor, albumId, { isrc: isrcChoice(draft, options, poolOnSubmission, false), recording: draft.recording });
    } catch (err) {
      if (!isAppError(err, 'ISRC_JUMP_UNCONFIRMED')) {
        throw err;
      }
      // A company reporting old codes often skips ahead: say so, and confirming uses the code.
      out.problems.push({ severity: 'warning', scope: 'track', row: draft.row, column: out.heading('track', 'isrc'), field: 'isrc-jump', message: out.describeError(err) });
      return await addTrack(tx, actor, albumId, { isrc: isrcChoice(draft, options, poolOnSubmission, true), recording: draft.recording });
    }
  } catch (err) {
    out.refusal('track', draft.row, err);
    return undefined;
  }
}

/**
 * Creates the draft album and its tracks from the drafts inside `tx` and reports every refusal and
 * every completeness gap. Nothing is committed here: the caller rolls back (preview) or commits
 * (confirm).
 */
export async function runImport(tx: TxContext, actor: Actor, drafts: ImportDrafts, initial: readonly ImportProblem[], options: RunOptions, describe: DescribeError): Promise<RunOutcome> {
  const out = new Collector(initial, drafts, describe);
  const tracks = new Map<number, TrackResponse>();
  const draft = drafts.album;
  if (draft === null) {
    return { problems: out.problems, album: null, tracks };
  }
  const created = await createAlbum(tx, actor, { releaseType: draft.releaseType });
  try {
    await updateAlbum(tx, actor, created.id, draft.fields);
  } catch (err) {
    out.refusal('album', draft.row, err);
  }
  const poolOnSubmission = await isrcAssignedOnSubmission(tx, created.registrantId);
  for (const trackDraft of drafts.tracks) {
    const written = await writeTrack(tx, actor, created.id, trackDraft, options, poolOnSubmission, out);
    if (written !== undefined) {
      tracks.set(trackDraft.row, written);
    }
  }
  const album = await getAlbum(tx, actor, created.id);
  for (const problem of albumProblems(album)) {
    out.completeness(draft.row, problem);
  }
  for (const [row, track] of tracks) {
    for (const problem of trackProblems(track, poolOnSubmission)) {
      out.completeness(row, problem);
    }
  }
  return { problems: out.problems, album, tracks };
}

/** Thrown to roll a preview's trial run back; never leaves the service. */
export class RollbackPreview extends Error {
  constructor(readonly outcome: RunOutcome) {
    super('import preview rolled back');
  }
}
