import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DictionaryWordInput,
  Recommendations,
  SearchPage,
  SimilarList,
  dictionaryListSchema,
  dictionaryWordSchema,
  rebuildResultSchema,
  searchQuerySchema,
} from '../../../shared/schemas/search.js';
import { api } from '../../api/client.js';

/** The search's query as the API takes it (`kinds` and `status` comma-separated). */
export type SearchParams = Partial<z.input<typeof searchQuerySchema>> & {
  q: string;
  page: number;
  pageSize: number;
};
export type DictionaryList = z.infer<typeof dictionaryListSchema>;
export type DictionaryWord = z.infer<typeof dictionaryWordSchema>;
export type RebuildResult = z.infer<typeof rebuildResultSchema>;

export function useSearch(params: SearchParams) {
  return useQuery({
    queryKey: ['search', params],
    queryFn: () => api.get<SearchPage>('/search', params),
    enabled: params.q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export interface SimilarDraft {
  title: string;
  text: string;
  bodyId: string;
  includeLevels?: 'none' | 'above' | 'below' | 'both';
}

/** Similar suggestions of a text being drafted (asked once it has a few words). */
export function useSimilarToText(draft: SimilarDraft) {
  const enough = `${draft.title}${draft.text}`.trim().length >= 6 && draft.bodyId !== '';
  return useQuery({
    queryKey: ['suggestions', 'similar', draft],
    queryFn: () => api.get<SimilarList>('/suggestions/similar', { ...draft }),
    enabled: enough,
    placeholderData: keepPreviousData,
  });
}

export function useSimilarToItem(id: string, includeLevels: SimilarDraft['includeLevels'] = 'none') {
  return useQuery({
    queryKey: ['suggestions', 'similar', id, includeLevels],
    queryFn: () => api.get<SimilarList>(`/suggestions/${encodeURIComponent(id)}/similar`, { includeLevels }),
  });
}

export function useRecommendations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['suggestions', 'recommendations', id],
    queryFn: () => api.get<Recommendations>(`/suggestions/${encodeURIComponent(id)}/recommendations`),
    enabled,
  });
}

export function useDictionary(enabled: boolean) {
  return useQuery({
    queryKey: ['search', 'dictionary'],
    queryFn: () => api.get<DictionaryList>('/search/dictionary'),
    enabled,
  });
}

export function useDictionaryMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['search'] });
  return {
    add: useMutation({
      mutationFn: (input: DictionaryWordInput) => api.post<DictionaryWord>('/search/dictionary', input),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete<{ ok: true }>(`/search/dictionary/${encodeURIComponent(id)}`),
      onSuccess: refresh,
    }),
    rebuild: useMutation({
      mutationFn: () => api.post<RebuildResult>('/search/rebuild', {}),
      onSuccess: refresh,
    }),
  };
}
