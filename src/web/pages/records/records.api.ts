import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HandlingRecord, RecordListItem } from '../../../shared/schemas/records.js';
import { api, apiUrl } from '../../api/client.js';
import { refreshAfterChange, suggestionPath, suggestionsKey } from '../suggestions/api/suggestions.api.js';

export type RecordAction = 'sign_deputy' | 'sign_unit' | 'sign_government' | 'return' | 'reopen';
export interface RecordListPage {
  items: RecordListItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** The item's handling record (全程纪实表); under the suggestions key, so item changes refetch it. */
export function useHandlingRecord(suggestionId: string, enabled = true) {
  return useQuery({
    queryKey: [suggestionsKey, 'record', suggestionId],
    queryFn: () => api.get<HandlingRecord>(`${suggestionPath(suggestionId)}/record`),
    enabled,
  });
}

/** Closed items of a body with their record's signatures (`missing`: only those still unsigned). */
export function useRecordList(
  query: { bodyId: string | null; missing: boolean; page: number; pageSize: number },
  enabled = true,
) {
  return useQuery({
    queryKey: [suggestionsKey, 'records', query],
    queryFn: () =>
      api.get<RecordListPage>('/records', {
        bodyId: query.bodyId ?? '',
        missing: query.missing,
        page: query.page,
        pageSize: query.pageSize,
      }),
    enabled: enabled && query.bodyId !== null,
    placeholderData: keepPreviousData,
  });
}

/** Sign, return for re-handling or reopen; the item and every list refresh afterwards. */
export function useRecordAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      action,
      input,
    }: {
      id: string;
      action: RecordAction;
      input: Record<string, unknown>;
    }) => api.post<HandlingRecord>(`${suggestionPath(id)}/record/actions/${action}`, input),
    onSuccess: async (record) => {
      queryClient.setQueryData([suggestionsKey, 'record', record.suggestionId], record);
      await refreshAfterChange(queryClient);
    },
  });
}

/** Download addresses (the session cookie goes along with a plain link). */
export const recordFileUrl = (suggestionId: string, ext: 'pdf' | 'docx') =>
  apiUrl(`${suggestionPath(suggestionId)}/record.${ext}`);
