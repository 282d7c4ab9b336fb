import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  publicBodySchema,
  publicCategorySchema,
  PublicSuggestionDetail,
  publicSuggestionPageSchema,
  PublicSuggestionQuery,
  publicSessionSchema,
  publicUnitSchema,
} from '../../../shared/schemas/portal.js';
import { api } from '../../api/client.js';

export type PublicBody = z.infer<typeof publicBodySchema>;
export type PublicSuggestionPage = z.infer<typeof publicSuggestionPageSchema>;
export type PortalFilters = Partial<Pick<PublicSuggestionQuery, 'sessionId' | 'categoryId' | 'unitId' | 'q'>>;

const key = 'public-suggestions';

export const usePublicBodies = () =>
  useQuery({
    queryKey: [key, 'bodies'],
    queryFn: () => api.get<PublicBody[]>('/public/bodies'),
    staleTime: 5 * 60_000,
  });

/** The disclosed items of a body; `q` searches titles (full-text search may replace it later). */
export function usePublicSuggestions(
  bodyId: string | null,
  filters: PortalFilters,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: [key, 'list', bodyId, filters, page, pageSize],
    queryFn: () =>
      api.get<PublicSuggestionPage>('/public/suggestions', {
        bodyId: bodyId ?? '',
        ...filters,
        page,
        pageSize,
      }),
    enabled: bodyId !== null,
    placeholderData: keepPreviousData,
  });
}

export const usePublicSuggestion = (id: string | undefined) =>
  useQuery({
    queryKey: [key, 'detail', id],
    queryFn: () => api.get<PublicSuggestionDetail>(`/public/suggestions/${encodeURIComponent(id ?? '')}`),
    enabled: id !== undefined,
    retry: false,
  });

function useBodyList<Item>(what: 'sessions' | 'categories' | 'units', bodyId: string | null) {
  return useQuery({
    queryKey: [key, what, bodyId],
    queryFn: () => api.get<Item[]>(`/public/${what}`, { bodyId: bodyId ?? '' }),
    enabled: bodyId !== null,
    staleTime: 5 * 60_000,
  });
}
export const usePublicSessions = (bodyId: string | null) =>
  useBodyList<z.infer<typeof publicSessionSchema>>('sessions', bodyId);
export const usePublicCategories = (bodyId: string | null) =>
  useBodyList<z.infer<typeof publicCategorySchema>>('categories', bodyId);
export const usePublicUnits = (bodyId: string | null) =>
  useBodyList<z.infer<typeof publicUnitSchema>>('units', bodyId);
