import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Period } from '../../../../shared/schemas/settings.js';
import type {
  actionAvailabilitySchema,
  assignmentBatchResultSchema,
  assignmentBatchSchema,
  AssignmentStatus,
  inboxPageSchema,
  SuggestionDetail,
} from '../../../../shared/schemas/suggestions.js';
import { api } from '../../../api/client.js';
import { fetchDeadline } from '../../calendar/calendar.api.js';
import { refreshAfterChange } from './suggestions.api.js';

export type InboxPage = z.infer<typeof inboxPageSchema>;
export type InboxItem = InboxPage['items'][number];
export type ActionAvailability = z.infer<typeof actionAvailabilitySchema>;
export type AssignmentBatchInput = z.input<typeof assignmentBatchSchema>;
export type AssignmentBatchResult = z.infer<typeof assignmentBatchResultSchema>;

export interface InboxQuery {
  /** `open` (the server's default): still needs the unit; `done`: replied or opinion given. */
  state?: 'open' | 'done' | 'all';
  status?: AssignmentStatus;
  overdue?: 'true';
  page: number;
  pageSize: number;
}

const assignmentsKey = 'assignments';
const assignmentPath = (id: string) => `/assignments/${encodeURIComponent(id)}`;

/** The unit's own assignments, soonest deadline first. */
export function useInbox(query: InboxQuery, enabled = true) {
  return useQuery({
    queryKey: [assignmentsKey, 'inbox', query],
    queryFn: () => api.get<InboxPage>('/assignments/inbox', { ...query }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** What the user may do with one assignment now, and why not. */
export function useAssignmentActions(id: string, enabled = true) {
  return useQuery({
    queryKey: [assignmentsKey, 'actions', id],
    queryFn: () => api.get<ActionAvailability[]>(`${assignmentPath(id)}/actions`),
    enabled,
  });
}

export interface AssignmentActionRequest {
  id: string;
  action: 'receive' | 'request_adjustment' | 'approve_adjustment' | 'refuse_adjustment';
  input?: Record<string, unknown>;
}

export function useAssignmentAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, input }: AssignmentActionRequest) =>
      api.post<SuggestionDetail>(`${assignmentPath(id)}/actions/${action}`, input ?? {}),
    onSuccess: (detail) => refreshAfterChange(queryClient, detail),
  });
}

/** An assignment meeting (交办会): all items or none. */
export function useAssignmentBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignmentBatchInput) =>
      api.post<AssignmentBatchResult>('/assignment-batches', input),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

/** The reply deadline an assignment on `from` would get (statutory counting, rest days moved). */
export function useDeadlinePreview(from: string | null, period: Period | undefined) {
  return useQuery({
    queryKey: ['calendar', 'deadline', from, period],
    queryFn: () => fetchDeadline(from ?? '', period ?? { amount: 3, unit: 'months' }),
    enabled: from !== null && period !== undefined,
  });
}
