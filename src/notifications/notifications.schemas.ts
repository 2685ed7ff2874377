import { Type, type Static } from 'typebox';
import { MAX_PAGE, MAX_PAGE_SIZE, PageOf, Uuid } from '../shared/common.schemas.js';

/** Browser-safe: the API of the notification list (types for the web app). */

export const NotificationListQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1, description: `Page number, 1 to ${MAX_PAGE}` })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 10, description: `Rows per page, 1 to ${MAX_PAGE_SIZE}` })),
    unread: Type.Optional(Type.Boolean({ description: 'Only the unread ones' })),
  },
  { additionalProperties: false },
);
export type NotificationListQuery = Static<typeof NotificationListQuery>;

export const NotificationResponse = Type.Object({
  id: Uuid,
  kind: Type.String({ description: 'What happened: album.submitted, album.returned, …' }),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), { description: 'The plain values the text is made of (title, album number, reason, …)' }),
  message: Type.String({ description: 'One line, in the language asked for by Accept-Language' }),
  entityType: Type.String({ description: 'album, application or changeRequest' }),
  entityId: Type.String(),
  path: Type.String({ description: "The web app's page of the object, for this reader (e.g. /albums/{id} or /review/{id})" }),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type NotificationResponse = Static<typeof NotificationResponse>;

export const NotificationPage = PageOf(NotificationResponse);
export type NotificationPage = Static<typeof NotificationPage>;

export const UnreadCountResponse = Type.Object({ unread: Type.Integer({ minimum: 0 }) });
export type UnreadCountResponse = Static<typeof UnreadCountResponse>;

export const ReadAllResponse = Type.Object({ marked: Type.Integer({ minimum: 0 }), unread: Type.Integer({ minimum: 0 }) });
export type ReadAllResponse = Static<typeof ReadAllResponse>;
