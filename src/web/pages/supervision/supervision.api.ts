import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  activityInputSchema,
  boardItemSchema,
  overviewPageSchema,
  OverviewQuery,
  Rectification,
  satisfactionSchema,
  supervisionDetailSchema,
  unitProgressInputSchema,
} from '../../../shared/schemas/supervision.js';
import { api } from '../../api/client.js';

export type BoardItem = z.infer<typeof boardItemSchema>;
export type SupervisionDetail = z.infer<typeof supervisionDetailSchema>;
export type OverviewPage = z.infer<typeof overviewPageSchema>;
export type ActivityInput = z.infer<typeof activityInputSchema>;
export type ProgressInput = z.infer<typeof unitProgressInputSchema>;
export type Satisfaction = z.infer<typeof satisfactionSchema>;
export type OverviewFilters = Partial<Omit<OverviewQuery, 'bodyId' | 'page' | 'pageSize'>>;

const key = 'supervision';
const itemPath = (id: string) => `/supervision/items/${encodeURIComponent(id)}`;

/** The signed-in leader's own key items (领办 / 督办). */
export const useBoard = () =>
  useQuery({ queryKey: [key, 'board'], queryFn: () => api.get<BoardItem[]>('/supervision/board') });

/** Every item of a body with its stage, days left and warnings (offices). */
export function useOverview(bodyId: string | null, filters: OverviewFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [key, 'overview', bodyId, filters, page, pageSize],
    queryFn: () =>
      api.get<OverviewPage>('/supervision/overview', { bodyId: bodyId ?? '', ...filters, page, pageSize }),
    enabled: bodyId !== null,
    placeholderData: keepPreviousData,
  });
}

export const useSupervisionItem = (id: string | undefined) =>
  useQuery({
    queryKey: [key, 'item', id],
    queryFn: () => api.get<SupervisionDetail>(itemPath(id ?? '')),
    enabled: id !== undefined,
  });

function useSupervisionWrite<Input, Output>(call: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [key] }),
  });
}

export const useRecordActivity = () =>
  useSupervisionWrite(({ id, input }: { id: string; input: ActivityInput }) =>
    api.post<SupervisionDetail>(`${itemPath(id)}/activities`, input),
  );

export const useReportProgress = () =>
  useSupervisionWrite(({ id, input }: { id: string; input: ProgressInput }) =>
    api.post<SupervisionDetail>(`${itemPath(id)}/progress`, input),
  );

export const useRemind = () =>
  useSupervisionWrite(({ id, input }: { id: string; input: { unitIds?: string[]; note: string } }) =>
    api.post<{ reminded: number }>(`${itemPath(id)}/remind`, input),
  );

// Rectification tasks (整改) of units whose satisfaction fell below the threshold.

export function useRectifications(bodyId: string | null, year: number | undefined) {
  return useQuery({
    queryKey: [key, 'rectifications', bodyId, year],
    queryFn: () => api.get<Rectification[]>('/supervision/rectifications', { bodyId: bodyId ?? '', year }),
    enabled: bodyId !== null,
  });
}

export function useSatisfaction(bodyId: string | null, year: number, enabled: boolean) {
  return useQuery({
    queryKey: [key, 'satisfaction', bodyId, year],
    queryFn: () => api.get<Satisfaction>('/supervision/satisfaction', { bodyId: bodyId ?? '', year }),
    enabled: enabled && bodyId !== null,
  });
}

export const useCreateRectifications = () =>
  useSupervisionWrite((input: { bodyId: string; year: number }) =>
    api.post<{ created: Rectification[]; existing: number }>('/supervision/rectifications', input),
  );

export type RectificationAction = 'submit' | 'accept' | 'return';
export const useRectificationAction = () =>
  useSupervisionWrite(
    ({ id, action, input }: { id: string; action: RectificationAction; input: Record<string, unknown> }) =>
      api.post<Rectification>(
        `/supervision/rectifications/${encodeURIComponent(id)}/actions/${action}`,
        input,
      ),
  );
