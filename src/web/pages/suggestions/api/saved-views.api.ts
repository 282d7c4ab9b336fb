import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SavedView, SavedViewCreate } from '../../../../shared/schemas/saved-views.js';
import { api } from '../../../api/client.js';

const key = (listKey: string) => ['saved-views', listKey] as const;

/** The user's own saved layouts of one list. */
export function useSavedViews(listKey: string) {
  return useQuery({
    queryKey: key(listKey),
    queryFn: async () => (await api.get<{ items: SavedView[] }>('/saved-views', { listKey })).items,
  });
}

export function useSavedViewMutations(listKey: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: key(listKey) });
  return {
    create: useMutation({
      mutationFn: (input: SavedViewCreate) => api.post<SavedView>('/saved-views', input),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete<{ ok: true }>(`/saved-views/${encodeURIComponent(id)}`),
      onSuccess,
    }),
  };
}
