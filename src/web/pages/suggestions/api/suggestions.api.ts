import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  SuggestionDetail,
  suggestionDraftSchema,
  suggestionEditSchema,
  suggestionPageSchema,
  suggestionQuerySchema,
} from '../../../../shared/schemas/suggestions.js';
import { isApiError } from '../../../api/api-error.js';
import { api } from '../../../api/client.js';

export type SuggestionPage = z.infer<typeof suggestionPageSchema>;
export type SuggestionDraftInput = z.input<typeof suggestionDraftSchema>;
export type SuggestionEditInput = z.input<typeof suggestionEditSchema> & { version: number };
/** The list's query as the API takes it: `status` is a comma-separated list. */
export type SuggestionListQuery = Partial<
  Omit<z.input<typeof suggestionQuerySchema>, 'page' | 'pageSize'>
> & {
  page?: number;
  pageSize?: number;
};

/** Every query about suggestions starts with this key, so one invalidation refreshes them all. */
export const suggestionsKey = 'suggestions';
export const suggestionPath = (id: string) => `/suggestions/${encodeURIComponent(id)}`;

/** After any change to an item: its detail, every list, the unit inboxes and the counters. */
export function refreshAfterChange(queryClient: QueryClient, detail?: SuggestionDetail): Promise<unknown> {
  if (detail) queryClient.setQueryData([suggestionsKey, 'detail', detail.id], detail);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: [suggestionsKey] }),
    queryClient.invalidateQueries({ queryKey: ['assignments'] }),
    queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  ]);
}

/** Someone else acted first (optimistic concurrency): the caller says so and reloads. */
export function isConcurrentChange(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code.endsWith('concurrent_change');
}

export function useSuggestions(query: SuggestionListQuery, enabled = true) {
  return useQuery({
    queryKey: [suggestionsKey, 'list', query],
    queryFn: () => api.get<SuggestionPage>('/suggestions', query),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Only the total of a list (for counters): one item per page. */
export function useSuggestionTotal(query: SuggestionListQuery, enabled = true) {
  const list = useSuggestions({ ...query, page: 1, pageSize: 1 }, enabled);
  return { total: list.data?.total, loading: list.isPending && enabled, error: list.error };
}

export function useSuggestion(id: string | undefined) {
  return useQuery({
    queryKey: [suggestionsKey, 'detail', id],
    queryFn: () => api.get<SuggestionDetail>(suggestionPath(id ?? '')),
    enabled: id !== undefined,
  });
}

function useDetailWrite<Input>(call: (input: Input) => Promise<SuggestionDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (detail) => refreshAfterChange(queryClient, detail),
  });
}

export const useCreateSuggestion = () =>
  useDetailWrite((input: SuggestionDraftInput) => api.post<SuggestionDetail>('/suggestions', input));

export const useEditSuggestion = () =>
  useDetailWrite(({ id, input }: { id: string; input: SuggestionEditInput }) =>
    api.patch<SuggestionDetail>(suggestionPath(id), input),
  );

export interface ActionRequest {
  id: string;
  action: string;
  /** The item's version the user saw: the server refuses the action if it has moved since. */
  version: number;
  input?: Record<string, unknown>;
}

/** One step of the workflow (submit, withdraw, review_*, assign). */
export const useSuggestionAction = () =>
  useDetailWrite(({ id, action, version, input }: ActionRequest) =>
    api.post<SuggestionDetail>(`${suggestionPath(id)}/actions/${encodeURIComponent(action)}`, {
      ...input,
      version,
    }),
  );

export const useInviteSigners = () =>
  useDetailWrite(({ id, deputyIds }: { id: string; deputyIds: string[] }) =>
    api.post<SuggestionDetail>(`${suggestionPath(id)}/signers`, { deputyIds }),
  );

export const useRespondSigner = () =>
  useDetailWrite(({ id, accept }: { id: string; accept: boolean }) =>
    api.post<SuggestionDetail>(`${suggestionPath(id)}/signers/respond`, { accept }),
  );

export const useRemoveSigner = () =>
  useDetailWrite(({ id, deputyId }: { id: string; deputyId: string }) =>
    api.delete<SuggestionDetail>(`${suggestionPath(id)}/signers/${encodeURIComponent(deputyId)}`),
  );
