/**
 * Table types of ballots, livelihood projects and satisfaction evaluations (migration
 * `0005_ballots`), kept beside `schema.ts`, whose `Database` includes them.
 */
import type { Selectable } from 'kysely';

export interface BallotsTable {
  id: string;
  body_id: string;
  term_id: string;
  session_id: string | null;
  title: string;
  description: string | null;
  /** `named` or `secret`. */
  kind: string;
  /** `approve`, `select`, `grade` or `score`. */
  question_type: string;
  max_selections: number | null;
  score_max: number | null;
  /** Who may vote, before the snapshot taken at opening (`BallotElectorate`). */
  electorate_json: string;
  pass_rule_json: string;
  allow_change: number;
  require_presence: number;
  opens_at: string | null;
  closes_at: string | null;
  /** The domain that owns the ballot (`livelihood_vote`, `evaluation` …) and its record. */
  purpose: string | null;
  purpose_id: string | null;
  status: string;
  electorate_size: number;
  /** Incremented by every vote in its transaction: the lock that orders votes against closing. */
  ballots_cast: number;
  results_json: string | null;
  opened_at: string | null;
  closed_at: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface BallotItemsTable {
  id: string;
  ballot_id: string;
  position: number;
  title: string;
  description: string | null;
  /** The record the item stands for in the owning domain (a candidate project, a unit …). */
  ref_id: string | null;
}

export interface BallotElectorsTable {
  ballot_id: string;
  deputy_id: string;
  /** `all`, or `members` / `attendees` for weighted groups. */
  group_key: string;
  present: number;
}

/** Who voted, and nothing else (see `ballots/secrecy.ts`). */
export interface BallotParticipationsTable {
  ballot_id: string;
  deputy_id: string;
  /** Secret ballots: hash of the voter's receipt, so only they can change their vote. */
  receipt_check: string | null;
}

/** What was chosen: random id, no time; `deputy_id` only on named ballots. */
export interface BallotChoicesTable {
  id: string;
  ballot_id: string;
  group_key: string;
  /** `online` or `paper` (entered by tellers). */
  source: string;
  deputy_id: string | null;
  valid: number;
  content_json: string;
  receipt_hash: string | null;
}

export interface LivelihoodRoundsTable {
  id: string;
  body_id: string;
  term_id: string;
  session_id: string | null;
  year: number;
  title: string;
  description: string | null;
  nomination_starts_on: string;
  nomination_ends_on: string;
  seats: number;
  /** Candidates needed per seat, in percent (120 = at least 1.2 candidates per seat). */
  candidate_ratio_percent: number;
  tie_rule: string;
  require_majority: number;
  satisfaction_rule_json: string;
  status: string;
  vote_ballot_id: string | null;
  satisfaction_ballot_id: string | null;
  published_at: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LivelihoodNominationsTable {
  id: string;
  round_id: string;
  title: string;
  description: string;
  location: string | null;
  nominator_name: string;
  nominator_phone: string;
  /** Keyed hashes for per-contact and per-address limits, and for refusing duplicates. */
  contact_key: string;
  address_key: string | null;
  content_key: string;
  status: string;
  exclusion_reason: string | null;
  screening_note: string | null;
  screened_by: string | null;
  screened_at: string | null;
  project_id: string | null;
  created_at: string;
}

export interface LivelihoodProjectsTable {
  id: string;
  round_id: string;
  body_id: string;
  position: number;
  title: string;
  description: string;
  investment_fen: number;
  unit_id: string;
  completion_date: string;
  status: string;
  votes: number | null;
  vote_rank: number | null;
  progress_percent: number;
  satisfaction_json: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LivelihoodPlansTable {
  project_id: string;
  unit_id: string;
  targets: string;
  milestones_json: string;
  funds_fen: number;
  funding_source: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LivelihoodProgressTable {
  id: string;
  project_id: string;
  reported_on: string;
  percent: number;
  summary: string;
  created_by: string | null;
  created_at: string;
}

export interface LivelihoodSupervisorsTable {
  project_id: string;
  deputy_id: string;
  is_leader: number;
  created_at: string;
}

export interface EvaluationsTable {
  id: string;
  body_id: string;
  term_id: string;
  /** `work_report` or `department`. */
  kind: string;
  year: number;
  title: string;
  ballot_id: string | null;
  sampling_json: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EvaluationSubjectsTable {
  id: string;
  evaluation_id: string;
  position: number;
  title: string;
  unit_id: string | null;
  reporter: string | null;
  outcome: string | null;
  result_json: string | null;
  /** Items (handled suggestions) the site-check sample is drawn from. */
  population: number | null;
}

export interface EvaluationSamplesTable {
  id: string;
  subject_id: string;
  item_ref: string;
  label: string;
  finding: string | null;
  checked_at: string | null;
  created_at: string;
}

export interface EvaluationRectificationsTable {
  id: string;
  evaluation_id: string;
  subject_id: string;
  body_id: string;
  unit_id: string | null;
  title: string;
  due_on: string;
  status: string;
  report: string | null;
  explanation: string | null;
  submitted_at: string | null;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface VotingTables {
  ballots: BallotsTable;
  ballot_items: BallotItemsTable;
  ballot_electors: BallotElectorsTable;
  ballot_participations: BallotParticipationsTable;
  ballot_choices: BallotChoicesTable;
  livelihood_rounds: LivelihoodRoundsTable;
  livelihood_nominations: LivelihoodNominationsTable;
  livelihood_projects: LivelihoodProjectsTable;
  livelihood_plans: LivelihoodPlansTable;
  livelihood_progress: LivelihoodProgressTable;
  livelihood_supervisors: LivelihoodSupervisorsTable;
  evaluations: EvaluationsTable;
  evaluation_subjects: EvaluationSubjectsTable;
  evaluation_samples: EvaluationSamplesTable;
  evaluation_rectifications: EvaluationRectificationsTable;
}

export type BallotRow = Selectable<BallotsTable>;
export type BallotItemRow = Selectable<BallotItemsTable>;
export type BallotChoiceRow = Selectable<BallotChoicesTable>;
export type LivelihoodRoundRow = Selectable<LivelihoodRoundsTable>;
export type LivelihoodNominationRow = Selectable<LivelihoodNominationsTable>;
export type LivelihoodProjectRow = Selectable<LivelihoodProjectsTable>;
export type EvaluationRow = Selectable<EvaluationsTable>;
export type EvaluationSubjectRow = Selectable<EvaluationSubjectsTable>;
export type EvaluationRectificationRow = Selectable<EvaluationRectificationsTable>;
