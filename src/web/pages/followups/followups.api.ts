import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  followupDetailSchema,
  followupPageSchema,
  FollowupQuery,
  followupRatesSchema,
  progressInputSchema,
} from '../../../shared/schemas/followups.js';
import { api } from '../../api/client.js';

export type FollowupPage = z.infer<typeof followupPageSchema>;
export type FollowupDetail = z.infer<typeof followupDetailSchema>;
export type FollowupRates = z.infer<typeof followupRatesSchema>;
export type FollowupProgressInput = z.infer<typeof progressInputSchema>;
export type FollowupFilters = Partial<Pick<FollowupQuery, 'year' | 'open' | 'termId' | 'unitId'>>;

const key = 'followups';
const path = (id: string) => `/followups/${encodeURIComponent(id)}`;

/** The ledger of a body: a year's promises (with open ones carried over), or open ones of a term. */
export function useFollowups(
  bodyId: string | null,
  filters: FollowupFilters,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: [key, 'list', bodyId, filters, page, pageSize],
    queryFn: () => api.get<FollowupPage>('/followups', { bodyId: bodyId ?? '', ...filters, page, pageSize }),
    enabled: bodyId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useFollowupRates(bodyId: string | null, year: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [key, 'rates', bodyId, year],
    queryFn: () => api.get<FollowupRates>('/followups/rates', { bodyId: bodyId ?? '', year }),
    enabled: enabled && bodyId !== null,
  });
}

export const useFollowup = (id: string | undefined) =>
  useQuery({
    queryKey: [key, 'detail', id],
    queryFn: () => api.get<FollowupDetail>(path(id ?? '')),
    enabled: id !== undefined,
  });

function useFollowupWrite<Input>(call: (input: Input) => Promise<FollowupDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (detail) => {
      queryClient.setQueryData([key, 'detail', detail.id], detail);
      return queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}

export const useAddFollowupProgress = () =>
  useFollowupWrite(({ id, input }: { id: string; input: FollowupProgressInput }) =>
    api.post<FollowupDetail>(`${path(id)}/progress`, input),
  );

export const useFollowupAction = () =>
  useFollowupWrite(
    ({ id, action, input }: { id: string; action: 'fulfil' | 'reopen'; input: Record<string, unknown> }) =>
      api.post<FollowupDetail>(`${path(id)}/actions/${action}`, input),
  );
