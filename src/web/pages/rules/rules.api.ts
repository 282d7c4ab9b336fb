import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RuleProfileView } from '../../../shared/schemas/bodies.js';
import type { RuleProfile } from '../../../shared/schemas/settings.js';
import { api } from '../../api/client.js';

const key = (bodyId: string) => ['rule-profile', bodyId] as const;
const path = (bodyId: string) => `/bodies/${encodeURIComponent(bodyId)}/rule-profile`;

/** The effective rule profile of a body and where it comes from. */
export function useRuleProfile(bodyId: string | null) {
  return useQuery({
    queryKey: key(bodyId ?? ''),
    queryFn: () => api.get<RuleProfileView>(path(bodyId ?? '')),
    enabled: bodyId !== null,
  });
}

/** Saving or resetting one body changes what its descendants inherit: refetch them all. */
function useProfileMutation<Input>(call: (input: Input) => Promise<RuleProfileView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      queryClient.setQueryData(key(view.bodyId), view);
      return queryClient.invalidateQueries({ queryKey: ['rule-profile'] });
    },
  });
}

export const useSaveRuleProfile = () =>
  useProfileMutation(({ bodyId, settings }: { bodyId: string; settings: RuleProfile }) =>
    api.put<RuleProfileView>(path(bodyId), settings),
  );

export const useResetRuleProfile = () =>
  useProfileMutation((bodyId: string) => api.delete<RuleProfileView>(path(bodyId)));
