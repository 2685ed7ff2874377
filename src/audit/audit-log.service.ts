import type { Actor } from '../accounts/actor.js';
import type { ServiceContext } from '../db/context.js';
import { toCsv } from '../export/csv.js';
import type { Table } from '../export/table.js';
import { AppError } from '../shared/errors.js';
import type { Locale } from '../shared/locale.js';
import { pageWindow } from '../shared/text.js';
import { canReadAuditLog } from './audit.policy.js';
import { countAuditRows, entityLabels, listAuditRows, type AuditFilter, type AuditListRow } from './audit.repo.js';
import { AUDIT_EXPORT_MAX_ROWS, type AuditEntryResponse, type AuditExportQuery, type AuditPage, type AuditQuery } from './audit.schemas.js';

function assertCanRead(actor: Actor): void {
  if (!canReadAuditLog(actor)) {
    throw new AppError('FORBIDDEN');
  }
}

function filterOf(ctx: ServiceContext, query: AuditExportQuery): AuditFilter {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'to', code: 'minimum', message: 'to < from' }] });
  }
  return { ...query, timeZone: ctx.timeZone };
}

/** For an object whose row is gone (a deleted album), the label its last audit row remembers. */
function labelFromSnapshot(row: AuditListRow): string {
  const snapshot = (row.before ?? row.after) as Record<string, unknown> | null;
  if (snapshot === null || typeof snapshot !== 'object') {
    return '';
  }
  const pick = (key: string) => (typeof snapshot[key] === 'string' || typeof snapshot[key] === 'number' ? String(snapshot[key]) : '');
  return [pick('albumNumber'), pick('title') || pick('name') || pick('loginName')].filter((s) => s !== '').join(' ');
}

async function toEntries(ctx: ServiceContext, rows: AuditListRow[]): Promise<AuditEntryResponse[]> {
  const labels = await entityLabels(ctx.db, rows);
  return rows.map((r) => ({
    id: r.id,
    actor:
      r.actorUserId === null || r.actorLogin === null || r.actorName === null || r.actorRole === null
        ? null
        : { userId: r.actorUserId, loginName: r.actorLogin, displayName: r.actorName, role: r.actorRole },
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    entityLabel: labels.get(`${r.entityType}:${r.entityId}`) ?? labelFromSnapshot(r),
    before: r.before,
    after: r.after,
    ip: r.ip,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** 稽核紀錄: one page of entries matching the filter, newest first (staff only). */
export async function listAuditLog(ctx: ServiceContext, actor: Actor, query: AuditQuery): Promise<AuditPage> {
  assertCanRead(actor);
  const { page, pageSize, offset } = pageWindow(query.page, query.pageSize);
  const filter = filterOf(ctx, query);
  const [rows, total] = await Promise.all([listAuditRows(ctx.db, filter, { offset, limit: pageSize }), countAuditRows(ctx.db, filter)]);
  return { items: await toEntries(ctx, rows), total, page, pageSize };
}

const HEADERS: Record<Locale, Record<'time' | 'login' | 'name' | 'role' | 'action' | 'entityType' | 'entityId' | 'object' | 'before' | 'after' | 'ip', string>> = {
  'zh-TW': {
    time: '時間',
    login: '帳號',
    name: '姓名',
    role: '角色',
    action: '動作',
    entityType: '物件類型',
    entityId: '物件 ID',
    object: '物件',
    before: '修改前',
    after: '修改後',
    ip: 'IP 位址',
  },
  en: {
    time: 'Time',
    login: 'Login',
    name: 'Name',
    role: 'Role',
    action: 'Action',
    entityType: 'Object type',
    entityId: 'Object ID',
    object: 'Object',
    before: 'Before',
    after: 'After',
    ip: 'IP address',
  },
};

/** "2026-03-09 14:05:00" in the agency's zone: the time officers read on the page. */
function agencyTime(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}:${p('second')}`;
}

const json = (value: unknown): string => (value === null || value === undefined ? '' : JSON.stringify(value));

/**
 * The same filter as CSV, newest first, at most AUDIT_EXPORT_MAX_ROWS rows (a wider range is cut
 * there; the caller narrows the filter for the rest). Every text cell is neutralised by toCsv.
 */
export async function exportAuditLogCsv(ctx: ServiceContext, actor: Actor, query: AuditExportQuery, locale: Locale): Promise<string> {
  assertCanRead(actor);
  const rows = await toEntries(ctx, await listAuditRows(ctx.db, filterOf(ctx, query), { offset: 0, limit: AUDIT_EXPORT_MAX_ROWS }));
  const h = HEADERS[locale];
  const table: Table<AuditEntryResponse> = {
    sheet: 'audit',
    columns: [
      { header: h.time, value: (r) => agencyTime(r.createdAt, ctx.timeZone) },
      { header: h.login, value: (r) => r.actor?.loginName ?? '' },
      { header: h.name, value: (r) => r.actor?.displayName ?? '' },
      { header: h.role, value: (r) => r.actor?.role ?? '' },
      { header: h.action, value: (r) => r.action },
      { header: h.entityType, value: (r) => r.entityType },
      { header: h.entityId, value: (r) => r.entityId },
      { header: h.object, value: (r) => r.entityLabel },
      { header: h.before, value: (r) => json(r.before) },
      { header: h.after, value: (r) => json(r.after) },
      { header: h.ip, value: (r) => r.ip },
    ],
    rows,
  };
  return toCsv(table);
}
