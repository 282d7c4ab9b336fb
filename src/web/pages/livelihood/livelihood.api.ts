import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  candidateInputSchema,
  Nomination,
  NominationStatus,
  planInputSchema,
  ProgressInput,
  ProjectDetail,
  ProjectSummary,
  PublicRound,
  RoundCreateInput,
  RoundDetail,
  RoundSummary,
  ScreeningInput,
  SupervisorsInput,
} from '../../../shared/schemas/livelihood.js';
import { api, failureOf, fetchRaw } from '../../api/client.js';

export type CandidateFormInput = z.input<typeof candidateInputSchema>;
export type PlanFormInput = z.input<typeof planInputSchema>;

/** Who runs rounds (the server checks the same). */
export const livelihoodManagers = ['admin', 'office_staff'] as const;
const key = 'livelihood';
const root = '/livelihood-projects';

/** 万元 in the forms, integer fen in the API. */
export const fenFromWan = (wan: number) => Math.round(wan * 1_000_000);
export const wanFromFen = (fen: number) => Math.round(fen / 100) / 10_000;
export const formatWan = (fen: number) =>
  `${wanFromFen(fen).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;

export const useRounds = (bodyId: string | null) =>
  useQuery({
    queryKey: [key, 'rounds', bodyId],
    queryFn: () => api.get<RoundSummary[]>(`${root}/rounds`, { bodyId }),
    enabled: bodyId !== null,
  });
export const useRound = (id: string | undefined) =>
  useQuery({
    queryKey: [key, 'round', id],
    queryFn: () => api.get<RoundDetail>(`${root}/rounds/${id ?? ''}`),
    enabled: id !== undefined,
  });
export const useNominations = (roundId: string, status?: NominationStatus) =>
  useQuery({
    queryKey: [key, 'nominations', roundId, status],
    queryFn: () => api.get<Nomination[]>(`${root}/rounds/${roundId}/nominations`, { status }),
  });
export const useProject = (id: string | undefined) =>
  useQuery({
    queryKey: [key, 'project', id],
    queryFn: () => api.get<ProjectDetail>(`${root}/${id ?? ''}`),
    enabled: id !== undefined,
  });

function useWrite<Input, Output>(call: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [key] }),
        queryClient.invalidateQueries({ queryKey: ['ballots'] }),
      ]),
  });
}

export const useCreateRound = () =>
  useWrite((input: RoundCreateInput) => api.post<RoundDetail>(`${root}/rounds`, input));
export const useRoundAction = () =>
  useWrite(({ id, action, body }: { id: string; action: string; body?: object }) =>
    api.post<RoundDetail>(`${root}/rounds/${id}/actions/${action}`, body ?? {}),
  );
export const useScreen = () =>
  useWrite(({ id, input }: { id: string; input: ScreeningInput }) =>
    api.post<Nomination>(`${root}/nominations/${id}/screen`, input),
  );
export const useAddCandidate = () =>
  useWrite(({ roundId, input }: { roundId: string; input: CandidateFormInput }) =>
    api.post<ProjectSummary>(`${root}/rounds/${roundId}/candidates`, input),
  );
export const useWithdrawCandidate = () =>
  useWrite(({ id, version }: { id: string; version: number }) =>
    api.post<ProjectSummary>(`${root}/${id}/withdraw`, { version }),
  );
export const usePutPlan = () =>
  useWrite(({ id, input }: { id: string; input: PlanFormInput }) =>
    api.put<ProjectDetail>(`${root}/${id}/plan`, input),
  );
export const useAddProgress = () =>
  useWrite(({ id, input }: { id: string; input: ProgressInput }) =>
    api.post<ProjectDetail>(`${root}/${id}/progress`, input),
  );
export const usePutSupervisors = () =>
  useWrite(({ id, input }: { id: string; input: SupervisorsInput }) =>
    api.put<ProjectDetail>(`${root}/${id}/supervisors`, input),
  );

export const photoUrl = (fileId: string, published = false) =>
  published ? `/api/v1/public/livelihood-photos/${fileId}` : `/api/v1${root}/photos/${fileId}`;

/** Adds a photo to a progress report (multipart, with the session's CSRF token). */
export async function uploadProgressPhoto(progressId: string, file: File): Promise<ProjectDetail> {
  const form = new FormData();
  form.append('file', file);
  const response = await fetchRaw('POST', `${root}/progress/${progressId}/photos`, { body: form });
  if (!response.ok) throw await failureOf(response);
  return (await response.json()) as ProjectDetail;
}

export const publicRounds = () => api.get<PublicRound[]>('/public/livelihood-rounds');
export const publicRound = (id: string) => api.get<PublicRound>(`/public/livelihood-rounds/${id}`);
