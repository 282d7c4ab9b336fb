/**
 * Table types for Kysely. Times are ISO-8601 UTC strings and calendar days are `YYYY-MM-DD`
 * strings in both dialects, so repositories never convert dates per dialect. Booleans are
 * stored as integers 0/1 for the same reason.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { VotingTables } from './schema-voting.js';
import type { OversightTables } from './schema-oversight.js';
import type { StationTables } from './schema-stations.js';
import type { ReportTables } from './schema-reports.js';
import type { StatsTables } from './schema-stats.js';
import type { SearchTables } from './schema-search.js';

export interface BodiesTable {
  id: string;
  name: string;
  level: string;
  parent_id: string | null;
  /** Materialised ancestry, e.g. `/01H.../01J.../`, so a subtree is one prefix match. */
  path: string;
  region_code: string | null;
  region_name: string | null;
  created_at: string;
  updated_at: string;
}

export interface RuleProfilesTable {
  body_id: string;
  settings: string;
  updated_at: string;
}

export interface SystemSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface TermsTable {
  id: string;
  body_id: string;
  number: number;
  start_date: string;
  end_date: string | null;
  created_at: string;
}

export interface CongressSessionsTable {
  id: string;
  body_id: string;
  term_id: string;
  number: number;
  name: string;
  start_date: string;
  end_date: string | null;
  created_at: string;
}

export interface DelegationsTable {
  id: string;
  body_id: string;
  term_id: string;
  name: string;
  created_at: string;
}

export interface DeputyGroupsTable {
  id: string;
  body_id: string;
  term_id: string | null;
  name: string;
  created_at: string;
}

export interface CommitteesTable {
  id: string;
  body_id: string;
  name: string;
  kind: string;
  created_at: string;
}

export interface StandingCommitteeMembersTable {
  id: string;
  body_id: string;
  term_id: string;
  deputy_id: string;
  position: string;
  created_at: string;
}

