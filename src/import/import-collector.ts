import { type CompletenessProblem } from '../catalog/completeness.js';
import { problemMessage } from '../catalog/field-labels.js';
import { isAppError, type AppError } from '../shared/errors.js';
import { bothLocales, importText, type ImportProblem, type Texts } from './import-problems.js';
import type { ImportDrafts } from './rows-to-drafts.js';

/** Turns a service's AppError into text (the HTTP layer's translation, passed in). */
export interface DescribeError {
  message(err: AppError): Texts;
  /** VALIDATION_FAILED: one message per field. */
  fields(err: AppError): { field: string; message: Texts }[];
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

/**
 * Gathers the lines of the preview while the services run: each refusal and completeness gap named
 * by its sheet row, its column as headed in the file and (in a catalogue) its album's key.
 */
export class Collector {
  readonly problems: ImportProblem[];
  /** The 專輯代號 of the album being written (null in a one-album file). */
  albumKey: string | null = null;
  /** The fields already reported, by scope and row, so a completeness gap is not said twice. */
  private readonly fieldsByRow = new Map<string, Set<string>>();

  constructor(
    initial: readonly ImportProblem[],
    private readonly drafts: ImportDrafts,
    private readonly describe: DescribeError,
  ) {
    this.problems = [];
    for (const problem of initial) {
      this.push(problem);
    }
  }

  push(problem: ImportProblem): void {
    const tagged = problem.albumKey === undefined && this.albumKey !== null && problem.row !== null ? { ...problem, albumKey: this.albumKey } : problem;
    this.problems.push(tagged);
    if (tagged.row !== null && tagged.field !== undefined) {
      const id = `${tagged.scope}:${tagged.row}`;
      const fields = this.fieldsByRow.get(id) ?? new Set<string>();
      fields.add(tagged.field);
      if (tagged.field.startsWith('credits.')) {
        fields.add('credits');
      }
      this.fieldsByRow.set(id, fields);
    }
  }

  heading(scope: 'album' | 'track', field: string): string | null {
    const headings = scope === 'album' ? this.drafts.albumHeadings : this.drafts.trackHeadings;
    if (field === 'credits') {
      return headings['credits.performer'] ?? null;
    }
    return headings[field] ?? null;
  }

  has(scope: 'album' | 'track', row: number, field: string): boolean {
    return this.fieldsByRow.get(`${scope}:${row}`)?.has(field) === true;
  }

  refusal(scope: 'album' | 'track', row: number, err: unknown): void {
    if (!isAppError(err)) {
      throw err;
    }
    if (err.code === 'VALIDATION_FAILED') {
      for (const { field, message } of this.describe.fields(err)) {
        this.push({ severity: 'error', scope, row, column: this.heading(scope, field), field, message });
      }
      return;
    }
    const field = fieldOfError(err);
    // An ISRC the file repeats is refused by the database too: the file's own line says it better.
    if (field !== undefined && this.has(scope, row, field)) {
      return;
    }
    this.push({
      severity: 'error',
      scope,
      row,
      column: field === undefined ? null : this.heading(scope, field),
      ...(field === undefined ? {} : { field }),
      message: this.describe.message(err),
    });
  }

  /**
   * ISRC_TAKEN by a track an earlier row of this file wrote (say "next available" gave a code a
   * later row types): named by that row, not by the trial album's number, which never exists.
   */
  takenInFile(row: number, isrc: string, other: number): void {
    if (this.has('track', row, 'isrc')) {
      return;
    }
    this.push({ severity: 'error', scope: 'track', row, column: this.heading('track', 'isrc'), field: 'isrc', message: importText('isrcTakenInFile', { isrc, other }) });
  }

  describeError(err: AppError): Texts {
    return this.describe.message(err);
  }

  completeness(row: number, problem: CompletenessProblem): void {
    if (problem.field === 'tracks' || this.has(problem.scope, row, problem.field)) {
      return;
    }
    const isrcLater = problem.code === 'isrc-required';
    this.push({
      severity: isrcLater ? 'warning' : 'error',
      scope: problem.scope,
      row,
      column: this.heading(problem.scope, problem.field),
      field: problem.field,
      message: isrcLater ? importText('isrcLater') : bothLocales((locale) => problemMessage(problem.scope, problem.field, problem.code, locale)),
    });
  }
}
