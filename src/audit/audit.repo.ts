import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { albums, auditLog, recordings, registrantApplications, registrantChangeRequests, registrantCodes, registrants, users } from '../db/schema/index.js';
import type { Db } from '../db/types.js';
import type { Role } from '../accounts/accounts.schemas.js';

export interface AuditFilter {
  actorUserId?: string | undefined;
  actorLogin?: string | undefined;
  registrantId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  /** Agency-calendar days (YYYY-MM-DD), inclusive, read in `timeZone`. */
  from?: string | undefined;
  to?: string | undefined;
  timeZone: string;
}

export interface AuditListRow {
  id: number;
  actorUserId: string | null;
  actorLogin: string | null;
  actorName: string | null;
  actorRole: Role | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string;
  createdAt: Date;
}

/**
 * "Entries about a registrant" — the rule. An audit row names one object (entity_type, entity_id);
 * it is the registrant's when that object is:
 * - the registrant itself (`registrant`: create, update, status, and the ISRC allocations and
 *   claims, which are written against the registrant);
 * - one of its albums (`album`: the album's own changes, its tracks added/cited/removed, 送出審核,
 *   approval, return, and the deposit events, which are written against the album), including
 *   albums deleted since: their `album.delete` row keeps the registrantId in `before`;
 * - one of its recordings (`recording`: track edits, ISRC changes), users (`user`), registrant codes
 *   (`registrant_code`), change requests (`changeRequest`) and its approved application
 *   (`registrant_application`; a pending or rejected one has no registrant yet).
 * The keys are gathered from those tables (each by its registrant index) and joined on
 * audit_log (entity_type, entity_id), so the filter is an index lookup per object. Deleted albums
 * are found through the partial expression index `audit_log_deleted_album_registrant_idx` (on
 * `before ->> 'registrantId'` where action = 'album.delete'), so that part is no scan either.
 */
function registrantKeys(registrantId: string): SQL {
  return sql`(
    select 'registrant'::text as entity_type, ${registrantId}::text as entity_id
    union all select 'album', a.id::text from ${albums} a where a.registrant_id = ${registrantId}
    union all select 'album', d.entity_id from ${auditLog} d where d.action = 'album.delete' and d.entity_type = 'album' and d.before ->> 'registrantId' = ${registrantId}
    union all select 'recording', r.id::text from ${recordings} r where r.registrant_id = ${registrantId}
    union all select 'user', u.id::text from ${users} u where u.registrant_id = ${registrantId}
    union all select 'registrant_code', c.id::text from ${registrantCodes} c where c.registrant_id = ${registrantId}
    union all select 'changeRequest', cr.id::text from ${registrantChangeRequests} cr where cr.registrant_id = ${registrantId}
    union all select 'registrant_application', ra.id::text from ${registrantApplications} ra where ra.registrant_id = ${registrantId}
  )`;
}

/** `album` matches album.create, album.submit, …; `album.submit` only itself. */
function actionWhere(action: string): SQL {
  return sql`(${auditLog.action} = ${action} or ${auditLog.action} like ${`${action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`})`;
}

export function auditWhere(filter: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.actorUserId !== undefined) {
    parts.push(eq(auditLog.actorUserId, filter.actorUserId));
  }
  if (filter.actorLogin !== undefined) {
    // One user at most (login names are unique), so the (actor_user_id, created_at) index still serves.
    parts.push(sql`${auditLog.actorUserId} = (select u.id from ${users} u where u.login_name = ${filter.actorLogin.trim().toLowerCase()})`);
  }
  if (filter.entityType !== undefined) {
    parts.push(eq(auditLog.entityType, filter.entityType));
  }
  if (filter.entityId !== undefined) {
    parts.push(eq(auditLog.entityId, filter.entityId));
  }
  if (filter.action !== undefined) {
    parts.push(actionWhere(filter.action));
  }
  // Midnight of the agency's day, as an instant: a constant, so created_at's index serves the range.
  if (filter.from !== undefined) {
    parts.push(sql`${auditLog.createdAt} >= (${filter.from}::date)::timestamp at time zone ${filter.timeZone}`);
  }
  if (filter.to !== undefined) {
    parts.push(sql`${auditLog.createdAt} < ((${filter.to}::date + 1)::timestamp at time zone ${filter.timeZone})`);
  }
  if (filter.registrantId !== undefined) {
    // Gathered once (an InitPlan): each key is one lookup in audit_log_entity_idx; the outer query
    // then reads those rows by primary key instead of walking the whole log by time.
    parts.push(
      sql`${auditLog.id} = any(array(select al.id from ${registrantKeys(filter.registrantId)} k join ${auditLog} al on al.entity_type = k.entity_type and al.entity_id = k.entity_id))`,
    );
  }
  return parts.length === 0 ? undefined : and(...parts);
}

/** Newest first; the id breaks ties within one transaction's timestamp. */
export async function listAuditRows(db: Db, filter: AuditFilter, page: { offset: number; limit: number }): Promise<AuditListRow[]> {
  return db
    .select({
      id: auditLog.id,
      actorUserId: auditLog.actorUserId,
      actorLogin: users.loginName,
      actorName: users.displayName,
      actorRole: users.role,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(auditWhere(filter))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countAuditRows(db: Db, filter: AuditFilter): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(auditWhere(filter));
  return rows[0]?.n ?? 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Labels of the objects on one page, by type then id (one small query per type present). */
export async function entityLabels(db: Db, keys: readonly { entityType: string; entityId: string }[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(keys.filter((k) => k.entityType === type && UUID.test(k.entityId)).map((k) => k.entityId))];
  const labels = new Map<string, string>();
  const put = (type: string, id: string, label: string) => labels.set(`${type}:${id}`, label);
  const albumIds = idsOf('album');
  if (albumIds.length > 0) {
    for (const a of await db.select({ id: albums.id, n: albums.albumNumber, title: albums.title }).from(albums).where(inArray(albums.id, albumIds))) {
      put('album', a.id, `${a.n} ${a.title}`.trim());
    }
  }
  const registrantIds = idsOf('registrant');
  if (registrantIds.length > 0) {
    for (const r of await db.select({ id: registrants.id, name: registrants.name }).from(registrants).where(inArray(registrants.id, registrantIds))) {
      put('registrant', r.id, r.name);
    }
  }
  const userIds = idsOf('user');
  if (userIds.length > 0) {
    for (const u of await db.select({ id: users.id, login: users.loginName, name: users.displayName }).from(users).where(inArray(users.id, userIds))) {
      put('user', u.id, `${u.login}（${u.name}）`);
    }
  }
  const recordingIds = idsOf('recording');
  if (recordingIds.length > 0) {
    for (const r of await db.select({ id: recordings.id, isrc: recordings.isrc, title: recordings.title }).from(recordings).where(inArray(recordings.id, recordingIds))) {
      put('recording', r.id, `${r.isrc ?? ''} ${r.title}`.trim());
    }
  }
  const codeIds = idsOf('registrant_code');
  if (codeIds.length > 0) {
    for (const c of await db
      .select({ id: registrantCodes.id, cc: registrantCodes.countryCode, code: registrantCodes.code })
      .from(registrantCodes)
      .where(inArray(registrantCodes.id, codeIds))) {
      put('registrant_code', c.id, `${c.cc}-${c.code}`);
    }
  }
  return labels;
}
