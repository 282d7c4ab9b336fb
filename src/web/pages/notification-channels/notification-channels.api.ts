import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  NotificationChannels,
  notificationChannelsInputSchema,
} from '../../../shared/schemas/notifications.js';
import { api } from '../../api/client.js';

export type NotificationChannelsInput = z.input<typeof notificationChannelsInputSchema>;

const channelsKey = ['settings', 'notification-channels'] as const;
const path = '/settings/notification-channels';

/** The channel settings, secrets masked (deployment administrators only). */
export const useNotificationChannels = () =>
  useQuery({ queryKey: channelsKey, queryFn: () => api.get<NotificationChannels>(path) });

export function useSaveNotificationChannels() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NotificationChannelsInput) => api.put<NotificationChannels>(path, input),
    onSuccess: (saved) => queryClient.setQueryData(channelsKey, saved),
  });
}
