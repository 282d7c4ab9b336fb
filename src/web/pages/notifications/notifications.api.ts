import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { notificationPageSchema } from '../../../shared/schemas/notifications.js';
import { api } from '../../api/client.js';

export type NotificationPage = z.infer<typeof notificationPageSchema>;
export type Notification = NotificationPage['items'][number];

const notificationsKey = 'notifications';
/** How often the bell asks for the unread count. */
export const unreadPollMs = 60_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: [notificationsKey, 'unread-count'],
    queryFn: () => api.get<{ unread: number }>('/notifications/unread-count'),
    refetchInterval: unreadPollMs,
    refetchIntervalInBackground: false,
    staleTime: 10_000,
  });
}

export function useNotifications(
  query: { unread?: 'true'; page: number; pageSize: number },
  enabled: boolean,
) {
  return useQuery({
    queryKey: [notificationsKey, 'list', query],
    queryFn: () => api.get<NotificationPage>('/notifications', query),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') => api.post<{ updated: number }>('/notifications/read', { ids }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [notificationsKey] }),
  });
}
