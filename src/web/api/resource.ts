import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type { QueryParams } from './client.js';

/**
 * Hooks for a plain REST collection under `/api/v1/<resource>`: list with a query, create, patch,
 * delete. Every write refetches the collection's lists. Types come from the shared schemas.
 */
export function useResourceList<Item>(resource: string, query: QueryParams, enabled = true) {
  return useQuery({
    queryKey: [resource, query],
    queryFn: () => api.get<Item>(`/${resource}`, query),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useResourceMutations<Item, CreateInput, UpdateInput>(resource: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: [resource] });
  const path = (id: string) => `/${resource}/${encodeURIComponent(id)}`;
  return {
    create: useMutation({
      mutationFn: (input: CreateInput) => api.post<Item>(`/${resource}`, input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdateInput }) => api.patch<Item>(path(id), input),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete<{ ok: true }>(path(id)),
      onSuccess,
    }),
  };
}
