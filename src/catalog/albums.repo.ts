import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { albums, albumTracks, recordings, registrants } from '../db/schema/index.js';
import { containsPattern } from '../db/like.js';
import type { Db } from '../db/types.js';
import type { AlbumSort } from './catalog.schemas.js';

export type AlbumRow = typeof albums.$inferSelect;
export type NewAlbumRow = typeof albums.$inferInsert;
export type AlbumStatus = AlbumRow['status'];

export async function insertAlbum(db: Db, values: NewAlbumRow): Promise<AlbumRow> {
  const rows = await db.insert(albums).values(values).returning();
  const row = rows[0];
  if (row === undefined) {
    throw new Error('insert into albums returned no row');
  }
  return row;
}

/** The album, if it exists and (when `registrantId` is given) belongs to that registrant. */
export async function findAlbum(db: Db, id: string, registrantId?: string): Promise<AlbumRow | undefined> {
  const where = registrantId === undefined ? eq(albums.id, id) : and(eq(albums.id, id), eq(albums.registrantId, registrantId));
  const rows = await db.select().from(albums).where(where).limit(1);
  return rows[0];
}

/** Locks the album row until the transaction ends (edits, submission and review serialise on it). */
export async function lockAlbum(db: Db, id: string, registrantId?: string): Promise<AlbumRow | undefined> {
  const where = registrantId === undefined ? eq(albums.id, id) : and(eq(albums.id, id), eq(albums.registrantId, registrantId));
  const rows = await db.select().from(albums).where(where).limit(1).for('update');
  return rows[0];
}

/** Applies `patch`; an empty patch (a save with nothing filled in) changes nothing and returns the row. */
export async function updateAlbumRow(db: Db, id: string, patch: Partial<NewAlbumRow>): Promise<AlbumRow> {
  const rows = Object.keys(patch).length === 0 ? await db.select().from(albums).where(eq(albums.id, id)).limit(1) : await db.update(albums).set(patch).where(eq(albums.id, id)).returning();
  const row = rows[0];
  if (row === undefined) {
    throw new Error(`album ${id} vanished during update`);
  }
  return row;
}

/** Bumps updated_at when tracks change, so "recently changed" sorting sees it. */
export async function touchAlbum(db: Db, id: string): Promise<void> {
  await db.update(albums).set({ updatedAt: new Date() }).where(eq(albums.id, id));
}

export async function deleteAlbumRow(db: Db, id: string): Promise<void> {
  await db.delete(albums).where(eq(albums.id, id));
}

export interface AlbumFilter {
  registrantId?: string | undefined;
  statuses?: readonly AlbumStatus[] | undefined;
  /** Album number, title, artist (substring) or ISRC (exact, compact form). */
  q?: string | undefined;
  isrc?: string | undefined;
}

/**
 * The search condition. A valid ISRC is an exact lookup through the recordings' unique key;
 * anything else matches title or artist by substring (trigram indexes) or an album number. Plain
 * OR conditions (no union) let the planner pick an ordered index scan for common words.
 */
function searchCondition(q: string, isrc: string | undefined): SQL | undefined {
  if (isrc !== undefined) {
    return sql`${albums.id} in (select ${albumTracks.albumId} from ${albumTracks} join ${recordings} on ${recordings.id} = ${albumTracks.recordingId} where ${recordings.isrc} = ${isrc})`;
  }
  // Album numbers have six or more digits (the sequence starts at 100001): such a query is a
  // number lookup. Shorter numbers ("1989", "2046") are searched in titles as well.
  if (/^\d{6,15}$/.test(q)) {
    return eq(albums.albumNumber, Number(q));
  }
  const pattern = containsPattern(q);
  const parts: SQL[] = [sql`${albums.title} ilike ${pattern}`, sql`${albums.artistText} ilike ${pattern}`];
  if (/^\d{1,5}$/.test(q)) {
    parts.push(eq(albums.albumNumber, Number(q)));
  }
  return or(...parts);
}

function filterWhere(filter: AlbumFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (filter.registrantId !== undefined) {
    parts.push(eq(albums.registrantId, filter.registrantId));
  }
  if (filter.statuses !== undefined) {
    parts.push(inArray(albums.status, [...filter.statuses]));
  }
  if (filter.q !== undefined && filter.q !== '') {
    parts.push(searchCondition(filter.q, filter.isrc));
  }
  const defined = parts.filter((p): p is SQL => p !== undefined);
  return defined.length === 0 ? undefined : and(...defined);
}

/**
 * Totals are counted up to this many: past it the list says "1,000+" instead of scanning every
 * match, which keeps paging fast however large the registry grows.
 */
