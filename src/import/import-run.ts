import type { Actor } from '../accounts/actor.js';
import { createAlbum, getAlbum, isrcAssignedOnSubmission, updateAlbum } from '../catalog/albums.service.js';
import type { IsrcChoice, TrackResponse } from '../catalog/catalog.schemas.js';
import { albumProblems, trackProblems } from '../catalog/completeness.js';
import { addTrack, citeTrack, searchCitable } from '../catalog/tracks.service.js';
import type { TxContext } from '../db/context.js';
import { normaliseIsrc } from '../isrc/isrc.js';
import { isAppError } from '../shared/errors.js';
import { Collector, type DescribeError } from './import-collector.js';
import { importText, type ImportProblem } from './import-problems.js';
import type { AlbumGroup, ImportDrafts, TrackDraft } from './rows-to-drafts.js';

export type { DescribeError } from './import-collector.js';

/**
 * Writes the drafts through the catalog services exactly as the forms would — each album, then each
 * of its tracks (new with its ISRC choice, or cited) — inside the caller's transaction, each step a
 * savepoint (the services nest), so one refused row leaves the others standing and every refusal
 * becomes a line of the preview. The confirm runs this and commits, all albums or none; the preview
 * gets the same answers from preview-check.ts without writing (equal by
 * test/integration/import-preview-check.test.ts) and runs this rolled back only as a fallback. No rule is repeated here: ownership, year and uniqueness
 * of ISRCs (across the whole file too: the earlier albums' codes are already in the transaction), the
 * issuance rule, citing and completeness are the services' and completeness.ts's own answers.
 */

export interface RunOptions {
  /** Empty ISRC cells of a company take the next available code. */
  nextAvailable: boolean;
  /** The confirm: the preview showed every jump as a warning, and confirming accepts them (no second check). */
  jumpsConfirmed?: boolean;
  /** Called after each track (and each album without tracks) with the tracks done and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface RunOutcome {
  problems: ImportProblem[];
  /** The albums created, in file order (one per group that had an album row). */
  albumIds: string[];
  /** The written track of each draft row (by row), when it was written. */
  tracks: Map<number, TrackResponse>;
}

function compactIsrc(text: string): string | undefined {
  const parsed = normaliseIsrc(text);
  return parsed.ok ? parsed.value : undefined;
}

/** The ISRC choice a row makes: its typed code (foreign when 是否在國外製作), else next available or none. */
export function isrcChoice(draft: TrackDraft, options: RunOptions, poolOnSubmission: boolean, confirmJump: boolean): IsrcChoice {
  if (draft.isrc !== null) {
    return draft.recording.producedAbroad === true ? { mode: 'foreign', isrc: draft.isrc } : { mode: 'own', isrc: draft.isrc, confirmJump };
  }
  return options.nextAvailable && !poolOnSubmission ? { mode: 'next' } : { mode: 'none' };
}

/** The ISRC_TAKEN that names a track an earlier row of this run wrote: that row (`inFile`: new recordings' codes by row). */
export function rowHolding(err: unknown, inFile: ReadonlyMap<string, number>): { isrc: string; row: number } | undefined {
  if (!isAppError(err, 'ISRC_TAKEN') || typeof err.details?.isrc !== 'string') {
    return undefined;
  }
  const isrc = err.details.isrc;
  const compact = compactIsrc(isrc);
  const row = compact === undefined ? undefined : inFile.get(compact);
  return row === undefined ? undefined : { isrc, row };
}

