import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  keyConfirmSchema,
  SuggestionDetail,
  SuggestionSummary,
} from '../../../../shared/schemas/suggestions.js';
import { api } from '../../../api/client.js';
import { refreshAfterChange, suggestionPath, suggestionsKey } from './suggestions.api.js';

export type KeyConfirmInput = z.input<typeof keyConfirmSchema>;

/** Who decides key suggestions: the chairpersons' council, prepared by the office. */
export const keyDeciders = ['leader', 'office_staff', 'admin'] as const;

/** Items the body's rule proposes as key suggestions (e.g. ≥ 10 signers). */
export function useKeyCandidates(bodyId: string | null, sessionId: string | undefined) {
  return useQuery({
    queryKey: [suggestionsKey, 'key-candidates', bodyId, sessionId],
    queryFn: () =>
      api.get<{ minSigners: number; items: SuggestionSummary[] }>('/key-suggestions/candidates', {
        bodyId,
        sessionId,
      }),
    enabled: bodyId !== null,
  });
}

function useKeyWrite<Input, Output>(call: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => refreshAfterChange(queryClient) });
}

export const useConfirmKey = () =>
  useKeyWrite(({ id, input }: { id: string; input: KeyConfirmInput }) =>
    api.put<SuggestionDetail>(`${suggestionPath(id)}/key`, input),
  );

export const useUnmarkKey = () =>
  useKeyWrite((id: string) => api.delete<SuggestionDetail>(`${suggestionPath(id)}/key`));

export const usePublishKey = () =>
  useKeyWrite((input: { bodyId: string; sessionId?: string }) =>
    api.post<{ published: number }>('/key-suggestions/publish', input),
  );
