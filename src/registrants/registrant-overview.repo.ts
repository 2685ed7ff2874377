import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { albums, isrcAssignments, recordings } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import type { DepositStatus, ReviewStatus } from '../shared/enums.js';

/** Each query reads one registrant's rows through that table's registrant index. */

export function albumStatusCounts(db: Db, registrantId: string): Promise<{ status: ReviewStatus; n: number }[]> {
  return db
    .select({ status: albums.status, n: sql<number>`count(*)::int` })
    .from(albums)
    .where(eq(albums.registrantId, registrantId))
    .groupBy(albums.status);
}

export function depositStatusCounts(db: Db, registrantId: string): Promise<{ status: DepositStatus; n: number }[]> {
  return db
    .select({ status: albums.depositStatus, n: sql<number>`count(*)::int` })
    .from(albums)
    .where(and(eq(albums.registrantId, registrantId), eq(albums.status, 'approved')))
    .groupBy(albums.depositStatus);
}

/** Approved recordings by the two-digit year inside their ISRC (characters 6–7 of the compact form). */
export function recordingYearCounts(db: Db, registrantId: string): Promise<{ yy: string; n: number }[]> {
  const yy = sql<string>`substring(${recordings.isrc} from 6 for 2)`;
  return db
    .select({ yy, n: sql<number>`count(*)::int` })
    .from(recordings)
    .where(and(eq(recordings.registrantId, registrantId), isNotNull(recordings.approvedAt), isNotNull(recordings.isrc)))
    .groupBy(yy);
}

export function assignmentCounts(db: Db, registrantId: string): Promise<{ countryCode: string; code: string; yy: number; n: number }[]> {
  return db
    .select({ countryCode: isrcAssignments.countryCode, code: isrcAssignments.registrantCode, yy: isrcAssignments.yearOfReference, n: sql<number>`count(*)::int` })
    .from(isrcAssignments)
    .where(eq(isrcAssignments.registrantId, registrantId))
    .groupBy(isrcAssignments.countryCode, isrcAssignments.registrantCode, isrcAssignments.yearOfReference);
}
