/**
 * The agency-wide search's reads over albums, recordings and registrants. Every group is read in
 * two steps (see search.service.ts): the ids of at most `limit` matches in any order, then one page
 * in the group's order, either among those ids or, when there are too many, straight off the
 * index that holds that order.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { albums, albumTracks, recordings, registrantCodes, registrants } from '../db/schema/index.js';
import { containsPattern } from '../db/like.js';
import type { Db } from '../db/types.js';

/** Which albums a group holds. */
export type AlbumScope = { text: string } | { ids: readonly string[] } | { registrantId: string } | { recordingId: string } | { albumNumber: number };
export type RecordingScope = { text: string } | { ids: readonly string[] } | { isrc: string };
export type RegistrantScope = { text: string } | { ids: readonly string[] };

function albumWhere(scope: AlbumScope): SQL | undefined {
  if ('text' in scope) {
    const pattern = containsPattern(scope.text);
    return or(sql`${albums.title} ilike ${pattern}`, sql`${albums.artistText} ilike ${pattern}`);
  }
  if ('ids' in scope) {
    return inArray(albums.id, [...scope.ids]);
  }
  if ('registrantId' in scope) {
    return eq(albums.registrantId, scope.registrantId);
  }
  if ('recordingId' in scope) {
    return sql`${albums.id} in (select ${albumTracks.albumId} from ${albumTracks} where ${albumTracks.recordingId} = ${scope.recordingId})`;
  }
  return eq(albums.albumNumber, scope.albumNumber);
}

function recordingWhere(scope: RecordingScope): SQL | undefined {
  if ('text' in scope) {
    const pattern = containsPattern(scope.text);
    return or(sql`${recordings.title} ilike ${pattern}`, sql`${recordings.artistText} ilike ${pattern}`);
  }
  if ('ids' in scope) {
    return inArray(recordings.id, [...scope.ids]);
  }
  return eq(recordings.isrc, scope.isrc);
}

function registrantWhere(scope: RegistrantScope): SQL | undefined {
  if ('text' in scope) {
    return sql`${registrants.name} ilike ${containsPattern(scope.text)}`;
  }
  return inArray(registrants.id, [...scope.ids]);
}

async function ids(rows: Promise<{ id: string }[]>): Promise<string[]> {
  return (await rows).map((r) => r.id);
}

export function albumIds(db: Db, scope: AlbumScope, limit: number): Promise<string[]> {
  return ids(db.select({ id: albums.id }).from(albums).where(albumWhere(scope)).limit(limit));
}

export function recordingIds(db: Db, scope: RecordingScope, limit: number): Promise<string[]> {
  return ids(db.select({ id: recordings.id }).from(recordings).where(recordingWhere(scope)).limit(limit));
}

export function registrantIds(db: Db, scope: RegistrantScope, limit: number): Promise<string[]> {
  return ids(db.select({ id: registrants.id }).from(registrants).where(registrantWhere(scope)).limit(limit));
}

export interface Window {
  offset: number;
  limit: number;
}

/** Newest album first: the album number's unique index holds that order. */
export function albumPage(db: Db, scope: AlbumScope, window: Window) {
  return db
    .select({
      id: albums.id,
      albumNumber: albums.albumNumber,
      title: albums.title,
      artistText: albums.artistText,
      status: albums.status,
      registrantId: albums.registrantId,
      registrantName: registrants.name,
    })
    .from(albums)
    .innerJoin(registrants, eq(registrants.id, albums.registrantId))
    .where(albumWhere(scope))
    .orderBy(desc(albums.albumNumber))
    .limit(window.limit)
    .offset(window.offset);
}

/** In ISRC order (the unique key's index); recordings still without one last. */
export function recordingPage(db: Db, scope: RecordingScope, window: Window) {
  return db
    .select({
      id: recordings.id,
      isrc: recordings.isrc,
      title: recordings.title,
      artistText: recordings.artistText,
      registrantId: recordings.registrantId,
      registrantName: registrants.name,
    })
    .from(recordings)
    .innerJoin(registrants, eq(registrants.id, recordings.registrantId))
    .where(recordingWhere(scope))
    .orderBy(asc(recordings.isrc), asc(recordings.id))
    .limit(window.limit)
    .offset(window.offset);
}

/** By name (its index), then id so equal names page stably. */
export function registrantPage(db: Db, scope: RegistrantScope, window: Window) {
  return db
    .select({ id: registrants.id, name: registrants.name, kind: registrants.kind, status: registrants.status })
    .from(registrants)
    .where(registrantWhere(scope))
    .orderBy(asc(registrants.name), asc(registrants.id))
    .limit(window.limit)
    .offset(window.offset);
}

/** Up to `perRecording` albums holding each recording, lowest album number first. */
export async function albumsHolding(db: Db, recordingIds: readonly string[], perRecording: number) {
  if (recordingIds.length === 0) {
    return [];
  }
  const ranked = db
    .select({
      recordingId: albumTracks.recordingId,
      id: albums.id,
      albumNumber: albums.albumNumber,
      title: albums.title,
      rank: sql<number>`row_number() over (partition by ${albumTracks.recordingId} order by ${albums.albumNumber})`.as('rank'),
    })
    .from(albumTracks)
    .innerJoin(albums, eq(albums.id, albumTracks.albumId))
    .where(inArray(albumTracks.recordingId, [...recordingIds]))
    .as('ranked');
  return db
    .select({ recordingId: ranked.recordingId, id: ranked.id, albumNumber: ranked.albumNumber, title: ranked.title })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${perRecording}`)
    .orderBy(asc(ranked.albumNumber));
}

export function codesOf(db: Db, registrantIds: readonly string[]) {
  if (registrantIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .select({ registrantId: registrantCodes.registrantId, code: registrantCodes.code })
    .from(registrantCodes)
    .where(inArray(registrantCodes.registrantId, [...registrantIds]))
    .orderBy(asc(registrantCodes.code));
}

/** The registrant holding `code` in the agency's country (pool codes have none). */
export async function holderOfCode(db: Db, countryCode: string, code: string): Promise<string | undefined> {
  const rows = await db
    .select({ registrantId: registrantCodes.registrantId })
    .from(registrantCodes)
    .where(and(eq(registrantCodes.countryCode, countryCode), eq(registrantCodes.code, code)))
    .limit(1);
  return rows[0]?.registrantId ?? undefined;
}

/** The owners of an album (by number) or a recording (by ISRC), for the registrants group. */
export async function ownerOfAlbumNumber(db: Db, albumNumber: number): Promise<string | undefined> {
  const rows = await db.select({ id: albums.registrantId }).from(albums).where(eq(albums.albumNumber, albumNumber)).limit(1);
  return rows[0]?.id;
}

export async function recordingOfIsrc(db: Db, isrc: string): Promise<{ id: string; registrantId: string } | undefined> {
  const rows = await db.select({ id: recordings.id, registrantId: recordings.registrantId }).from(recordings).where(eq(recordings.isrc, isrc)).limit(1);
  return rows[0];
}
