import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DrawSampleInput,
  EvaluationCreateInput,
  EvaluationDetail,
  EvaluationSummary,
  Rectification,
  RectificationStatus,
} from '../../../shared/schemas/evaluations.js';
import { api } from '../../api/client.js';

/** Who organises evaluations (the server checks the same). */
export const evaluationManagers = ['admin', 'office_staff'] as const;
const key = 'evaluations';

export const useEvaluations = (bodyId: string | null) =>
  useQuery({
    queryKey: [key, 'list', bodyId],
    queryFn: () => api.get<EvaluationSummary[]>('/evaluations', { bodyId }),
  });
export const useEvaluation = (id: string | undefined) =>
  useQuery({
    queryKey: [key, 'one', id],
    queryFn: () => api.get<EvaluationDetail>(`/evaluations/${id ?? ''}`),
    enabled: id !== undefined,
  });
export const useRectifications = (filter: { bodyId?: string; status?: RectificationStatus }) =>
  useQuery({
    queryKey: [key, 'rectifications', filter],
    queryFn: () => api.get<Rectification[]>('/evaluations/rectifications', filter),
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

export const useCreateEvaluation = () =>
  useWrite((input: EvaluationCreateInput) => api.post<EvaluationDetail>('/evaluations', input));
export const useDrawSample = () =>
  useWrite(({ subjectId, input }: { subjectId: string; input: DrawSampleInput }) =>
    api.post<EvaluationDetail>(`/evaluations/subjects/${subjectId}/sample`, input),
  );
export const useFinding = () =>
  useWrite(({ sampleId, finding }: { sampleId: string; finding: string }) =>
    api.post<EvaluationDetail>(`/evaluations/samples/${sampleId}/finding`, { finding }),
  );
export const useRectificationAction = () =>
  useWrite(({ id, action, body }: { id: string; action: string; body: object }) =>
    api.post<Rectification>(`/evaluations/rectifications/${id}/actions/${action}`, body),
  );
