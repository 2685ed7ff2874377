import { and, eq, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { albums, albumTracks, recordings, registrants } from '../db/schema/index.js';
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

export async function updateAlbumRow(db: Db, id: string, patch: Partial<NewAlbumRow>): Promise<AlbumRow> {
  const rows = await db.update(albums).set(patch).where(eq(albums.id, id)).returning();
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

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
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
  const pattern = `%${escapeLike(q)}%`;
  const parts: SQL[] = [sql`${albums.title} ilike ${pattern}`, sql`${albums.artistText} ilike ${pattern}`];
  if (/^\d{1,15}$/.test(q)) {
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

export async function listAlbumRows(
  db: Db,
  filter: AlbumFilter,
  order: { sort: AlbumSort; direction: 'asc' | 'desc' },
  page: { offset: number; limit: number },
): Promise<{ rows: AlbumListRow[]; total: number; totalCapped: boolean }> {
  const where = filterWhere(filter);
  const column = SORT_COLUMNS[order.sort];
  // Albums without the value (drafts have no submission date) go last in either direction.
  const direction = order.direction === 'asc' ? (c: SQLWrapper) => sql`${c} asc nulls last` : (c: SQLWrapper) => sql`${c} desc nulls last`;
  const rows = await db
    .select({
      album: albums,
      registrantName: registrants.name,
      trackCount: sql<number>`(select count(*)::int from ${albumTracks} where ${albumTracks.albumId} = ${albums.id})`,
    })
    .from(albums)
    .innerJoin(registrants, eq(registrants.id, albums.registrantId))
    .where(where)
    .orderBy(direction(column), direction(albums.albumNumber))
    .limit(page.limit)
    .offset(page.offset);
  const capped = db.select({ one: sql`1` }).from(albums).where(where).limit(TOTAL_COUNT_CAP + 1).as('capped');
  const counted = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  const n = counted[0]?.n ?? 0;
  return { rows, total: Math.min(n, TOTAL_COUNT_CAP), totalCapped: n > TOTAL_COUNT_CAP };
}
