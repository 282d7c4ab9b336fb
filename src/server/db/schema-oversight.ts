/**
 * Table types of the follow-up ledger and supervision (migrations `0007_followups` and
 * `0008_supervision`), kept beside `schema.ts`, whose `Database` includes them.
 */

/** A promise of a B-class reply (跟踪办理), tracked across years until fulfilled. */
export interface FollowupPromisesTable {
  id: string;
  body_id: string;
  suggestion_id: string;
  reply_id: string;
  assignment_id: string;
  unit_id: string;
  round: number;
  outcome_class: string;
  term_id: string | null;
  promise_text: string;
  target_on: string;
  entered_on: string;
  /** The year the promise entered the ledger; it rolls over into later years while open. */
  entered_year: number;
  /** `open`, `fulfilled`, or `superseded` (a later reply of the same unit replaced it). */
  status: string;
  progress_percent: number | null;
  last_progress_on: string | null;
  fulfilled_on: string | null;
  fulfilled_note: string | null;
  fulfilled_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface FollowupProgressTable {
  id: string;
  promise_id: string;
  report_on: string;
  text: string;
  percent: number;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
}

export interface SupervisionActivitiesTable {
  id: string;
  suggestion_id: string;
  body_id: string;
  /** `meeting`, `site_visit` or `report_heard`. */
  kind: string;
  activity_on: string;
  summary: string;
  participants: string | null;
  /** `sponsor` or `supervisor` when a linked leader recorded it; null for the office. */
  leader_kind: string | null;
  recorded_by: string;
  recorded_by_name: string;
  created_at: string;
}

export interface SupervisionProgressTable {
  id: string;
  suggestion_id: string;
  assignment_id: string;
  unit_id: string;
  report_on: string;
  text: string;
  percent: number | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

export interface SupervisionRemindersTable {
  id: string;
  suggestion_id: string;
  unit_id: string;
  note: string;
  sent_by: string;
  sent_by_name: string;
  created_at: string;
}

/** A unit below the satisfaction threshold for a year: report, explanation, review. */
export interface RectificationTasksTable {
  id: string;
  body_id: string;
  unit_id: string;
  year: number;
  valid_count: number;
  satisfied_count: number;
  rate_tenths: number;
  threshold_tenths: number;
  due_on: string;
  /** `open`, `submitted` or `accepted`. */
  status: string;
  report_text: string | null;
  explanation: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  review_note: string | null;
  accepted_at: string | null;
  accepted_by: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface OversightTables {
  followup_promises: FollowupPromisesTable;
  followup_progress: FollowupProgressTable;
  supervision_activities: SupervisionActivitiesTable;
  supervision_progress: SupervisionProgressTable;
  supervision_reminders: SupervisionRemindersTable;
  rectification_tasks: RectificationTasksTable;
}
