import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  NotificationPage,
  NotificationResponse,
  ReadAllResponse,
  UnreadCountResponse,
} from '../../../../src/notifications/notifications.schemas.js';
import type { Language } from '../../lib/language';
import { apiRequest, api } from '../../lib/api-client';

export const PAGE_SIZE = 10;
/** How often the header asks for the unread count. */
export const UNREAD_POLL_MS = 60_000;

export interface NotificationFilter {
  page: number;
  unreadOnly: boolean;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  // The server writes each line in the UI language: a switch asks again.
  list: (filter: NotificationFilter, language: string) => ['notifications', 'list', filter, language] as const,
};

/** The unread count in the header, asked again every minute (not while the password must be changed: the server refuses). */
export function useUnreadCount(enabled = true) {
  return useQuery({
    enabled,
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api.get<UnreadCountResponse>('/notifications/unread-count', undefined, signal),
    refetchInterval: UNREAD_POLL_MS,
    staleTime: 0,
    select: (data) => data.unread,
  });
}

export function useNotifications(filter: NotificationFilter) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: notificationKeys.list(filter, i18n.language),
    queryFn: ({ signal }) =>
      api.get<NotificationPage>('/notifications', { page: filter.page, pageSize: PAGE_SIZE, ...(filter.unreadOnly ? { unread: true } : {}) }, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<NotificationResponse>(`/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ReadAllResponse>('/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** Tells the server the language of my e-mails (the language switch, when signed in). Best effort: the switch works anyway. */
export function saveEmailLanguage(language: Language): Promise<void> {
  return apiRequest<undefined>('/auth/me/locale', { method: 'PUT', body: { locale: language } }).then(
    () => undefined,
    () => undefined,
  );
}
