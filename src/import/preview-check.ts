import type { Actor } from '../accounts/actor.js';
import { loadAllocationProfile, type AllocationProfile } from '../allocation/allocation.service.js';
import { sequencesSnapshot, type CounterKey } from '../allocation/sequence.service.js';
import { parseAlbumFields } from '../catalog/catalog-input.js';
import { albumProblems, trackProblems, type AlbumInput } from '../catalog/completeness.js';
import { isrcHoldersOf } from '../catalog/track-isrc.js';
import { citableByIsrc } from '../catalog/tracks.service.js';
import { currentYear, type ServiceContext } from '../db/context.js';
import { normaliseIsrc, parseIsrcParts } from '../isrc/isrc.js';
import { fixedClock } from '../shared/clock.js';
import { isAppError } from '../shared/errors.js';
import { importText, type ImportProblem } from './import-problems.js';
import { Collector, type DescribeError } from './import-collector.js';
import { isrcChoice, rowHolding, type RunOptions } from './import-run.js';
import type { WrittenRecording } from './import-view.js';
import { counterKeyId, LedgerForecast } from './preview-sequence.js';
import { forecastCitedTrack, forecastNewTrack, nextKey, type ForecastTrack, type PreviewState } from './preview-track.js';
import type { AlbumGroup, ImportDrafts, TrackDraft } from './rows-to-drafts.js';

/**
 * 預覽資料 without writing: the same answers as runImport's trial run through the catalog services
 * (import-run.ts), worked out for the whole file at once. The registrant's profile is read once, the
 * file's ISRCs are looked up in a handful of statements (ledger and counters of the sequences they
 * touch, the recordings holding them, the approved recordings to cite), and then each album and row
 * goes through the services' own pure rules in the services' order, on an in-memory forecast of the
 * ledger, so earlier rows of the file count as the trial run's savepoints would make them count.
 * The trial run wrote ~15 statements per track and rolled them back; this reads ~6 for the file.
 * The confirm still goes through the services (runImport): the database stays the final judge.
 */

export interface PreviewOutcome {
  problems: ImportProblem[];
  /** The tracks the run would write, by sheet row, in the order it would write them. */
  tracks: Map<number, { recording: WrittenRecording }>;
}

type AlbumPatch = ReturnType<typeof parseAlbumFields>;

/** A fresh album row (createAlbum), then the album form's patch (updateAlbum) when it parses. */
function albumAfter(patch: AlbumPatch): AlbumInput & { retroactive: boolean } {
  return {
    title: patch.title ?? '',
    credits: patch.credits ?? [],
    publisher: patch.publisher ?? '',
    releaseDate: patch.releaseDate ?? null,
    productionCompany: patch.productionCompany ?? '',
    albumType: patch.albumType ?? null,
    retroactive: patch.retroactive ?? false,
  };
}

/** Every ISRC the file names and every sequence its own codes touch, for the few lookups. */
function fileCodes(ctx: ServiceContext, profile: AllocationProfile, drafts: ImportDrafts, options: RunOptions) {
  const named = new Set<string>();
  const cited = new Set<string>();
  const keys = new Map<string, CounterKey>();
  const addKey = (key: CounterKey | undefined) => key !== undefined && keys.set(counterKeyId(key), key);
  const pool = profile.rule.poolOnSubmission;
  for (const group of drafts.albums.filter((g) => g.album !== null)) {
    for (const draft of group.tracks) {
      const parsed = draft.isrc === null ? undefined : normaliseIsrc(draft.isrc);
      if (parsed === undefined || !parsed.ok) {
        continue;
      }
      if (draft.cited) {
        cited.add(parsed.value);
        continue;
      }
      named.add(parsed.value);
      const parts = parseIsrcParts(parsed.value);
      if (isrcChoice(draft, options, pool, false).mode === 'own' && parts.countryCode === ctx.countryCode && profile.ownCodes.includes(parts.registrantCode)) {
        addKey({ countryCode: parts.countryCode, registrantCode: parts.registrantCode, yearOfReference: parts.yearOfReference });
      }
    }
  }
  if (options.nextAvailable && !pool) {
    addKey(nextKey(ctx, profile));
  }
  return { named: [...named], cited: [...cited], keys: [...keys.values()] };
}

async function loadState(ctx: ServiceContext, actor: Actor, profile: AllocationProfile, drafts: ImportDrafts, options: RunOptions): Promise<PreviewState> {
  const codes = fileCodes(ctx, profile, drafts, options);
  const [sequences, holders, citable] = await Promise.all([sequencesSnapshot(ctx, ctx.countryCode, codes.keys), isrcHoldersOf(ctx, codes.named), citableByIsrc(ctx, actor, codes.cited)]);
  const forecast = new LedgerForecast(ctx.countryCode, codes.keys, sequences.counters, sequences.entries);
  return { ctx, profile, options, forecast, holders, citable, inFile: new Map() };
}

