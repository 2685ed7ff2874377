import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '../db/rows.js';
import type { Db } from '../db/types.js';
import type { AssignmentSource } from '../shared/enums.js';
import type { UsedCodeStatus } from './used-designations.schemas.js';

/**
 * Reads of the ISRC ledger for 年度使用編號查詢. Every query is narrowed by `UsageScope`: the
 * service always sets `registrantId` for a member, so another registrant's ledger rows never
 * leave the database. A ledger row is "on a recording" only when a recording of the same
 * registrant carries the ISRC.
 */

export interface UsageScope {
  countryCode: string;
  /** Two-digit year of reference. */
  yearOfReference: number;
  registrantId?: string | undefined;
  registrantCode?: string | undefined;
  status?: UsedCodeStatus | undefined;
}

export interface UsageRow {
  registrantCode: string;
  designation: number;
  onRecording: boolean;
}

export interface CodeHolder {
  code: string;
  pool: boolean;
  holderId: string | null;
  holderName: string | null;
}

export interface UsedCodeRow {
  isrc: string;
  registrantCode: string;
  designation: number;
  source: AssignmentSource;
  registrantId: string;
  registrantName: string;
  recordingId: string | null;
  recordingTitle: string | null;
  albumId: string | null;
  albumNumber: number | null;
  albumTitle: string | null;
  trackId: string | null;
}

const onRecording = sql`exists (select 1 from recordings r where r.isrc = a.isrc and r.registrant_id = a.registrant_id)`;

function scopeWhere(scope: UsageScope): SQL {
  const parts = [sql`a.country_code = ${scope.countryCode}::text`, sql`a.year_of_reference = ${scope.yearOfReference}::smallint`];
  if (scope.registrantId !== undefined) {
    parts.push(sql`a.registrant_id = ${scope.registrantId}::uuid`);
  }
  if (scope.registrantCode !== undefined) {
    parts.push(sql`a.registrant_code = ${scope.registrantCode}::text`);
  }
  if (scope.status !== undefined) {
    parts.push(scope.status === 'onRecording' ? onRecording : sql`not ${onRecording}`);
  }
  return sql.join(parts, sql` and `);
}

/** Every ledger row of the scope, by code and designation: what the summary's ranges are made of. */
export async function usageRows(db: Db, scope: UsageScope): Promise<UsageRow[]> {
  const result = await db.execute(sql`
    select a.registrant_code as code, a.designation, ${onRecording} as on_recording
    from isrc_assignments a where ${scopeWhere(scope)}
    order by a.registrant_code, a.designation`);
  return rowsOf(result).map((r) => ({ registrantCode: String(r.code), designation: Number(r.designation), onRecording: r.on_recording === true }));
}

/** Who holds each of these codes (pool codes have no holder); codes not allocated are left out. */
export async function codeHolders(db: Db, countryCode: string, codes: readonly string[]): Promise<CodeHolder[]> {
  if (codes.length === 0) {
    return [];
  }
  const list = sql.join(
    codes.map((c) => sql`${c}::text`),
    sql`, `,
  );
  const result = await db.execute(sql`
    select rc.code, rc.is_pool, g.id::text as holder_id, g.name as holder_name
    from registrant_codes rc left join registrants g on g.id = rc.registrant_id
    where rc.country_code = ${countryCode}::text and rc.code in (${list})`);
  return rowsOf(result).map((r) => ({
    code: String(r.code),
    pool: r.is_pool === true,
    holderId: typeof r.holder_id === 'string' ? r.holder_id : null,
    holderName: typeof r.holder_name === 'string' ? r.holder_name : null,
  }));
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** One page of the scope's codes with their recording and the album it was reported on. */
export async function usedCodePage(db: Db, scope: UsageScope, window: { offset: number; limit: number }): Promise<{ rows: UsedCodeRow[]; total: number }> {
  const where = scopeWhere(scope);
  const counted = await db.execute(sql`select count(*)::int as n from isrc_assignments a where ${where}`);
  const total = Number(rowsOf(counted)[0]?.n ?? 0);
  if (total === 0 || window.offset >= total) {
    return { rows: [], total };
  }
  const result = await db.execute(sql`
    select a.isrc, a.registrant_code, a.designation, a.source::text as source, a.registrant_id::text as registrant_id, g.name as registrant_name,
      rec.id::text as recording_id, rec.title as recording_title, al.id::text as album_id, al.album_number, al.title as album_title, al.track_id::text as track_id
    from isrc_assignments a
    join registrants g on g.id = a.registrant_id
    left join recordings rec on rec.isrc = a.isrc and rec.registrant_id = a.registrant_id
    left join lateral (
      select b.id, b.album_number, b.title, t.id as track_id from album_tracks t join albums b on b.id = t.album_id
      where t.recording_id = rec.id order by t.cited, b.created_at limit 1
    ) al on true
    where ${where}
    order by a.registrant_code, a.designation
    offset ${window.offset}::int limit ${window.limit}::int`);
  const rows = rowsOf(result).map((r): UsedCodeRow => ({
    isrc: String(r.isrc),
    registrantCode: String(r.registrant_code),
    designation: Number(r.designation),
    source: r.source === 'manual' ? 'manual' : 'system',
    registrantId: String(r.registrant_id),
    registrantName: String(r.registrant_name),
    recordingId: text(r.recording_id),
    recordingTitle: text(r.recording_title),
    albumId: text(r.album_id),
    albumNumber: r.album_number === null || r.album_number === undefined ? null : Number(r.album_number),
    albumTitle: text(r.album_title),
    trackId: text(r.track_id),
  }));
  return { rows, total };
}
