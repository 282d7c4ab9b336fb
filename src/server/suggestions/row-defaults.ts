import type { AssignmentRow, SuggestionRow } from '../db/schema.js';

/** Columns of a new suggestion that only later stages fill (handling, reply, rating, closing). */
export const laterSuggestionColumns: Pick<
  SuggestionRow,
  'replied_at' | 'feedback_due_on' | 'handling_round' | 'closed_at' | 'close_reason' | 'escalated'
> = {
  replied_at: null,
  feedback_due_on: null,
  handling_round: 1,
  closed_at: null,
  close_reason: null,
  escalated: 0,
};

/** Columns of a new assignment that only handling fills (plan, opinion, extension, reply). */
export const laterAssignmentColumns: Pick<
  AssignmentRow,
  | 'handler_name'
  | 'handler_phone'
  | 'plan'
  | 'planned_finish_on'
  | 'opinion'
  | 'opinion_at'
  | 'extension_status'
  | 'extension_reason'
  | 'extension_requested_due_on'
  | 'extension_note'
  | 'replied_at'
> = {
  handler_name: null,
  handler_phone: null,
  plan: null,
  planned_finish_on: null,
  opinion: null,
  opinion_at: null,
  extension_status: null,
  extension_reason: null,
  extension_requested_due_on: null,
  extension_note: null,
  replied_at: null,
};
