import type { AlbumResponse, Problem } from '../../../../src/catalog/catalog.schemas.js';
import { submissionProblems } from '../../../../src/catalog/completeness.js';
import { PROBLEM_CODES, problemMessage, type ProblemCode } from '../../../../src/catalog/field-labels.js';
import type { CatalogLocale } from './catalog-locale';

/** A problem ready to show: grouped by track, message without the 「第 N 首：」 prefix (the group says it). */
export interface ShownProblem {
  key: string;
  scope: 'album' | 'track';
  trackId?: string;
  position?: number;
  field: string;
  message: string;
}

function isProblemCode(code: string): code is ProblemCode {
  return PROBLEM_CODES.some((candidate) => candidate === code);
}

function shown(problem: Omit<Problem, 'message'> & { message?: string }, locale: CatalogLocale, index: number): ShownProblem {
  const message = isProblemCode(problem.code)
    ? problemMessage(problem.scope, problem.field, problem.code, locale)
    : (problem.message ?? problem.code);
  return {
    key: `${problem.trackId ?? 'album'}:${problem.field}:${index}`,
    scope: problem.scope,
    ...(problem.trackId === undefined ? {} : { trackId: problem.trackId }),
    ...(problem.position === undefined ? {} : { position: problem.position }),
    field: problem.field,
    message,
  };
}

/** The same completeness check the server runs on 送出審核, on the album as saved. */
export function clientProblems(album: AlbumResponse, locale: CatalogLocale): ShownProblem[] {
  return submissionProblems(album, album.tracks, album.isrcAssignedOnSubmission).map((problem, index) => shown(problem, locale, index));
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return (
    (record['scope'] === 'album' || record['scope'] === 'track') &&
    typeof record['field'] === 'string' &&
    typeof record['code'] === 'string' &&
    typeof record['message'] === 'string'
  );
}

/** `details.problems` of the server's ALBUM_INCOMPLETE answer. */
export function serverProblems(details: Readonly<Record<string, unknown>>, locale: CatalogLocale): ShownProblem[] {
  const problems = details['problems'];
  return Array.isArray(problems) ? problems.filter(isProblem).map((problem, index) => shown(problem, locale, index)) : [];
}
