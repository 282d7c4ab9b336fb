import { useQueries } from '@tanstack/react-query';
import type { SuggestionDetail } from '../../../../shared/schemas/suggestions.js';
import { api } from '../../../api/client.js';
import { suggestionPath, suggestionsKey } from './suggestions.api.js';

/**
 * Details of the items on one page of a list (their review tier, version and allowed actions are
 * not in the summaries). Shares the cache with the detail page.
 */
export function useDetailsOf(ids: readonly string[]): Map<string, SuggestionDetail> {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: [suggestionsKey, 'detail', id],
      queryFn: () => api.get<SuggestionDetail>(suggestionPath(id)),
    })),
  });
  const details = new Map<string, SuggestionDetail>();
  for (const result of results) if (result.data) details.set(result.data.id, result.data);
  return details;
}
