/**
 * What an album and its tracks still lack before they can be submitted for review. Pure: the API
 * checks it on submission, the track table shows 完成 from it, and the forms show it as you type.
 */
import { normaliseIsrc } from '../isrc/isrc.js';
import type { ProblemCode } from './field-labels.js';

export interface CreditInput {
  role: string;
  names: readonly string[];
}

export interface AlbumInput {
  title: string;
  credits: readonly CreditInput[];
  publisher: string;
  releaseDate: string | null;
  productionCompany: string;
  albumType: string | null;
}

export interface RecordingInput {
  isrc: string | null;
  /** 'foreign': a foreign recording's own code, kept only while the recording is produced abroad. */
  isrcSource: string | null;
  producedAbroad: boolean;
  title: string;
  credits: readonly CreditInput[];
  productionCompany: string;
  versionType: string | null;
  versionOfIsrc: string | null;
}

export interface TrackInput {
  id: string;
  position: number;
  cited: boolean;
  recording: RecordingInput;
}

export interface CompletenessProblem {
  scope: 'album' | 'track';
  trackId?: string;
  position?: number;
  field: string;
  code: ProblemCode;
}

const blank = (text: string | null): boolean => text === null || text.trim() === '';
const hasName = (credits: readonly CreditInput[]): boolean => credits.some((c) => c.names.some((n) => n.trim() !== ''));

export function albumProblems(album: AlbumInput): CompletenessProblem[] {
  const problems: CompletenessProblem[] = [];
  const add = (field: string, code: ProblemCode) => problems.push({ scope: 'album', field, code });
  if (blank(album.title)) {
    add('title', 'required');
  }
  if (!hasName(album.credits)) {
    add('credits', 'credits');
  }
  if (blank(album.publisher)) {
    add('publisher', 'required');
  }
  // A future release date is normal: codes are assigned before release (一般編碼).
  if (album.releaseDate === null || album.releaseDate === '') {
    add('releaseDate', 'required');
  }
  if (blank(album.productionCompany)) {
    add('productionCompany', 'required');
  }
  if (album.albumType === null) {
    add('albumType', 'choose');
  }
  return problems;
}

/**
 * Problems of one track. `isrcOnSubmission`: individuals' ISRCs come from the pool when they
 * submit, so a missing ISRC is not a problem for them.
 */
export function trackProblems(track: TrackInput, isrcOnSubmission: boolean): CompletenessProblem[] {
  if (track.cited) {
    return []; // a cited recording was approved before and is not edited here
  }
  const problems: CompletenessProblem[] = [];
  const add = (field: string, code: ProblemCode) => problems.push({ scope: 'track', trackId: track.id, position: track.position, field, code });
  const r = track.recording;
  if (r.isrc === null && !isrcOnSubmission) {
    add('isrc', 'isrc-required');
  }
  if (r.isrc !== null && r.isrcSource === 'foreign' && !r.producedAbroad) {
    // 境外製作 unticked after the foreign code was set: it would skip issuance.
    add('isrc', 'foreign-not-abroad');
  }
  if (blank(r.title)) {
    add('title', 'required');
  }
  if (!hasName(r.credits)) {
    add('credits', 'credits');
  }
  if (blank(r.productionCompany)) {
    add('productionCompany', 'required');
  }
  if (r.versionType !== null) {
    const original = r.versionOfIsrc === null ? undefined : normaliseIsrc(r.versionOfIsrc);
    if (original === undefined) {
      add('versionOfIsrc', 'required');
    } else if (!original.ok) {
      add('versionOfIsrc', 'invalid');
    } else if (r.isrc !== null && original.value === r.isrc) {
      add('versionOfIsrc', 'version-same-isrc');
    }
  }
  return problems;
}

export function submissionProblems(album: AlbumInput, tracks: readonly TrackInput[], isrcOnSubmission: boolean): CompletenessProblem[] {
  const problems = albumProblems(album);
  if (tracks.length === 0) {
    problems.push({ scope: 'album', field: 'tracks', code: 'no-tracks' });
  }
  for (const track of [...tracks].sort((a, b) => a.position - b.position)) {
    problems.push(...trackProblems(track, isrcOnSubmission));
  }
  return problems;
}
