import type { AllocationProfile } from '../allocation/allocation.service.js';
import type { OwnIsrc } from '../allocation/claim.service.js';
import type { CounterKey } from '../allocation/sequence.service.js';
import { isrcTakenError } from '../allocation/isrc-taken.js';
import { assertVersionRule, parseRecordingFields } from '../catalog/catalog-input.js';
import type { RecordingResponse } from '../catalog/catalog.schemas.js';
import { displayIsrc } from '../catalog/catalog-view.js';
import type { RecordingInput } from '../catalog/completeness.js';
import { parseChoice, takenBy, type IsrcHolder } from '../catalog/track-isrc.js';
import { currentYear, type ServiceContext } from '../db/context.js';
import { buildIsrc } from '../isrc/isrc.js';
import { twoDigitYear } from '../isrc/year.js';
import { AppError, isAppError } from '../shared/errors.js';
import { isrcChoice, type RunOptions } from './import-run.js';
import type { WrittenRecording } from './import-view.js';
import type { Change, LedgerForecast } from './preview-sequence.js';
import type { TrackDraft } from './rows-to-drafts.js';

/**
 * One row of the preview, decided as addTrack / citeTrack would decide it in the trial run, on the
 * forecast (preview-sequence.ts) and the file's looked-up ISRCs instead of the tables. The rules are
 * the services' own functions (parseRecordingFields, parseChoice → parseOwnIsrc, assertVersionRule,
 * the jump rule, takenBy); what is left here is their order, as the services run them.
 */

/** What the checker knows for the whole file: loaded once (preview-check.ts). */
export interface PreviewState {
  ctx: ServiceContext;
  profile: AllocationProfile;
  options: RunOptions;
  forecast: LedgerForecast;
  /** Recordings holding the file's ISRCs before the run (findIsrcHolder). */
  holders: ReadonlyMap<string, IsrcHolder>;
  /** Approved recordings by ISRC, for the cited rows. */
  citable: ReadonlyMap<string, RecordingResponse>;
  /** New recordings' codes written earlier in this run, by row (as runImport keeps them). */
  inFile: Map<string, number>;
}

/** A row the run would write: what the preview keeps, and what completeness looks at. */
export interface ForecastTrack {
  recording: WrittenRecording;
  completeness: RecordingInput;
}

const keyOf = (own: OwnIsrc): CounterKey => ({ countryCode: own.parts.countryCode, registrantCode: own.parts.registrantCode, yearOfReference: own.parts.yearOfReference });

/** ISRC_TAKEN for a code a track of this run holds: runImport names the row (rowHolding), whatever the album. */
const takenInRun = (state: PreviewState, isrc: string): AppError => isrcTakenError(isrc, { registrantId: state.profile.id }, state.profile.id);

/** assertFree: no recording holds the code. */
function assertFree(state: PreviewState, isrc: string): void {
  if (state.inFile.has(isrc)) {
    throw takenInRun(state, isrc);
  }
  const holder = state.holders.get(isrc);
  if (holder !== undefined) {
    throw takenBy(isrc, holder, state.profile.id);
  }
}

/** reserveOwnIsrc: a new claim, or the registrant's own code in use again; another's is ISRC_TAKEN. */
function reserve(state: PreviewState, own: OwnIsrc, confirmJump: boolean, changes: Change[]): void {
  const key = keyOf(own);
  const { designation } = own.parts;
  const existing = state.forecast.owner(own.compact);
  if (existing === undefined) {
    state.forecast.checkJump(key, designation, confirmJump);
    changes.push(state.forecast.claim(key, designation, own.compact, state.profile.id));
    return;
  }
  if (existing.registrantId !== state.profile.id) {
    throw isrcTakenError(own.compact, { registrantId: existing.registrantId }, state.profile.id);
  }
  if (!existing.inUse) {
    state.forecast.checkJump(key, designation, confirmJump);
    changes.push(state.forecast.reuse(key, designation, own.compact, state.profile.id));
  }
}

