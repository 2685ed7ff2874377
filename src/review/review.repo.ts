import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { albumSubmissions, albums, albumTracks, recordings, registrantApplications, registrantChangeRequests, registrants, users, type TrackReturnReason } from '../db/schema/index.js';
import { rowsOf } from '../db/rows.js';
import type { Db } from '../db/types.js';
import type { RegistrantKind, ReviewDecision } from '../shared/enums.js';
import { DUPLICATE_DURATION_TOLERANCE_SECONDS, sqlDuplicateKeyOf } from './duplicate-key.js';

/** The review tables: rounds of submission (album_submissions) and the queue over albums. */

export type RoundRow = typeof albumSubmissions.$inferSelect;

/** The album's latest round, if it was ever submitted. */
export async function latestRound(db: Db, albumId: string): Promise<RoundRow | undefined> {
  const rows = await db.select().from(albumSubmissions).where(eq(albumSubmissions.albumId, albumId)).orderBy(desc(albumSubmissions.round)).limit(1);
  return rows[0];
}

export function listRounds(db: Db, albumId: string): Promise<RoundRow[]> {
  return db.select().from(albumSubmissions).where(eq(albumSubmissions.albumId, albumId)).orderBy(desc(albumSubmissions.round));
}

export async function insertRound(db: Db, values: { albumId: string; round: number; submittedAt: Date; submittedBy: string | null; snapshot: unknown }): Promise<void> {
  await db.insert(albumSubmissions).values(values);
}

export async function decideRound(
  db: Db,
  id: string,
  decision: { decision: ReviewDecision; reason: string | null; trackReasons: TrackReturnReason[]; decidedBy: string | null; decidedAt: Date },
): Promise<void> {
  await db.update(albumSubmissions).set(decision).where(eq(albumSubmissions.id, id));
}

/** Display names of users, by id (for the rounds history). */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface QueueFilter {
  registrantId?: string | undefined;
  registrantKind?: RegistrantKind | undefined;
  releaseType?: 'digital' | 'physical' | undefined;
  submittedFrom?: string | undefined;
  submittedTo?: string | undefined;
}

/** The conditions of the queue; `skip` leaves one facet out (its counts ignore its own filter). */
function queueWhere(filter: QueueFilter, timeZone: string, skip?: 'kind' | 'releaseType'): SQL | undefined {
  const day = sql`(${albums.submittedAt} at time zone ${timeZone})::date`;
  const parts: (SQL | undefined)[] = [
    eq(albums.status, 'submitted'),
    filter.registrantId === undefined ? undefined : eq(albums.registrantId, filter.registrantId),
    filter.registrantKind === undefined || skip === 'kind' ? undefined : eq(registrants.kind, filter.registrantKind),
    filter.releaseType === undefined || skip === 'releaseType' ? undefined : eq(albums.releaseType, filter.releaseType),
    filter.submittedFrom === undefined ? undefined : sql`${day} >= ${filter.submittedFrom}::date`,
    filter.submittedTo === undefined ? undefined : sql`${day} <= ${filter.submittedTo}::date`,
  ];
  return and(...parts.filter((p): p is SQL => p !== undefined));
}

export interface QueueRow {
  album: typeof albums.$inferSelect;
  registrantName: string;
  registrantKind: RegistrantKind;
  trackCount: number;
  round: number;
}

/** Submitted albums, oldest submission first, with the total and the counts per facet. */
export async function queueRows(db: Db, filter: QueueFilter, timeZone: string, page: { offset: number; limit: number }) {
  const rows: QueueRow[] = await db
    .select({
      album: albums,
      registrantName: registrants.name,
      registrantKind: registrants.kind,
      trackCount: sql<number>`(select count(*)::int from ${albumTracks} where ${albumTracks.albumId} = ${albums.id})`,
      round: sql<number>`coalesce((select max(${albumSubmissions.round}) from ${albumSubmissions} where ${albumSubmissions.albumId} = ${albums.id}), 1)::int`,
    })
    .from(albums)
    .innerJoin(registrants, eq(registrants.id, albums.registrantId))
    .where(queueWhere(filter, timeZone))
    .orderBy(asc(albums.submittedAt), asc(albums.albumNumber))
    .limit(page.limit)
    .offset(page.offset);
  const byKind = await db
    .select({ key: registrants.kind, n: count() })
    .from(albums)
    .innerJoin(registrants, eq(registrants.id, albums.registrantId))
    .where(queueWhere(filter, timeZone, 'kind'))
    .groupBy(registrants.kind);
  const byReleaseType = await db
    .select({ key: albums.releaseType, n: count() })
    .from(albums)
    .innerJoin(registrants, eq(registrants.id, albums.registrantId))
    .where(queueWhere(filter, timeZone, 'releaseType'))
    .groupBy(albums.releaseType);
  const totalRows = await db.select({ n: count() }).from(albums).innerJoin(registrants, eq(registrants.id, albums.registrantId)).where(queueWhere(filter, timeZone));
  return { rows, total: totalRows[0]?.n ?? 0, byKind, byReleaseType };
}

