/** Table types of statistics (migration `0010_stats`), kept beside `schema.ts`. */

/** One row per assigned suggestion (`unit_id = ''`) and per replying unit of it; facts are 0/1. */
export interface StatsFactsTable {
  unit_id: string;
  body_path: string;
  suggestion_id: string;
  body_id: string;
  session_id: string | null;
  year: number;
  category_id: string | null;
  lead_deputy_id: string;
  delegation_id: string | null;
  disclose: number;
  assigned_on: string;
  withdrawn: number;
  replied: number;
  replied_on: string | null;
  reply_days: number;
  on_time: number;
  face_to_face: number;
  feedback: number;
  no_feedback: number;
  satisfied: number;
  satisfied_or_basically: number;
  unsatisfied: number;
  solved: number;
  solved_or_planned: number;
  promises: number;
  promises_fulfilled: number;
  open_due_on: string | null;
  warning_on: string | null;
}

/** One row (id = 1): the audit sequence number the facts are up to date with. */
export interface StatsRefreshTable {
  id: number;
  audit_seq: number;
  rebuilt_at: string;
  updated_at: string;
}

export interface StatsPublicationsTable {
  body_id: string;
  indicators_json: string;
  updated_by: string | null;
  updated_at: string;
}

/** Facts summed per grain (`unit_id`, '' for items), body path, session ('' for none) and year. */
export interface StatsCellsTable {
  unit_id: string;
  body_path: string;
  session_id: string;
  year: number;
  assigned: number;
  withdrawn: number;
  replied: number;
  reply_days: number;
  on_time: number;
  face_to_face: number;
  feedback: number;
  no_feedback: number;
  satisfied: number;
  satisfied_or_basically: number;
  unsatisfied: number;
  solved: number;
  solved_or_planned: number;
  promises: number;
  promises_fulfilled: number;
}

export interface StatsTables {
  stats_cells: StatsCellsTable;
  stats_facts: StatsFactsTable;
  stats_refresh: StatsRefreshTable;
  stats_publications: StatsPublicationsTable;
}
