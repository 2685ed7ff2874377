import type { Actor } from '../accounts/actor.js';
import type { ServiceContext } from '../db/context.js';
import { AppError } from '../shared/errors.js';
import type { Locale } from '../shared/locale.js';
import { notificationPath, notificationTitle } from './messages.js';
import { countUnread, listForUser, markAllRead, markRead, type NotificationRow } from './notifications.repo.js';
import type { NotificationListQuery, NotificationPage, NotificationResponse, ReadAllResponse, UnreadCountResponse } from './notifications.schemas.js';

function toResponse(row: NotificationRow, actor: Actor, locale: Locale): NotificationResponse {
  return {
    id: row.id,
    kind: row.kind,
    params: row.params,
    message: notificationTitle(row.kind, row.params, locale),
    entityType: row.entityType,
    entityId: row.entityId,
    path: notificationPath(row.entityType, row.entityId, actor.kind),
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt === null ? null : row.readAt.toISOString(),
  };
}

/** The signed-in user's own notifications, newest first; `unread` keeps only the unread ones. */
export async function listMyNotifications(ctx: ServiceContext, actor: Actor, query: NotificationListQuery, locale: Locale): Promise<NotificationPage> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 10;
  const { rows, total } = await listForUser(ctx.db, actor.userId, { unreadOnly: query.unread === true, limit: pageSize, offset: (page - 1) * pageSize });
  return { items: rows.map((row) => toResponse(row, actor, locale)), total, page, pageSize };
}

export async function unreadCount(ctx: ServiceContext, actor: Actor): Promise<UnreadCountResponse> {
  return { unread: await countUnread(ctx.db, actor.userId) };
}

/** Marks one of mine read; another user's id is NOT_FOUND (never confirms it exists). Not audited: it changes nothing but the reader's own view. */
export async function readNotification(ctx: ServiceContext, actor: Actor, id: string, locale: Locale): Promise<NotificationResponse> {
  const row = await markRead(ctx.db, actor.userId, id, ctx.clock.now());
  if (row === undefined) {
    throw new AppError('NOT_FOUND');
  }
  return toResponse(row, actor, locale);
}

export async function readAllNotifications(ctx: ServiceContext, actor: Actor): Promise<ReadAllResponse> {
  const marked = await markAllRead(ctx.db, actor.userId, ctx.clock.now());
  return { marked, unread: await countUnread(ctx.db, actor.userId) };
}