/** allocateOwnCodes(count 1) under the first own code, this year. */
function takeNext(state: PreviewState, changes: Change[]): string {
  const { ctx, profile } = state;
  const codes = profile.ownCodes.slice(0, 1);
  const [registrantCode] = codes;
  if (registrantCode === undefined) {
    throw new AppError('NO_REGISTRANT_CODE');
  }
  const year = currentYear(ctx);
  const key: CounterKey = { countryCode: ctx.countryCode, registrantCode, yearOfReference: twoDigitYear(year) };
  const taken = state.forecast.takeNext(key);
  if (!taken.ok) {
    throw new AppError('DESIGNATION_EXHAUSTED', { registrantCode: codes.join(', '), year, available: taken.available });
  }
  const built = buildIsrc({ ...key, designation: taken.designation });
  if (!built.ok) {
    throw new Error(`import preview built an invalid ISRC: ${JSON.stringify(built.error)}`);
  }
  changes.push(taken.apply, state.forecast.own(built.value, profile.id));
  return built.value;
}

/** The next available code as the preview forecasts it (the key "next available" uses, for the lookups). */
export function nextKey(ctx: ServiceContext, profile: AllocationProfile): CounterKey | undefined {
  const [registrantCode] = profile.ownCodes;
  return registrantCode === undefined ? undefined : { countryCode: ctx.countryCode, registrantCode, yearOfReference: twoDigitYear(currentYear(ctx)) };
}

/** addTrack (one attempt): throws the service's AppError, or the row's forecast. */
export function forecastNewTrack(state: PreviewState, draft: TrackDraft, retroactive: boolean, confirmJump: boolean): ForecastTrack {
  const fields = parseRecordingFields(draft.recording, currentYear(state.ctx));
  const parsed = parseChoice(state.ctx, state.profile, isrcChoice(draft, state.options, state.profile.rule.poolOnSubmission, confirmJump), {
    retroactive,
    producedAbroad: fields.producedAbroad ?? false,
  });
  const named = parsed.mode === 'own' ? parsed.own.compact : parsed.mode === 'foreign' ? parsed.isrc : undefined;
  // The savepoint: the ledger and counters change only when the whole step succeeds.
  const changes: Change[] = [];
  let isrc: string | null = null;
  try {
    switch (parsed.mode) {
      case 'none':
        break;
      case 'next':
        isrc = takeNext(state, changes);
        break;
      case 'own':
        reserve(state, parsed.own, parsed.confirmJump, changes);
        assertFree(state, parsed.own.compact);
        isrc = parsed.own.compact;
        break;
      case 'foreign':
        assertFree(state, parsed.isrc);
        isrc = parsed.isrc;
        break;
    }
    assertVersionRule(isrc, fields.versionOfIsrc ?? null);
  } catch (err) {
    if (named !== undefined && isAppError(err, 'ISRC_TAKEN')) {
      // applyTrackIsrc names the album holding the code when it is the registrant's own.
      if (state.inFile.has(named)) {
        throw takenInRun(state, named);
      }
      const onRecording = takenBy(named, state.holders.get(named), state.profile.id);
      throw onRecording.details?.album === undefined ? err : onRecording;
    }
    throw err;
  }
  for (const change of changes) {
    change();
  }
  if (isrc !== null) {
    state.inFile.set(isrc, draft.row);
  }
  const title = fields.title ?? '';
  const credits = fields.credits ?? [];
  const productionCompany = fields.productionCompany ?? '';
  return {
    recording: {
      isrc,
      isrcDisplay: displayIsrc(isrc),
      title: '',
      credits: [],
      productionCompany: '',
      duration: null,
      recordingDate: null,
      aiAssisted: false,
      producedAbroad: false,
      versionType: null,
      versionOfIsrc: null,
    },
    completeness: {
      isrc,
      isrcSource: isrc === null ? null : parsed.mode === 'next' ? 'system' : parsed.mode,
      producedAbroad: fields.producedAbroad ?? false,
      title,
      credits,
      productionCompany,
      versionType: fields.versionType ?? null,
      versionOfIsrc: fields.versionOfIsrc ?? null,
    },
  };
}

/** citeTrack: the approved recording, once per album (`onAlbum`: recordings cited on it so far). */
export function forecastCitedTrack(recording: RecordingResponse, onAlbum: Set<string>): ForecastTrack {
  if (onAlbum.has(recording.id)) {
    throw new AppError('RECORDING_ALREADY_ON_ALBUM', { isrc: displayIsrc(recording.isrc) });
  }
  onAlbum.add(recording.id);
  return { recording, completeness: recording };
}
