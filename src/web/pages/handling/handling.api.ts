import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  contactInputSchema,
  planSchema,
  RatingInput,
  Reply,
  ReplyDraft,
} from '../../../shared/schemas/handling.js';
import type { SuggestionDetail } from '../../../shared/schemas/suggestions.js';
import { isApiError } from '../../api/api-error.js';
import { api, apiUrl } from '../../api/client.js';
import { refreshAfterChange, suggestionPath, suggestionsKey } from '../suggestions/api/suggestions.api.js';

export type PlanInput = z.infer<typeof planSchema>;
export type ContactInput = z.infer<typeof contactInputSchema>;

const assignmentPath = (id: string) => `/assignments/${encodeURIComponent(id)}`;

/** The item's replies; under the suggestions key, so every change to the item refetches them. */
export function useReplies(suggestionId: string) {
  return useQuery({
    queryKey: [suggestionsKey, 'replies', suggestionId],
    queryFn: () => api.get<Reply[]>(`${suggestionPath(suggestionId)}/replies`),
  });
}

/** Download addresses (the session cookie goes along with a plain link). */
export const replyFileUrl = (suggestionId: string, replyId: string, ext: 'pdf' | 'docx') =>
  apiUrl(`${suggestionPath(suggestionId)}/replies/${encodeURIComponent(replyId)}.${ext}`);
export const recordUrl = (suggestionId: string) => apiUrl(`${suggestionPath(suggestionId)}/record.pdf`);

/** Any write about the item: refetch its detail (same key as the detail page), lists, replies, actions. */
function useHandlingWrite<Input, Output>(call: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (output) => refreshAfterChange(queryClient, isDetail(output) ? output : undefined),
  });
}

function isDetail(value: unknown): value is SuggestionDetail {
  return typeof value === 'object' && value !== null && 'allowedActions' in value && 'assignments' in value;
}

export const useSavePlan = () =>
  useHandlingWrite(({ id, input }: { id: string; input: PlanInput }) =>
    api.put<{ ok: true }>(`${assignmentPath(id)}/plan`, input),
  );

export const useAddContact = () =>
  useHandlingWrite(({ id, input }: { id: string; input: ContactInput }) =>
    api.post<{ ok: true }>(`${assignmentPath(id)}/contacts`, input),
  );

export const useSaveReply = () =>
  useHandlingWrite(({ id, input }: { id: string; input: ReplyDraft }) =>
    api.put<Reply>(`${assignmentPath(id)}/reply`, input),
  );

export const useSignReply = () =>
  useHandlingWrite(({ id, version }: { id: string; version: number }) =>
    api.post<Reply>(`/replies/${encodeURIComponent(id)}/sign`, { version }),
  );

export type HandlingAction =
  'submit_opinion' | 'request_extension' | 'approve_extension' | 'refuse_extension';

/** A handling step of one assignment (协办意见, 延期申请 and its decision). */
export const useHandlingAction = () =>
  useHandlingWrite(
    ({ id, action, input }: { id: string; action: HandlingAction; input: Record<string, unknown> }) =>
      api.post<SuggestionDetail>(`${assignmentPath(id)}/actions/${action}`, input),
  );

/** The lead deputy's rating, against the version of the item they saw. */
export const useRate = () =>
  useHandlingWrite(({ id, version, input }: { id: string; version: number; input: RatingInput }) =>
    api.post<SuggestionDetail>(`${suggestionPath(id)}/actions/rate`, { ...input, version }),
  );

/** The lead unit cannot send before its co-units have given their opinions (or their time ran out). */
export function isWaitingForCoUnits(error: unknown): boolean {
  return isApiError(error) && error.code.includes('waiting_for_co_units');
}