/** writeTrack: one row, its refusals and jump warning in the collector; the forecast when it would be written. */
function checkTrack(state: PreviewState, draft: TrackDraft, retroactive: boolean, citedOnAlbum: Set<string>, out: Collector): ForecastTrack | undefined {
  try {
    if (draft.cited) {
      if (draft.isrc === null) {
        return undefined; // reported by rowsToDrafts
      }
      const wanted = normaliseIsrc(draft.isrc);
      const recording = wanted.ok ? state.citable.get(wanted.value) : undefined;
      if (recording === undefined) {
        out.push({ severity: 'error', scope: 'track', row: draft.row, column: out.heading('track', 'isrc'), field: 'isrc', message: importText('citeNotFound', { isrc: draft.isrc }) });
        return undefined;
      }
      return forecastCitedTrack(recording, citedOnAlbum);
    }
    try {
      return forecastNewTrack(state, draft, retroactive, state.options.jumpsConfirmed === true);
    } catch (err) {
      if (!isAppError(err, 'ISRC_JUMP_UNCONFIRMED')) {
        throw err;
      }
      out.push({ severity: 'warning', scope: 'track', row: draft.row, column: out.heading('track', 'isrc'), field: 'isrc-jump', message: out.describeError(err) });
      return forecastNewTrack(state, draft, retroactive, true);
    }
  } catch (err) {
    const held = rowHolding(err, state.inFile);
    if (held !== undefined) {
      out.takenInFile(draft.row, held.isrc, held.row);
      return undefined;
    }
    out.refusal('track', draft.row, err);
    return undefined;
  }
}

/** writeGroup: the album, its rows, then the completeness of what would be written. */
function checkGroup(state: PreviewState, group: AlbumGroup, out: Collector, tracks: PreviewOutcome['tracks'], step: () => void): void {
  const draft = group.album;
  out.albumKey = group.key;
  if (draft === null) {
    return;
  }
  let patch: AlbumPatch = {};
  try {
    patch = parseAlbumFields(draft.fields, currentYear(state.ctx));
  } catch (err) {
    out.refusal('album', draft.row, err);
  }
  const album = albumAfter(patch);
  const citedOnAlbum = new Set<string>();
  const written: [TrackDraft, ForecastTrack][] = [];
  for (const trackDraft of group.tracks) {
    const track = checkTrack(state, trackDraft, album.retroactive, citedOnAlbum, out);
    if (track !== undefined) {
      written.push([trackDraft, track]);
      tracks.set(trackDraft.row, { recording: track.recording });
    }
    step();
  }
  for (const problem of albumProblems(album)) {
    out.completeness(draft.row, problem);
  }
  const pool = state.profile.rule.poolOnSubmission;
  for (const [trackDraft, track] of written) {
    for (const problem of trackProblems({ id: '', position: 0, cited: trackDraft.cited, recording: track.completeness }, pool)) {
      out.completeness(trackDraft.row, problem);
    }
  }
}

/**
 * The preview's problems and forecast tracks, equal to runImport's in a rolled-back transaction
 * (test/integration/import-preview-check.test.ts). undefined when the registrant's profile cannot
 * be read (NOT_FOUND, ACCOUNT_SUSPENDED): the caller then runs the trial, which reports that per row.
 */
export async function checkImport(
  serviceCtx: ServiceContext,
  actor: Extract<Actor, { kind: 'member' }>,
  drafts: ImportDrafts,
  initial: readonly ImportProblem[],
  options: RunOptions,
  describe: DescribeError,
): Promise<PreviewOutcome | undefined> {
  // One "now" for the whole file, as one request: the year rules ask it per row.
  const ctx = { ...serviceCtx, clock: fixedClock(serviceCtx.clock.now()) };
  const out = new Collector(initial, drafts, describe);
  const tracks: PreviewOutcome['tracks'] = new Map();
  const groups = drafts.albums.filter((g) => g.album !== null);
  if (groups.length === 0) {
    return { problems: out.problems, tracks };
  }
  let profile: AllocationProfile;
  try {
    profile = await loadAllocationProfile(ctx, actor.registrantId);
  } catch (err) {
    if (isAppError(err)) {
      return undefined;
    }
    throw err;
  }
  const state = await loadState(ctx, actor, profile, drafts, options);
  const total = drafts.albums.reduce((n, g) => n + g.tracks.length, 0);
  let done = 0;
  const step = (): void => {
    done++;
    options.onProgress?.(done, total);
  };
  for (const group of drafts.albums) {
    checkGroup(state, group, out, tracks, step);
  }
  return { problems: out.problems, tracks };
}
