import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DrillPage,
  DrillQuery,
  IndicatorQuery,
  IndicatorTable,
  LeaderDashboard,
  OfficeDashboard,
  Publication,
  PublicStats,
  UnitDashboard,
} from '../../../shared/schemas/stats.js';
import type { RateKey } from '../../../shared/stats-definitions.js';
import { api, apiUrl } from '../../api/client.js';
import type { QueryParams } from '../../api/client.js';

const key = 'stats';
export type IndicatorFilters = Partial<Omit<IndicatorQuery, 'bodyId'>>;
export type DrillTarget = Pick<DrillQuery, 'indicator' | 'part'> & { rowKey?: string; rowLabel: string };

const params = (bodyId: string, filters: IndicatorFilters): QueryParams => ({
  bodyId,
  ...(filters as Record<string, string | number | boolean | undefined>),
});

export function useIndicators(bodyId: string | null, filters: IndicatorFilters) {
  return useQuery({
    queryKey: [key, 'indicators', bodyId, filters],
    queryFn: () => api.get<IndicatorTable>('/stats/indicators', params(bodyId ?? '', filters)),
    enabled: bodyId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useDrill(
  bodyId: string | null,
  filters: IndicatorFilters,
  target: DrillTarget | null,
  page: number,
) {
  return useQuery({
    queryKey: [key, 'drill', bodyId, filters, target, page],
    queryFn: () =>
      api.get<DrillPage>('/stats/indicators/drill', {
        ...params(bodyId ?? '', filters),
        indicator: target?.indicator,
        part: target?.part,
        rowKey: target?.rowKey,
        page,
        pageSize: 10,
      }),
    enabled: bodyId !== null && target !== null,
    placeholderData: keepPreviousData,
  });
}

export const indicatorsXlsxUrl = (bodyId: string, filters: IndicatorFilters) =>
  apiUrl('/stats/indicators.xlsx', params(bodyId, filters));

export function useOfficeDashboard(bodyId: string | null, year?: number) {
  return useQuery({
    queryKey: [key, 'office', bodyId, year],
    queryFn: () => api.get<OfficeDashboard>('/stats/dashboard/office', { bodyId: bodyId ?? '', year }),
    enabled: bodyId !== null,
  });
}

export function useLeaderDashboard(bodyId: string | null, year?: number) {
  return useQuery({
    queryKey: [key, 'leader', bodyId, year],
    queryFn: () => api.get<LeaderDashboard>('/stats/dashboard/leader', { bodyId: bodyId ?? '', year }),
    enabled: bodyId !== null,
  });
}

export function useUnitDashboard(unitId: string | null, year?: number) {
  return useQuery({
    queryKey: [key, 'unit', unitId, year],
    queryFn: () => api.get<UnitDashboard>('/stats/dashboard/unit', { unitId: unitId ?? undefined, year }),
  });
}

export function usePublication(bodyId: string | null) {
  return useQuery({
    queryKey: [key, 'publication', bodyId],
    queryFn: () => api.get<Publication>(`/stats/publication/${encodeURIComponent(bodyId ?? '')}`),
    enabled: bodyId !== null,
  });
}

export function useSavePublication(bodyId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (indicators: RateKey[]) =>
      api.put<Publication>(`/stats/publication/${encodeURIComponent(bodyId ?? '')}`, { indicators }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [key, 'publication', bodyId] }),
  });
}

export function usePublicStats() {
  return useQuery({ queryKey: [key, 'public'], queryFn: () => api.get<PublicStats>('/public/stats') });
}