/** The officer's 待辦事項, counted. */
export async function todoCounts(db: Db) {
  const [waiting] = await db.select({ n: count() }).from(albums).where(eq(albums.status, 'submitted'));
  const [applications] = await db.select({ n: count() }).from(registrantApplications).where(eq(registrantApplications.status, 'pending'));
  const [changes] = await db.select({ n: count() }).from(registrantChangeRequests).where(eq(registrantChangeRequests.status, 'pending'));
  const [deposits] = await db
    .select({ n: count() })
    .from(albums)
    .where(and(eq(albums.status, 'approved'), eq(albums.releaseType, 'physical'), ne(albums.depositStatus, 'deposited')));
  return { albumsWaiting: waiting?.n ?? 0, applicationsPending: applications?.n ?? 0, changeRequestsPending: changes?.n ?? 0, depositsDue: deposits?.n ?? 0 };
}

export interface DuplicateProbe {
  trackId: string;
  titleKey: string;
  durationSeconds: number;
}

export interface DuplicateCandidateRow {
  trackId: string;
  recordingId: string;
  isrc: string | null;
  title: string;
  credits: { role: string; names: string[] }[];
  durationSeconds: number | null;
  registrantId: string;
  registrantName: string;
  albumNumber: number | null;
}

/**
 * Recordings anywhere in the registry (any registrant) not on this album whose title has the same
 * comparable form (duplicate-key.ts, here in SQL) and whose duration is within the tolerance.
 * The caller compares main performers.
 */
export async function duplicateCandidates(db: Db, albumId: string, probes: readonly DuplicateProbe[]): Promise<DuplicateCandidateRow[]> {
  if (probes.length === 0) {
    return [];
  }
  const values = sql.join(
    probes.map((p) => sql`(${p.trackId}::uuid, ${p.titleKey}::text, ${p.durationSeconds}::int)`),
    sql`, `,
  );
  const tolerance = DUPLICATE_DURATION_TOLERANCE_SECONDS;
  const result = await db.execute(sql`
    with probe(track_id, title_key, duration) as (values ${values})
    select probe.track_id::text as track_id, r.id::text as recording_id, r.isrc, r.title, r.credits, r.duration_seconds, r.registrant_id::text as registrant_id, g.name as registrant_name,
      (select min(a.album_number) from ${albumTracks} t join ${albums} a on a.id = t.album_id where t.recording_id = r.id) as album_number
    from probe
    join ${recordings} r on r.duration_seconds between probe.duration - ${tolerance}::int and probe.duration + ${tolerance}::int
      and ${sql.raw(sqlDuplicateKeyOf('r.title'))} = probe.title_key
    join ${registrants} g on g.id = r.registrant_id
    where r.id not in (select t.recording_id from ${albumTracks} t where t.album_id = ${albumId})
    order by r.created_at
    limit 500`);
  return rowsOf(result).map((r) => ({
    trackId: String(r.track_id),
    recordingId: String(r.recording_id),
    isrc: typeof r.isrc === 'string' ? r.isrc : null,
    title: String(r.title),
    credits: Array.isArray(r.credits) ? (r.credits as { role: string; names: string[] }[]) : [],
    durationSeconds: r.duration_seconds === null ? null : Number(r.duration_seconds),
    registrantId: String(r.registrant_id),
    registrantName: String(r.registrant_name),
    albumNumber: r.album_number === null ? null : Number(r.album_number),
  }));
}

/** Which of these ISRCs some recording in the registry carries. */
export async function knownIsrcs(db: Db, isrcs: readonly string[]): Promise<Set<string>> {
  if (isrcs.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ isrc: recordings.isrc })
    .from(recordings)
    .where(inArray(recordings.isrc, [...isrcs]));
  return new Set(rows.flatMap((r) => (r.isrc === null ? [] : [r.isrc])));
}
