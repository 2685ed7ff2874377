import { and, asc, count, eq, ne, sql, type SQL } from 'drizzle-orm';
import { albums, depositEvents, registrants } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import type { DepositEventKind, DepositStatus, RegistrantKind } from '../shared/enums.js';

/**
 * The deposit desk's tables: deposit_events, and the deposit dimension of albums (deposit_status,
 * which only this feature writes; review writes the review status).
 */

export type DepositEventRow = typeof depositEvents.$inferSelect;

export interface DepositAlbum {
  id: string;
  albumNumber: number;
  title: string;
  registrantId: string;
  registrantKind: RegistrantKind;
  releaseType: 'digital' | 'physical';
  status: (typeof albums.$inferSelect)['status'];
  reviewedAt: Date | null;
  depositStatus: DepositStatus;
}

const albumColumns = {
  id: albums.id,
  albumNumber: albums.albumNumber,
  title: albums.title,
  registrantId: albums.registrantId,
  registrantKind: registrants.kind,
  releaseType: albums.releaseType,
  status: albums.status,
  reviewedAt: albums.reviewedAt,
  depositStatus: albums.depositStatus,
};

function albumWhere(id: string, registrantId: string | undefined): SQL | undefined {
  return registrantId === undefined ? eq(albums.id, id) : and(eq(albums.id, id), eq(albums.registrantId, registrantId));
}

/** The album with its registrant's kind; `registrantId` scopes a member's read to its own. */
export async function findDepositAlbum(db: Db, id: string, registrantId?: string): Promise<DepositAlbum | undefined> {
  const [row] = await db.select(albumColumns).from(albums).innerJoin(registrants, eq(registrants.id, albums.registrantId)).where(albumWhere(id, registrantId));
  return row;
}

/** Same, locking the album row: events of one album are recorded in turn, so the counts stay exact. */
export async function lockDepositAlbum(db: Db, id: string, registrantId?: string): Promise<DepositAlbum | undefined> {
  const [row] = await db.select(albumColumns).from(albums).innerJoin(registrants, eq(registrants.id, albums.registrantId)).where(albumWhere(id, registrantId)).for('update', { of: albums });
  return row;
}

export function listDepositEvents(db: Db, albumId: string): Promise<DepositEventRow[]> {
  return db.select().from(depositEvents).where(eq(depositEvents.albumId, albumId)).orderBy(asc(depositEvents.createdAt), asc(depositEvents.id));
}

export async function insertDepositEvent(
  db: Db,
  values: { albumId: string; kind: DepositEventKind; copies: number; eventDate: string; trackingNumber: string; note: string; recordedBy: string },
): Promise<DepositEventRow> {
  const [row] = await db.insert(depositEvents).values(values).returning();
  if (row === undefined) {
    throw new Error('insert into deposit_events returned no row');
  }
  return row;
}

export async function setAlbumDepositStatus(db: Db, albumId: string, status: DepositStatus): Promise<void> {
  await db.update(albums).set({ depositStatus: status }).where(eq(albums.id, albumId));
}

const copiesOf = (kind: DepositEventKind) => sql<number>`coalesce((select sum(e.copies) from deposit_events e where e.album_id = ${albums.id} and e.kind = ${kind}), 0)::int`;

export interface OverviewFilter {
  timeZone: string;
  kind?: RegistrantKind;
  /** Only albums approved before this calendar date (the overdue cut-off). */
  approvedBefore?: string;
}

export interface OverviewDbRow {
  albumId: string;
  releaseType: 'digital' | 'physical';
  /** Tracks of the album, and those with audio uploaded (a digital release's 影音檔送存 progress). */
  tracks: number;
  tracksWithAudio: number;
  albumNumber: number;
  title: string;
  registrantId: string;
  registrantName: string;
  registrantKind: RegistrantKind;
  approvedOn: string;
  receivedCopies: number;
  sentCopies: number;
  lastSentOn: string | null;
  status: DepositStatus;
}

/**
 * Approved albums still owing deposit, oldest approval first: physical ones owe copies, digital
 * ones their audio (影音檔送存, whose deposit sets the album's status).
 */
export async function listOverview(db: Db, filter: OverviewFilter, page: { offset: number; limit: number | null }): Promise<{ rows: OverviewDbRow[]; total: number }> {
  const approvedOn = sql<string>`to_char(${albums.reviewedAt} at time zone ${filter.timeZone}, 'YYYY-MM-DD')`;
  const where = and(
    eq(albums.status, 'approved'),
    ne(albums.depositStatus, 'deposited'),
    filter.kind === undefined ? undefined : eq(registrants.kind, filter.kind),
    filter.approvedBefore === undefined ? undefined : sql`(${albums.reviewedAt} at time zone ${filter.timeZone})::date < ${filter.approvedBefore}::date`,
  );
  const query = db
    .select({
      albumId: albums.id,
      releaseType: albums.releaseType,
      tracks: sql<number>`(select count(*) from album_tracks t where t.album_id = ${albums.id})::int`,
      tracksWithAudio: sql<number>`(select count(*) from track_audio a where a.album_id = ${albums.id})::int`,
      albumNumber: albums.albumNumber,
      title: albums.title,
      registrantId: registrants.id,
      registrantName: registrants.name,
      registrantKind: registrants.kind,
      approvedOn,
      receivedCopies: copiesOf('received'),
      sentCopies: copiesOf('sent'),
      lastSentOn: sql<string | null>`(select max(e.event_date) from deposit_events e where e.album_id = ${albums.id} and e.kind = 'sent')`,
      status: albums.depositStatus,
    })
    .from(albums)
    .innerJoin(registrants, eq(registrants.id, albums.registrantId))
    .where(where)
    .orderBy(asc(albums.reviewedAt), asc(albums.albumNumber))
    .offset(page.offset);
  const rows = page.limit === null ? await query : await query.limit(page.limit);
  const [total] = await db.select({ n: count() }).from(albums).innerJoin(registrants, eq(registrants.id, albums.registrantId)).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Removes one event of the album; undefined when the album has no such event. */
export async function deleteDepositEvent(db: Db, albumId: string, eventId: string): Promise<DepositEventRow | undefined> {
  const [row] = await db
    .delete(depositEvents)
    .where(and(eq(depositEvents.albumId, albumId), eq(depositEvents.id, eventId)))
    .returning();
  return row;
}