export const TOTAL_COUNT_CAP = 1000;

/**
 * Substring searches are counted only this far ("more than 50"; the list pages on past it): proving
 * N matches of a common word means reading about N / (share of rows matching) rows. In a small
 * registry a word has fewer matches than that and the whole table is read anyway (1,000 rows); in a
 * large one the scan stops after N + 1 matches. At 100 that was ~2,600 rows at 100,000 albums for a
 * word in 1 title of 24 (2.3× the small registry's list in `npm run bench -- search`); at 50 it is
 * ~1,300 rows, as cheap as reading the small table. A trigram bitmap scan counts faster at 100,000
 * albums but its cost grows with every match in the registry, and the planner must be forced to it.
 */
export const SEARCH_COUNT_CAP = 50;

const SORT_COLUMNS = {
  albumNumber: albums.albumNumber,
  title: albums.title,
  createdAt: albums.createdAt,
  updatedAt: albums.updatedAt,
  submittedAt: albums.submittedAt,
} as const;

export interface AlbumListRow {
  album: AlbumRow;
  registrantName: string;
  trackCount: number;
}

/** Whether the filter searches titles and artists by substring (not an ISRC or album number). */
function isSubstringSearch(filter: AlbumFilter): boolean {
  return filter.q !== undefined && filter.q !== '' && filter.isrc === undefined && !/^\d{6,15}$/.test(filter.q);
}

function pageQuery(db: Db, where: SQL | undefined, order: { sort: AlbumSort; direction: 'asc' | 'desc' }, page: { offset: number; limit: number }) {
  const column = SORT_COLUMNS[order.sort];
  const direction = order.direction === 'asc' ? asc : desc;
  // Drafts have no submission date: they go last either way. Only that column is nullable, and
  // only there is NULLS LAST spelled out: on the others it would stop PostgreSQL from reading the
  // order straight off the index.
  const primary = order.sort === 'submittedAt' ? sql`${column} ${sql.raw(order.direction)} nulls last` : direction(column);
  return db
    .select({
      album: albums,
      registrantName: registrants.name,
      trackCount: sql<number>`(select count(*)::int from ${albumTracks} where ${albumTracks.albumId} = ${albums.id})`,
    })
    .from(albums)
    .innerJoin(registrants, eq(registrants.id, albums.registrantId))
    .where(where)
    .orderBy(primary, direction(albums.albumNumber))
    .limit(page.limit)
    .offset(page.offset);
}

async function countCapped(db: Db, where: SQL | undefined): Promise<number> {
  const capped = db
    .select({ one: sql`1` })
    .from(albums)
    .where(where)
    .limit(TOTAL_COUNT_CAP + 1)
    .as('capped');
  const counted = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  return counted[0]?.n ?? 0;
}

const totals = (n: number, cap = TOTAL_COUNT_CAP) => ({ total: Math.min(n, cap), totalCapped: n > cap });

export async function listAlbumRows(
  db: Db,
  filter: AlbumFilter,
  order: { sort: AlbumSort; direction: 'asc' | 'desc' },
  page: { offset: number; limit: number },
): Promise<{ rows: AlbumListRow[]; total: number; totalCapped: boolean }> {
  const where = filterWhere(filter);
  if (isSubstringSearch(filter)) {
    // Substring search in two steps, so neither rare nor common words make the planner guess:
    // first the matching ids (trigram index for rare words, the first rows of a scan for common
    // ones), at most the search count cap; a set that small is sorted directly. Past the cap the
    // matches are dense, and reading the sort order off its index finds a page of them at once.
    const ids = await db
      .select({ id: albums.id })
      .from(albums)
      .where(where)
      .limit(SEARCH_COUNT_CAP + 1);
    if (ids.length <= SEARCH_COUNT_CAP) {
      const rows =
        ids.length === 0
          ? []
          : await pageQuery(
              db,
              inArray(
                albums.id,
                ids.map((r) => r.id),
              ),
              order,
              page,
            );
      return { rows, ...totals(ids.length, SEARCH_COUNT_CAP) };
    }
    return { rows: await pageQuery(db, where, order, page), ...totals(ids.length, SEARCH_COUNT_CAP) };
  }
  const rows = await pageQuery(db, where, order, page);
  // A page that is not full is the last one: the total is known without counting again.
  if (rows.length < page.limit && (rows.length > 0 || page.offset === 0)) {
    return { rows, ...totals(page.offset + rows.length) };
  }
  return { rows, ...totals(await countCapped(db, where)) };
}
