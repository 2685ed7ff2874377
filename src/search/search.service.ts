import type { Actor } from '../accounts/actor.js';
import type { ServiceContext } from '../db/context.js';
import { AppError } from '../shared/errors.js';
import { readSearchQuery, type SearchReading } from './classify.js';
import { canSearchAgency } from './search.policy.js';
import {
  albumIds,
  albumPage,
  albumsHolding,
  codesOf,
  holderOfCode,
  ownerOfAlbumNumber,
  recordingIds,
  recordingOfIsrc,
  recordingPage,
  registrantIds,
  registrantPage,
  type AlbumScope,
  type RecordingScope,
  type RegistrantScope,
  type Window,
} from './search.repo.js';
import {
  SEARCH_COUNT_CAP,
  SEARCH_PAGE_SIZE,
  type SearchAlbum,
  type SearchGroup,
  type SearchGroupName,
  type SearchQuery,
  type SearchRecording,
  type SearchRegistrant,
  type SearchResponse,
} from './search.schemas.js';

/** Albums shown under each recording (its page is the album's). */
const ALBUMS_PER_RECORDING = 3;

interface GroupReads<S, T> {
  ids(scope: S, limit: number): Promise<string[]>;
  page(scope: S | { ids: readonly string[] }, window: Window): Promise<T[]>;
}

/**
 * One group, with work bounded however large the registry grows: the ids of at most
 * SEARCH_COUNT_CAP + 1 matches (any order: a trigram index for rare words, the first rows of a scan
 * for common ones); a set that small is sorted directly. Past the cap the matches are dense, and
 * reading the group's order off its index finds a page of them within a few rows.
 */
async function cappedGroup<S, T>(reads: GroupReads<S, T>, scope: S, window: Window): Promise<SearchGroup<T>> {
  const found = await reads.ids(scope, SEARCH_COUNT_CAP + 1);
  const totalCapped = found.length > SEARCH_COUNT_CAP;
  if (found.length === 0 || window.offset >= Math.min(found.length, SEARCH_COUNT_CAP)) {
    return { items: [], total: Math.min(found.length, SEARCH_COUNT_CAP), totalCapped };
  }
  const items = await reads.page(totalCapped ? scope : { ids: found }, window);
  return { items, total: Math.min(found.length, SEARCH_COUNT_CAP), totalCapped };
}

const EMPTY = { items: [], total: 0, totalCapped: false };

type Scopes = { recordings?: RecordingScope; albums?: AlbumScope; registrants?: RegistrantScope };

/** What each group searches for one reading of the query. */
async function scopesOf(ctx: ServiceContext, reading: SearchReading): Promise<{ scopes: Scopes; reading: SearchResponse['reading'] }> {
  switch (reading.kind) {
    case 'isrc': {
      const recording = await recordingOfIsrc(ctx.db, reading.isrc);
      if (recording === undefined) {
        return { scopes: {}, reading: 'isrc' };
      }
      return { scopes: { recordings: { ids: [recording.id] }, albums: { recordingId: recording.id }, registrants: { ids: [recording.registrantId] } }, reading: 'isrc' };
    }
    case 'albumNumber': {
      const owner = await ownerOfAlbumNumber(ctx.db, reading.albumNumber);
      return { scopes: owner === undefined ? {} : { albums: { albumNumber: reading.albumNumber }, registrants: { ids: [owner] } }, reading: 'albumNumber' };
    }
    case 'registrantCode': {
      const holder = await holderOfCode(ctx.db, ctx.countryCode, reading.code);
      if (holder !== undefined) {
        return { scopes: { registrants: { ids: [holder] }, albums: { registrantId: holder } }, reading: 'registrantCode' };
      }
      // Not an allocated code (or a pool code): three characters of a title or a name.
      return { scopes: textScopes(reading.text), reading: 'text' };
    }
    case 'text':
      return { scopes: textScopes(reading.text), reading: 'text' };
  }
}

const textScopes = (text: string): Scopes => ({ recordings: { text }, albums: { text }, registrants: { text } });

async function recordingsGroup(ctx: ServiceContext, scope: RecordingScope | undefined, window: Window): Promise<SearchGroup<SearchRecording>> {
  if (scope === undefined) {
    return EMPTY;
  }
  const group = await cappedGroup({ ids: (s, limit) => recordingIds(ctx.db, s, limit), page: (s, w) => recordingPage(ctx.db, s, w) }, scope, window);
  const holding = await albumsHolding(
    ctx.db,
    group.items.map((r) => r.id),
    ALBUMS_PER_RECORDING,
  );
  const items = group.items.map((r) => ({ ...r, albums: holding.filter((a) => a.recordingId === r.id).map(({ id, albumNumber, title }) => ({ id, albumNumber, title })) }));
  return { ...group, items };
}

function albumsGroup(ctx: ServiceContext, scope: AlbumScope | undefined, window: Window): Promise<SearchGroup<SearchAlbum>> {
  if (scope === undefined) {
    return Promise.resolve(EMPTY);
  }
  return cappedGroup({ ids: (s, limit) => albumIds(ctx.db, s, limit), page: (s, w) => albumPage(ctx.db, s, w) }, scope, window);
}

async function registrantsGroup(ctx: ServiceContext, scope: RegistrantScope | undefined, window: Window): Promise<SearchGroup<SearchRegistrant>> {
  if (scope === undefined) {
    return EMPTY;
  }
  const group = await cappedGroup({ ids: (s, limit) => registrantIds(ctx.db, s, limit), page: (s, w) => registrantPage(ctx.db, s, w) }, scope, window);
  const codes = await codesOf(
    ctx.db,
    group.items.map((r) => r.id),
  );
  return { ...group, items: group.items.map((r) => ({ ...r, codes: codes.filter((c) => c.registrantId === r.id).map((c) => c.code) })) };
}

/**
 * 查詢: one box over every registrant's catalogue. The query is read as an ISRC, an album number,
 * a registrant code or text (classify.ts); each group of results is counted only up to
 * SEARCH_COUNT_CAP, so a common word costs about the same in a registry of any size.
 */
export async function searchAgency(ctx: ServiceContext, actor: Actor, query: SearchQuery): Promise<SearchResponse> {
  if (!canSearchAgency(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const page = query.page ?? 1;
  const window = { offset: (page - 1) * SEARCH_PAGE_SIZE, limit: SEARCH_PAGE_SIZE };
  const parsed = readSearchQuery(query.q);
  const base = { q: query.q, page, pageSize: SEARCH_PAGE_SIZE, ...(parsed.kind === 'isrc' ? { isrc: parsed.isrc } : {}) };
  if (parsed.kind === 'text' && parsed.text === '') {
    return { ...base, reading: 'text', recordings: EMPTY, albums: EMPTY, registrants: EMPTY };
  }
  const { scopes, reading } = await scopesOf(ctx, parsed);
  const wanted = (group: SearchGroupName) => query.kind === undefined || query.kind === group;
  // The groups are independent reads: on PostgreSQL they run side by side on the pool.
  const [recordings, albums, registrants] = await Promise.all([
    wanted('recordings') ? recordingsGroup(ctx, scopes.recordings, window) : undefined,
    wanted('albums') ? albumsGroup(ctx, scopes.albums, window) : undefined,
    wanted('registrants') ? registrantsGroup(ctx, scopes.registrants, window) : undefined,
  ]);
  return { ...base, reading, ...(recordings && { recordings }), ...(albums && { albums }), ...(registrants && { registrants }) };
}
