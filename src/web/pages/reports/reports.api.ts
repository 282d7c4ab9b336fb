import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AppraisalResult,
  AppraisalSettings,
  AppraisalSettingsView,
  UnitAppraisalDetail,
} from '../../../shared/schemas/appraisal.js';
import type { ExportRequestInput, ExportView } from '../../../shared/schemas/exports.js';
import { api } from '../../api/client.js';

/** A session or a year (the appraisal's and the unit report's scope). */
export type AppraisalScope = { sessionId: string } | { year: number };

export function useAppraisal(bodyId: string | null, scope: AppraisalScope | null) {
  return useQuery({
    queryKey: ['appraisal', bodyId, scope],
    queryFn: () => api.get<AppraisalResult>('/stats/appraisal', { bodyId: bodyId ?? '', ...scope }),
    enabled: bodyId !== null && scope !== null,
    placeholderData: keepPreviousData,
  });
}

export function useUnitAppraisal(
  unitId: string | undefined,
  bodyId: string | null,
  scope: AppraisalScope | null,
) {
  return useQuery({
    queryKey: ['appraisal', 'unit', unitId, bodyId, scope],
    queryFn: () =>
      api.get<UnitAppraisalDetail>(`/stats/appraisal/${encodeURIComponent(unitId ?? '')}`, {
        bodyId: bodyId ?? '',
        ...scope,
      }),
    enabled: unitId !== undefined && bodyId !== null && scope !== null,
  });
}

export function useAppraisalSettings(bodyId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['appraisal', 'settings', bodyId],
    queryFn: () => api.get<AppraisalSettingsView>('/stats/appraisal/settings', { bodyId: bodyId ?? '' }),
    enabled: enabled && bodyId !== null,
  });
}

export function useSaveAppraisalSettings(bodyId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: AppraisalSettings) =>
      api.put<AppraisalSettingsView>(
        `/stats/appraisal/settings?bodyId=${encodeURIComponent(bodyId ?? '')}`,
        settings,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['appraisal'] }),
  });
}

const running = (view: ExportView) => view.status === 'queued' || view.status === 'running';

/** My exports; polled every 1.5 s while one of them is still being generated. */
export function useMyExports() {
  return useQuery({
    queryKey: ['exports', 'mine'],
    queryFn: () => api.get<{ items: ExportView[] }>('/exports'),
    refetchInterval: (query) => (query.state.data?.items.some(running) ? 1500 : false),
  });
}

export function useStartExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ExportRequestInput) => api.post<ExportView>('/exports', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['exports'] }),
  });
}
