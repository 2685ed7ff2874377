import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import { localeFromAcceptLanguage } from '../shared/locale.js';
import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { NotificationListQuery, NotificationPage, NotificationResponse, ReadAllResponse, UnreadCountResponse } from './notifications.schemas.js';
import { listMyNotifications, readAllNotifications, readNotification, unreadCount } from './notifications.service.js';

const tags = ['notifications'];
const errors = { 401: ErrorResponse, 404: ErrorResponse };
/** Everyone signed in reads their own notifications, an applicant too (news of their application). */
const config = { applicant: true };

/** 通知: the signed-in user's own in-app notifications. */
export function notificationsRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/notifications',
    {
      schema: { tags, summary: 'My notifications, newest first (unread=true: only the unread)', querystring: NotificationListQuery, response: { 200: NotificationPage, ...errors } },
      config,
    },
    (request) => listMyNotifications(ctx, requireActor(request), request.query, localeFromAcceptLanguage(request.headers['accept-language'])),
  );

  app.get('/notifications/unread-count', { schema: { tags, summary: 'How many of my notifications are unread', response: { 200: UnreadCountResponse, ...errors } }, config }, (request) =>
    unreadCount(ctx, requireActor(request)),
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: 'Mark one of my notifications read', params: IdParams, response: { 200: NotificationResponse, ...errors } }, config },
    (request) => readNotification(ctx, requireActor(request), request.params.id, localeFromAcceptLanguage(request.headers['accept-language'])),
  );

  app.post('/notifications/read-all', { schema: { tags, summary: 'Mark all my notifications read', response: { 200: ReadAllResponse, ...errors } }, config }, (request) =>
    readAllNotifications(ctx, requireActor(request)),
  );
}