async function writeTrack(
  tx: TxContext,
  actor: Actor,
  albumId: string,
  draft: TrackDraft,
  options: RunOptions,
  poolOnSubmission: boolean,
  out: Collector,
  inFile: Map<string, number>,
): Promise<TrackResponse | undefined> {
  try {
    if (draft.cited) {
      if (draft.isrc === null) {
        return undefined; // reported by rowsToDrafts
      }
      const wanted = compactIsrc(draft.isrc);
      const found = wanted === undefined ? [] : await searchCitable(tx, actor, { q: wanted });
      const recording = found.find((r) => r.isrc === wanted);
      if (recording === undefined) {
        out.push({ severity: 'error', scope: 'track', row: draft.row, column: out.heading('track', 'isrc'), field: 'isrc', message: importText('citeNotFound', { isrc: draft.isrc }) });
        return undefined;
      }
      return await citeTrack(tx, actor, albumId, { recordingId: recording.id });
    }
    let track: TrackResponse;
    try {
      track = await addTrack(tx, actor, albumId, { isrc: isrcChoice(draft, options, poolOnSubmission, options.jumpsConfirmed === true), recording: draft.recording });
    } catch (err) {
      if (!isAppError(err, 'ISRC_JUMP_UNCONFIRMED')) {
        throw err;
      }
      // A company reporting old codes often skips ahead: say so, and confirming uses the code.
      out.push({ severity: 'warning', scope: 'track', row: draft.row, column: out.heading('track', 'isrc'), field: 'isrc-jump', message: out.describeError(err) });
      track = await addTrack(tx, actor, albumId, { isrc: isrcChoice(draft, options, poolOnSubmission, true), recording: draft.recording });
    }
    if (track.recording.isrc !== null) {
      inFile.set(track.recording.isrc, draft.row);
    }
    return track;
  } catch (err) {
    const held = rowHolding(err, inFile);
    if (held !== undefined) {
      out.takenInFile(draft.row, held.isrc, held.row);
      return undefined;
    }
    out.refusal('track', draft.row, err);
    return undefined;
  }
}

/** One album of the file: created, filled, its tracks added, then its completeness checked. */
async function writeGroup(
  tx: TxContext,
  actor: Actor,
  group: AlbumGroup,
  options: RunOptions,
  poolOnSubmission: (registrantId: string) => Promise<boolean>,
  out: Collector,
  tracks: Map<number, TrackResponse>,
  inFile: Map<string, number>,
  step: () => void,
): Promise<string | undefined> {
  const draft = group.album;
  out.albumKey = group.key;
  if (draft === null) {
    return undefined;
  }
  const created = await createAlbum(tx, actor, { releaseType: draft.releaseType });
  try {
    await updateAlbum(tx, actor, created.id, draft.fields);
  } catch (err) {
    out.refusal('album', draft.row, err);
  }
  const pool = await poolOnSubmission(created.registrantId);
  const written: [number, TrackResponse][] = [];
  for (const trackDraft of group.tracks) {
    const track = await writeTrack(tx, actor, created.id, trackDraft, options, pool, out, inFile);
    if (track !== undefined) {
      written.push([trackDraft.row, track]);
      tracks.set(trackDraft.row, track);
    }
    step();
  }
  const album = await getAlbum(tx, actor, created.id);
  for (const problem of albumProblems(album)) {
    out.completeness(draft.row, problem);
  }
  for (const [row, track] of written) {
    for (const problem of trackProblems(track, pool)) {
      out.completeness(row, problem);
    }
  }
  return created.id;
}

/**
 * Creates the draft albums and their tracks from the drafts inside `tx` and reports every refusal and
 * every completeness gap. Nothing is committed here: the caller rolls back (preview) or commits
 * (confirm).
 */
export async function runImport(tx: TxContext, actor: Actor, drafts: ImportDrafts, initial: readonly ImportProblem[], options: RunOptions, describe: DescribeError): Promise<RunOutcome> {
  const out = new Collector(initial, drafts, describe);
  const tracks = new Map<number, TrackResponse>();
  const inFile = new Map<string, number>();
  const albumIds: string[] = [];
  const total = drafts.albums.reduce((n, g) => n + g.tracks.length, 0);
  let done = 0;
  const step = (): void => {
    done++;
    options.onProgress?.(done, total);
  };
  // One registrant, one issuance rule: asked once, not once per album.
  let pool: boolean | undefined;
  const poolOnSubmission = async (registrantId: string): Promise<boolean> => (pool ??= await isrcAssignedOnSubmission(tx, registrantId));
  for (const group of drafts.albums) {
    const id = await writeGroup(tx, actor, group, options, poolOnSubmission, out, tracks, inFile, step);
    if (id !== undefined) {
      albumIds.push(id);
    }
  }
  return { problems: out.problems, albumIds, tracks };
}

/** Thrown to roll a preview's trial run back; never leaves the service. */
export class RollbackPreview extends Error {
  constructor(readonly outcome: RunOutcome) {
    super('import preview rolled back');
  }
}