export interface UnitsTable {
  id: string;
  body_id: string;
  name: string;
  kind: string;
  short_name: string | null;
  contact_person: string | null;
  contact_phone: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface UnitDepartmentsTable {
  id: string;
  unit_id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  totp_secret: string | null;
  totp_enabled: number;
  status: string;
  phone: string | null;
  email: string | null;
  locale: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  id: string;
  user_id: string;
  role: string;
  body_id: string;
  unit_id: string | null;
  committee_id: string | null;
  created_at: string;
}

export interface DeputiesTable {
  id: string;
  user_id: string | null;
  name: string;
  gender: string;
  ethnicity: string | null;
  birth_year: number | null;
  occupation: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  photo_file_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A deputy's seat in one congress body for one term: a deputy may sit at several levels. */
export interface DeputySeatsTable {
  id: string;
  deputy_id: string;
  body_id: string;
  term_id: string;
  level: string;
  delegation_id: string | null;
  group_id: string | null;
  electoral_district: string | null;
  status: string;
  terminated_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface LoginSessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  /** `password` until the second factor is passed, then `full`. */
  stage: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  body_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

/** One row (id = 1): the newest seq and hash of the chain; updating it serialises appends. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** Hash the first kept row chains from, after old rows were purged by the retention rule. */
  anchor_seq: number;
  anchor_hash: string;
}

export interface CalendarOverridesTable {
  date: string;
  kind: string;
  note: string | null;
  created_at: string;
}

export interface FilesTable {
  id: string;
  owner_type: string;
  owner_id: string | null;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  storage_path: string;
  sha256: string;
  uploaded_by: string | null;
  created_at: string;
}

export interface CategoriesTable {
  id: string;
  body_id: string;
  parent_id: string | null;
  name: string;
  sort_order: number;
  created_at: string;
}

export interface CategoryUnitsTable {
  category_id: string;
  unit_id: string;
  /** `lead` or `co`: the unit usually handling this category, suggested at assignment. */
  role: string;
}

export interface SuggestionsTable {
  id: string;
  body_id: string;
  session_id: string | null;
  kind: string;
  timing: string;
  lead_deputy_id: string;
  title: string;
  grounds: string;
  proposals: string;
  category_id: string | null;
  status: string;
  review_tier: number;
  /** Numbering scope (a session, or a body and year for recess items); numbers never reused. */
  serial_scope: string | null;
  serial_number: number | null;
  key_status: string;
  disclose: number;
  nondisclosure_reason: string | null;
  merged_into_id: string | null;
  submitted_at: string | null;
  accepted_at: string | null;
  assigned_at: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  replied_at: string | null;
  feedback_due_on: string | null;
  handling_round: number;
  closed_at: string | null;
  close_reason: string | null;
  escalated: number;
}

export interface SuggestionSignersTable {
  suggestion_id: string;
  deputy_id: string;
  status: string;
  invited_at: string;
  responded_at: string | null;
}

export interface SuggestionEventsTable {
  id: string;
  suggestion_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  data_json: string | null;
}

export interface SerialCountersTable {
  scope: string;
  last: number;
}

export interface SuggestionLeadersTable {
  id: string;
  suggestion_id: string;
  kind: string;
  name: string;
  title: string | null;
  user_id: string | null;
  group_name: string | null;
  created_at: string;
}

export interface AssignmentBatchesTable {
  id: string;
  body_id: string;
  name: string;
  assigned_on: string;
  item_count: number;
  created_by: string | null;
  created_at: string;
}

export interface AssignmentsTable {
  id: string;
  suggestion_id: string;
  unit_id: string;
  role: string;
  status: string;
  batch_id: string | null;
  assigned_on: string;
  reply_due_on: string;
  co_opinion_due_on: string | null;
  adjustment_window_ends_on: string;
  received_at: string | null;
  adjustment_reason: string | null;
  adjustment_requested_at: string | null;
  adjustment_decision: string | null;
  adjustment_note: string | null;
  adjustment_decided_at: string | null;
  replaced_by_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  handler_name: string | null;
  handler_phone: string | null;
  plan: string | null;
  planned_finish_on: string | null;
  /** A co-unit's opinion to the lead unit. */
  opinion: string | null;
  opinion_at: string | null;
  extension_status: string | null;
  extension_reason: string | null;
  extension_requested_due_on: string | null;
  extension_note: string | null;
  replied_at: string | null;
}

export interface ContactsTable {
  id: string;
  suggestion_id: string;
  assignment_id: string;
  unit_id: string;
  stage: string;
  method: string;
  contact_on: string;
  participants: string;
  summary: string;
  created_by: string | null;
  created_at: string;
}

export interface RepliesTable {
  id: string;
  suggestion_id: string;
  assignment_id: string;
  unit_id: string;
  round: number;
  outcome_class: string;
  document_no: string;
  body: string;
  face_to_face: number;
  status: string;
  sign_step: number;
  version: number;
  sent_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReplySignoffsTable {
  reply_id: string;
  step: number;
  step_name: string;
  user_id: string;
  user_name: string;
  signed_at: string;
}

export interface RatingsTable {
  id: string;
  suggestion_id: string;
  round: number;
  deputy_id: string;
  is_lead: number;
  attitude: string;
  result: string;
  reason: string | null;
  created_at: string;
}

/** The handling record (全程纪实表) of a suggestion; its key is the suggestion's id. */
export interface HandlingRecordsTable {
  suggestion_id: string;
  body_id: string;
  status: string;
  /** Signing cycle: 1, and one more each time the office reopens a returned record. */
  cycle: number;
  version: number;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface HandlingRecordSignaturesTable {
  suggestion_id: string;
  cycle: number;
  /** `deputy`, `unit_leader` or `government_leader`. */
  step: string;
  user_id: string;
  user_name: string;
  unit_id: string | null;
  note: string | null;
  signed_at: string;
}

export interface HandlingRecordReturnsTable {
  id: string;
  suggestion_id: string;
  cycle: number;
  reason: string;
  due_on: string;
  returned_by: string | null;
  returned_by_name: string;
  returned_at: string;
}

/** Durable jobs: created once per dedupe key, claimed with a compare-and-set, run exactly once. */
export interface JobsTable {
  id: string;
  kind: string;
  dedupe_key: string;
  run_at: string;
  status: string;
  payload_json: string;
  attempts: number;
  claimed_by: string | null;
  claimed_until: string | null;
  last_error: string | null;
  done_at: string | null;
  created_at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read_at: string | null;
  created_at: string;
}

export interface NotificationOutboxTable {
  id: string;
  notification_id: string;
  channel: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
  sent_at: string | null;
  created_at: string;
}

export interface SavedViewsTable {
  id: string;
  user_id: string;
  list_key: string;
  name: string;
  config_json: string;
  created_at: string;
}

/**
 * Every table; ballots, livelihood projects and evaluations are typed in `schema-voting.ts`, the
 * follow-up ledger and supervision in `schema-oversight.ts`, stations in `schema-stations.ts`.
 */
export interface Database
  extends VotingTables, OversightTables, StationTables, ReportTables, StatsTables, SearchTables {
  bodies: BodiesTable;
  rule_profiles: RuleProfilesTable;
  system_settings: SystemSettingsTable;
  terms: TermsTable;
  congress_sessions: CongressSessionsTable;
  delegations: DelegationsTable;
  deputy_groups: DeputyGroupsTable;
  committees: CommitteesTable;
  standing_committee_members: StandingCommitteeMembersTable;
  units: UnitsTable;
  unit_departments: UnitDepartmentsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  deputies: DeputiesTable;
  deputy_seats: DeputySeatsTable;
  login_sessions: LoginSessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  calendar_overrides: CalendarOverridesTable;
  files: FilesTable;
  categories: CategoriesTable;
  category_units: CategoryUnitsTable;
  suggestions: SuggestionsTable;
  suggestion_signers: SuggestionSignersTable;
  suggestion_events: SuggestionEventsTable;
  serial_counters: SerialCountersTable;
  suggestion_leaders: SuggestionLeadersTable;
  assignment_batches: AssignmentBatchesTable;
  assignments: AssignmentsTable;
  notifications: NotificationsTable;
  notification_outbox: NotificationOutboxTable;
  saved_views: SavedViewsTable;
  contacts: ContactsTable;
  replies: RepliesTable;
  reply_signoffs: ReplySignoffsTable;
  ratings: RatingsTable;
  handling_records: HandlingRecordsTable;
  handling_record_signatures: HandlingRecordSignaturesTable;
  handling_record_returns: HandlingRecordReturnsTable;
  jobs: JobsTable;
}

export type BodyRow = Selectable<BodiesTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type DeputyRow = Selectable<DeputiesTable>;
export type DeputySeatRow = Selectable<DeputySeatsTable>;
export type UnitRow = Selectable<UnitsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type { Generated };
export type SuggestionRow = Selectable<SuggestionsTable>;
export type AssignmentRow = Selectable<AssignmentsTable>;

export type * from './schema-stations.js';
